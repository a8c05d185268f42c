import { OrganisationKind, type OrganisationService } from '@app/directory';
import { DomainError, ErrorKind, hasRole, Role } from '@app/platform';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { sendError } from '../http/exception.filter.js';
import type { AccessConfig } from './access-rule.js';
import type { Credential } from './current-actor.decorator.js';
import { CSRF_HEADER, type SessionCookies } from './session-cookies.js';
import { type AuthenticatedToken, SESSION_REFUSALS, type TokenService } from './token.service.js';

const log = new Logger('access');

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Methods that change something: made with the session cookie, they must carry the CSRF token. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who the request comes from. A bearer token wins (a browser never adds one by itself, so it
 * needs no CSRF token); otherwise the session cookie, whose refusal also removes the cookies.
 */
async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: TokenService,
  cookies: SessionCookies,
): Promise<AuthenticatedToken & { credential: Credential }> {
  const token = bearer(request);
  if (token) {
    return { ...(await tokens.authenticate(token)), credential: 'bearer' };
  }
  const sessionToken = cookies.read(request);
  if (!sessionToken) {
    throw new DomainError(
      'auth.required',
      ErrorKind.Unauthenticated,
      'Logga in och skicka med din token (Authorization: Bearer …).',
    );
  }
  let authenticated: AuthenticatedToken;
  try {
    authenticated = await tokens.authenticate(sessionToken, SESSION_REFUSALS);
  } catch (error) {
    if (error instanceof DomainError && error.kind === ErrorKind.Unauthenticated) {
      cookies.clear(reply);
    }
    throw error;
  }
  if (UNSAFE_METHODS.has(request.method) && !tokens.csrfMatches(authenticated.session, request.headers[CSRF_HEADER])) {
    throw new DomainError(
      'auth.csrf_token_invalid',
      ErrorKind.Forbidden,
      'Begäran saknar giltig CSRF-token i huvudet X-CSRF-Token. Ladda om sidan och försök igen.',
    );
  }
  return { ...authenticated, credential: 'cookie' };
}

/**
 * The one place access is enforced, for every route of the server alike (controllers, the API
 * documentation, the queue dashboard): read the route's rule, resolve the bearer token or the
 * browser's session cookie to a person acting for an organisation (and hold a cookie-borne
 * unsafe request to its CSRF token), and check the roles the rule asks for. Organisation scope
 * (another organisation's record answers 404) is then applied by the services with the actor
 * this hook sets.
 */
export function installAccessHook(
  fastify: FastifyInstance,
  tokens: TokenService,
  cookies: SessionCookies,
  organisations: OrganisationService,
): void {
  fastify.decorateRequest('actor', null);
  fastify.decorateRequest('session', null);
  fastify.decorateRequest('credential', null);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) {
      return;
    }
    const rule = (request.routeOptions.config as AccessConfig | undefined)?.access;
    try {
      if (!rule) {
        log.error({ msg: 'route has no access rule; refusing', url: request.routeOptions.url, method: request.method });
        throw new DomainError('access.no_rule', ErrorKind.Forbidden, 'Den här adressen är inte öppnad för någon.');
      }
      if (rule.kind === 'public') {
        return;
      }
      const { actor, session, credential } = await authenticate(request, reply, tokens, cookies);
      if (rule.kind === 'roles' && !hasRole(actor, ...rule.roles)) {
        throw new DomainError(
          'access.role_required',
          ErrorKind.Forbidden,
          'Du har inte den roll som krävs för detta i organisationen du är inloggad för.',
        );
      }
      if (
        rule.kind === 'operators' &&
        !(
          actor.roles.has(Role.Administrator) &&
          (await organisations.findById(actor.organisationId))?.kind === OrganisationKind.City
        )
      ) {
        throw new DomainError(
          'access.operator_required',
          ErrorKind.Forbidden,
          'Detta verktyg är till för kommunens systemadministratörer.',
        );
      }
      request.actor = actor;
      request.session = session;
      request.credential = credential;
    } catch (error) {
      sendError(reply, request, error, log);
      return reply;
    }
  });
}
