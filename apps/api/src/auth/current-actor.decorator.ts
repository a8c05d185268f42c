import type { Session } from '@app/directory';
import type { Actor } from '@app/platform';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access hook for every route that is not public. */
    actor: Actor | null;
    /** The token's session, set with the actor. */
    session: Session | null;
  }
}

/** The actor the access hook resolved for this request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) {
    throw new Error('CurrentActor used on a public route');
  }
  return actor;
});

/** The session of the token this request came with (to end it). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): Session => {
  const session = context.switchToHttp().getRequest<FastifyRequest>().session;
  if (!session) {
    throw new Error('CurrentSession used on a public route');
  }
  return session;
});
