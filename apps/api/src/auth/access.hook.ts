import { OrganisationKind, type OrganisationService } from '@app/directory';
import { DomainError, ErrorKind, hasRole, Role } from '@app/platform';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { sendError } from '../http/exception.filter.js';
import type { AccessConfig } from './access-rule.js';
import type { TokenService } from './token.service.js';

const log = new Logger('access');

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * The one place access is enforced, for every route of the server alike (controllers, the API
 * documentation, the queue dashboard): read the route's rule, resolve the bearer token to a
 * person acting for an organisation, and check the roles the rule asks for. Organisation scope
 * (another organisation's record answers 404) is then applied by the services with the actor
 * this hook sets.
 */
export function installAccessHook(
  fastify: FastifyInstance,
  tokens: TokenService,
  organisations: OrganisationService,
): void {
  fastify.decorateRequest('actor', null);
  fastify.decorateRequest('session', null);
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
      const token = bearer(request);
      if (!token) {
        throw new DomainError(
          'auth.required',
          ErrorKind.Unauthenticated,
          'Logga in och skicka med din token (Authorization: Bearer …).',
        );
      }
      const { actor, session } = await tokens.authenticate(token);
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
    } catch (error) {
      sendError(reply, request, error, log);
      return reply;
    }
  });
}
