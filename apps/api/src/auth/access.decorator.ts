import { Role } from '@app/platform';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth } from '@nestjs/swagger';

import { ApiProblem } from '../docs/api-problems.decorator.js';
import { type AccessRule, AUTHENTICATED, PUBLIC, rolesRule } from './access-rule.js';

function access(rule: AccessRule): MethodDecorator {
  const docs =
    rule.kind === 'public'
      ? []
      : [
          ApiBearerAuth(),
          ApiProblem(401),
          ...(rule.kind === 'roles' ? [ApiProblem(403, `Kräver någon av rollerna: ${rule.roles.join(', ')}.`)] : []),
        ];
  return applyDecorators(RouteConfig({ access: rule }), ...docs);
}

/** Open to anyone, logged in or not (login, health, the API documentation). */
export const Public = (): MethodDecorator => access(PUBLIC);

/** Open to any logged-in person; the service still limits what their organisation may see. */
export const Authenticated = (): MethodDecorator => access(AUTHENTICATED);

/** Open to a logged-in person holding one of the roles in the organisation they act for. */
export const Roles = (...roles: Role[]): MethodDecorator => access(rolesRule(...roles));

export { Role };
