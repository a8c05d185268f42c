import type { Session } from '@app/directory';
import type { Actor } from '@app/platform';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** How a request proved who it is: a bearer token (machine clients) or the browser's session cookie. */
export type Credential = 'bearer' | 'cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access hook for every route that is not public. */
    actor: Actor | null;
    /** The token's session, set with the actor. */
    session: Session | null;
    /** Where the token came from, set with the actor. */
    credential: Credential | null;
  }
}

function fromRequest<K extends 'actor' | 'session' | 'credential'>(
  context: ExecutionContext,
  key: K,
): NonNullable<FastifyRequest[K]> {
  const value = context.switchToHttp().getRequest<FastifyRequest>()[key];
  if (!value) {
    throw new Error(`${key} asked for on a public route`);
  }
  return value;
}

/** The actor the access hook resolved for this request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  fromRequest(context, 'actor'),
);

/** The session of the token this request came with (to end it). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): Session =>
  fromRequest(context, 'session'),
);

/** Whether the request came with a bearer token or the session cookie. */
export const CurrentCredential = createParamDecorator((_data: unknown, context: ExecutionContext): Credential =>
  fromRequest(context, 'credential'),
);
