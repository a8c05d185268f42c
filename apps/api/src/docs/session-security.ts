import type { OpenAPIObject } from '@nestjs/swagger';

import { PROBLEM_MEDIA_TYPE } from './api-problems.decorator.js';
import { ProblemResponse } from './problem.responses.js';

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const CSRF_REFUSAL = 'Begäran med sessionscookie saknar giltig CSRF-token i X-CSRF-Token (auth.csrf_token_invalid).';

interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string; content?: unknown }>;
}

/**
 * Documents the browser session beside the bearer token: every operation that takes a bearer
 * token takes the session cookie too, and the unsafe ones take it only with the CSRF token
 * (both schemes together), answering 403 without it.
 */
export function documentSessions(document: OpenAPIObject, cookieName: string): void {
  const components = (document.components ??= {});
  components.securitySchemes = {
    ...components.securitySchemes,
    session: {
      type: 'apiKey',
      in: 'cookie',
      name: cookieName,
      description:
        'Webbläsarens session (POST /api/v1/auth/session): HttpOnly, SameSite=Strict. POST, PUT, PATCH och DELETE ' +
        'kräver dessutom CSRF-token.',
    },
    csrf: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description: 'Värdet i kakan remiss_csrf (dubbel inskickning); krävs med sessionscookien i ändrande anrop.',
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      if (!operation.security?.some((requirement) => 'bearer' in requirement)) {
        continue;
      }
      const unsafe = UNSAFE.has(method);
      operation.security = [{ bearer: [] }, unsafe ? { session: [], csrf: [] } : { session: [] }];
      if (!unsafe) {
        continue;
      }
      const responses = (operation.responses ??= {});
      const forbidden = responses['403'];
      responses['403'] = forbidden
        ? { ...forbidden, description: `${forbidden.description ?? ''} Eller: ${CSRF_REFUSAL}`.trim() }
        : {
            description: CSRF_REFUSAL,
            content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: `#/components/schemas/${ProblemResponse.name}` } } },
          };
    }
  }
}
