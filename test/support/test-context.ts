import { type AppConfig, loadAppConfig, SettableClock } from '@app/platform';
import { Factories, type TestPerson } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger as PinoLogger, pino } from 'pino';
import request, { type Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type Test from 'supertest/lib/test.js';
import { DataSource } from 'typeorm';

import { type ApiApp, createApiApp } from '../../apps/api/src/api-app.js';
import { DOCS_PATH, OPENAPI_JSON_PATH } from '../../apps/api/src/docs/openapi.js';
import { QUEUE_DASHBOARD_PATH } from '../../apps/api/src/queues/queue-dashboard.js';
import { createWorkerApp, type WorkerApp } from '../../apps/worker/src/worker-app.js';
import { createDatabase, dropDatabase } from '../../scripts/database-admin.js';
import { deleteRedisKeys } from '../../scripts/redis-admin.js';
import {
  baseDatabaseUrl,
  baseRedisUrl,
  databasePrefix,
  redisPrefix,
  templateDatabase,
} from '../setup/test-environment.js';
import { type OpenApiDocument, OpenApiConformance, type RecordedResponse } from './openapi-conformance.js';

export interface TestContextOptions {
  /** Boot the API in-process (default true). */
  readonly api?: boolean;
  /** Boot the worker in-process (default true). */
  readonly worker?: boolean;
  /** Extra environment for the config (e.g. short stalled intervals). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where the processes log (silent unless given), for tests that read the log lines. */
  readonly logger?: PinoLogger;
}

/**
 * One test file's world: its own database copied from the run's template, its own Redis key
 * prefix, a settable clock, and the API and worker booted in-process. `close` removes it all.
 */
export class TestContext {
  readonly clock = new SettableClock();
  #api: ApiApp | undefined;
  #worker: WorkerApp | undefined;
  /** Every response the file's requests received, checked against the OpenAPI document on close. */
  readonly #responses: RecordedResponse[] = [];

  private constructor(
    readonly config: AppConfig,
    readonly env: Readonly<Record<string, string>>,
    readonly databaseName: string,
  ) {}

  static async create(options: TestContextOptions = {}): Promise<TestContext> {
    const tag = randomBytes(4).toString('hex');
    const databaseName = `${databasePrefix()}${tag}`;
    const databaseUrl = await createDatabase(baseDatabaseUrl(), databaseName, templateDatabase());
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: baseRedisUrl(),
      QUEUE_PREFIX: `${redisPrefix()}:${tag}`,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_INTERVAL_MS: '200',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      QUEUE_LOCK_DURATION_MS: '2000',
      LOGIN_MAX_ATTEMPTS: '1000',
      // Documents are made on a render thread, as in production (the thread runs the build).
      RENDER_THREADS: '1',
      // Without an SMTP server, mail is written to files: the test's own directory, never the checkout's.
      MAIL_DIR: join(tmpdir(), `remiss-test-mail-${tag}`),
      ...options.env,
    };
    const ctx = new TestContext(loadAppConfig(env), env, databaseName);
    const logger = options.logger ?? pino({ level: 'silent' });
    if (options.api ?? true) {
      ctx.#api = await createApiApp(ctx.config, { clock: ctx.clock, logger });
    }
    if (options.worker ?? true) {
      ctx.#worker = await createWorkerApp(ctx.config, { clock: ctx.clock, logger });
    }
    return ctx;
  }

  get api(): ApiApp {
    if (!this.#api) {
      throw new Error('this test context has no API');
    }
    return this.#api;
  }

  get worker(): WorkerApp {
    if (!this.#worker) {
      throw new Error('this test context has no in-process worker');
    }
    return this.#worker;
  }

  /** The Nest container of the API (or of the worker when there is no API). */
  get app(): INestApplicationContext {
    return this.#api?.app ?? this.worker.app;
  }

  get<T>(token: (abstract new (...args: never[]) => T) | symbol): T {
    return this.app.get<T>(token);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get factories(): Factories {
    return new Factories(this.app);
  }

  /** A client for the in-process API; every response it receives is recorded for the OpenAPI check. */
  http(): TestAgent {
    const agent = request(this.api.app.getHttpServer()) as unknown as Record<string, (url: string) => Test>;
    for (const [method, open] of Object.entries(agent)) {
      agent[method] = (url: string) =>
        open(url).on('response', (response: Response) =>
          this.#responses.push(recorded(method === 'del' ? 'delete' : method, url, response)),
        );
    }
    return agent as unknown as TestAgent;
  }

  async login(person: Pick<TestPerson, 'email' | 'password'>, organisationId?: string): Promise<string> {
    const response = await this.http()
      .post('/api/v1/auth/login')
      .send({ email: person.email, password: person.password, ...(organisationId ? { organisationId } : {}) });
    if (response.status !== 200) {
      throw new Error(`login of ${person.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return (response.body as { accessToken: string }).accessToken;
  }

  /** Headers for a request as the person (logs in on first use). */
  async as(person: Pick<TestPerson, 'email' | 'password'>, organisationId?: string): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.login(person, organisationId)}` };
  }

  /** Waits until every outbox job has been relayed and settled. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await this.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM outbox_jobs WHERE settled_at IS NULL`,
      );
      if (row?.open === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`outbox not drained after ${timeoutMs} ms (${row?.open} jobs open)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return await this.dataSource.query<T[]>(sql, parameters);
  }

  /**
   * Removes the file's world. First every response the file received is checked against the
   * API's OpenAPI document: a route that answers something its documentation does not say
   * fails the file, naming the operation and the place in the body.
   */
  async close(): Promise<void> {
    let violations: string[];
    try {
      violations = await this.#conformanceViolations();
    } finally {
      await this.#worker?.close();
      await this.#api?.app.close();
      await dropDatabase(baseDatabaseUrl(), this.databaseName);
      await deleteRedisKeys(baseRedisUrl(), `${this.config.queue.prefix}*`);
    }
    if (violations.length > 0) {
      throw new Error(
        `The API answered ${violations.length} time(s) otherwise than its OpenAPI document says ` +
          `(document the answer in the operation's decorators and response classes, or fix the answer):\n` +
          violations.map((v) => `  ${v}`).join('\n'),
      );
    }
  }

  async #conformanceViolations(): Promise<string[]> {
    if (!this.#api || this.#responses.length === 0) {
      return [];
    }
    const served = await request(this.#api.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200);
    const conformance = new OpenApiConformance(served.body as OpenApiDocument, [DOCS_PATH, QUEUE_DASHBOARD_PATH]);
    return conformance.violations(this.#api.routes, this.#responses);
  }
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function recorded(method: string, url: string, response: Response): RecordedResponse {
  const contentType: unknown = response.headers['content-type'];
  const mediaType = (typeof contentType === 'string' ? contentType : '').split(';')[0]!.trim().toLowerCase();
  const raw: unknown = response.body;
  const text = typeof response.text === 'string' ? response.text : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  const hasBody = text.length > 0 || (Buffer.isBuffer(raw) && raw.length > 0);
  let json: unknown;
  let malformed = false;
  if (isJson(mediaType) && text.length > 0) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      malformed = true;
    }
  }
  return {
    method: method.toUpperCase(),
    path: new URL(url, 'http://localhost').pathname,
    status: response.status,
    mediaType: hasBody ? mediaType : '',
    json,
    malformed,
    hasBody,
  };
}
