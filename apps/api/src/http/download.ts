import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/**
 * Sends a file as a download: its media type, its size, and its name in a Content-Disposition
 * that keeps å, ä, ö (RFC 6266 with an ASCII fallback), never kept in a cache.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { stream: Readable | string | Buffer; fileName: string; mediaType: string; size?: number },
  /** `inline` for a file to read in the browser, such as a preview; a download otherwise. */
  disposition: 'attachment' | 'inline' = 'attachment',
): FastifyReply {
  // A file may be one the asker alone may read: no cache keeps a copy for the next.
  void reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName, { type: disposition }))
    .header('cache-control', 'no-store');
  if (file.size !== undefined) {
    void reply.header('content-length', String(file.size));
  }
  return reply.send(file.stream);
}
