import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { translateError } from './error-translation.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/** Answers every error raised in Nest's pipeline as application/problem+json. */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  readonly #log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(reply, request, exception, this.#log);
  }
}

export function sendError(reply: FastifyReply, request: FastifyRequest, exception: unknown, log: Logger): void {
  const { problem, serverFault } = translateError(exception, request.url.split('?')[0]);
  if (serverFault) {
    log.error({
      msg: 'request failed',
      errorId: problem.errorId,
      reqId: request.id,
      method: request.method,
      url: request.url.split('?')[0],
      error:
        exception instanceof Error
          ? { name: exception.name, message: exception.message, stack: exception.stack }
          : String(exception),
    });
  }
  if (reply.sent) {
    return;
  }
  // When to try again, for clients that read the header rather than the problem (RFC 9110 §10.2.3).
  if (problem.status === 429 && typeof problem['retryAfterSeconds'] === 'number') {
    void reply.header('retry-after', String(problem['retryAfterSeconds']));
  }
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
