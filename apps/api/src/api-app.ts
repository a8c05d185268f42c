import { DirectoryCache, OrganisationService } from '@app/directory';
import { type AppConfig, createLogger, NestPinoLogger, type PlatformOptions, QueueRegistry } from '@app/platform';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';

import { ApiModule } from './api.module.js';
import { OPERATORS, PUBLIC } from './auth/access-rule.js';
import { installAccessHook } from './auth/access.hook.js';
import { SessionCookies } from './auth/session-cookies.js';
import { TokenService } from './auth/token.service.js';
import { buildOpenApiDocument, DOCS_PATH, setUpOpenApi } from './docs/openapi.js';
import { ProblemExceptionFilter } from './http/exception.filter.js';
import { installInputGuard } from './http/input-guard.js';
import { recordRoutes, type RouteEntry } from './http/route-table.js';
import { HELMET_OPTIONS, relaxPolicyFor } from './http/security-headers.js';
import { createValidationPipe } from './http/validation.js';
import { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './queues/queue-dashboard.js';
import { mountWebApp } from './web/web-app.js';

export const API_PREFIX = 'api/v1';
const PREFIX_OPTIONS = { exclude: ['health'] };

export interface ApiApp {
  readonly app: NestFastifyApplication;
  /** Every route Fastify registered, with its access rule. */
  readonly routes: readonly RouteEntry[];
  readonly logger: PinoLogger;
}

export interface ApiAppOptions extends PlatformOptions {
  readonly logger?: PinoLogger;
}

/**
 * How a request appears in the log: its route and the names of its query parameters, never their
 * values (a search term is often a person's name, and a secret title is searched for by its words).
 */
export function requestForLog(request: {
  method: string;
  url: string;
  routeOptions?: { url?: string };
  ip?: string;
}): Record<string, unknown> {
  const [path = '', search] = request.url.split('?', 2);
  return {
    method: request.method,
    url: path,
    ...(request.routeOptions?.url ? { route: request.routeOptions.url } : {}),
    ...(search !== undefined ? { queryParameters: [...new Set(new URLSearchParams(search).keys())] } : {}),
    remoteAddress: request.ip,
  };
}

/** Builds the API application, ready to listen (used by main.ts and by the tests). */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<ApiApp> {
  const logger = (options.logger ?? createLogger(config, 'api')).child({}, { serializers: { req: requestForLog } });
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,128}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  const routes = recordRoutes(fastify, [
    { prefix: DOCS_PATH, access: PUBLIC },
    { prefix: QUEUE_DASHBOARD_PATH, access: OPERATORS },
  ]);
  // The access hook reads the directory's version with the actor on every request: here the
  // directory cache can be trusted.
  app.get(DirectoryCache).enable();
  installAccessHook(fastify, app.get(TokenService), app.get(SessionCookies), app.get(OrganisationService));
  installInputGuard(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // Answers hold what the asker may see and others may not (secret titles, files): no cache,
    // shared or the browser's own, keeps a copy.
    if (!reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  relaxPolicyFor(fastify, [DOCS_PATH, QUEUE_DASHBOARD_PATH]);
  await app.register(helmet, HELMET_OPTIONS);
  await app.register(multipart, { limits: { fileSize: config.files.maxBytes, files: 1, fields: 20 } });

  app.setGlobalPrefix(API_PREFIX, PREFIX_OPTIONS);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemExceptionFilter());

  setUpOpenApi(app, app.get(SessionCookies).name);
  await mountQueueDashboard(fastify, app.get(QueueRegistry));
  await mountWebApp(fastify, config.web.root, logger);
  await app.init();
  await fastify.ready();
  return { app, routes, logger };
}

/**
 * The API's OpenAPI document, built from the application's controllers without starting it:
 * no database, Redis or port is needed (the web client's types are generated from it).
 */
export async function createApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX, PREFIX_OPTIONS);
    return buildOpenApiDocument(app, new SessionCookies(config).name);
  } finally {
    await app.close();
  }
}
