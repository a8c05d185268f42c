import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Logger as PinoLogger } from 'pino';

import { PUBLIC } from '../auth/access-rule.js';

/** Paths the web application never answers: the API (with its documentation and the queue dashboard) and the health probe. */
const SERVER_PATHS = ['/api', '/health'];

/** Vite's hashed build output: a file there never changes under its name. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files beside it are asked for anew each time (answered 304 when unchanged). */
const REVALIDATE = 'no-cache';

function isServerPath(path: string): boolean {
  return SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The file a URL path names inside the root, or undefined when it names none (or tries to leave the root). */
async function fileIn(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(`${root}${sep}`)) {
    return undefined;
  }
  try {
    return (await stat(file)).isFile() ? relative(root, file).split(sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web application from `root` at `/`: its files, and its index.html for every
 * other GET path outside the API, so that the app's own routes survive a reload. Without a built
 * application the API runs as before and says so once in the log.
 */
export async function mountWebApp(fastify: FastifyInstance, root: string, logger: PinoLogger): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn({ msg: 'no web application to serve (run npm run build); the API answers without it', webRoot: root });
    return;
  }
  // In a context of its own: the queue dashboard brings its own copy of the static plugin.
  await fastify.register(async (web) => {
    await web.register(fastifyStatic, { root, serve: false, dotfiles: 'deny', cacheControl: false });
    web.get('/*', { config: { access: PUBLIC } }, async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?', 1)[0]!;
      if (isServerPath(path)) {
        return reply.callNotFound();
      }
      const file = await fileIn(root, path);
      if (path.startsWith(ASSETS_PREFIX)) {
        // A missing hashed file is a stale page asking for an old build: 404, never index.html.
        return file ? reply.header('cache-control', IMMUTABLE).sendFile(file) : reply.callNotFound();
      }
      return reply.header('cache-control', REVALIDATE).sendFile(file ?? 'index.html');
    });
  });
}
