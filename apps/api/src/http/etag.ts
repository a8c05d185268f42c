import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * Answers a polled view by its version: sets the ETag (made from the version and everything else
 * the answer depends on: who asks, the query) and says whether the client's If-None-Match already
 * names it, in which case the reply is a 304 and the view need not be read at all.
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  view: string,
  parts: readonly unknown[],
): boolean {
  const tag = `W/"${view}-${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
  // Private to the person, and to be checked every time: the version is cheap to ask.
  reply.header('cache-control', 'private, no-cache');
  reply.header('etag', tag);
  const given = request.headers['if-none-match'];
  if (typeof given === 'string' && given.split(',').some((t) => t.trim() === tag || t.trim() === '*')) {
    reply.code(304);
    return true;
  }
  return false;
}
