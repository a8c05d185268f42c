import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { applyRequestBodies } from './api-bodies.decorator.js';
import { ProblemResponse } from './problem.responses.js';
import { documentSessions } from './session-security.js';
import { documentValidation } from './validation-documentation.js';

/** Where the Swagger UI and the OpenAPI document are served. */
export const DOCS_PATH = '/api/docs';
export const OPENAPI_JSON_PATH = `${DOCS_PATH}/openapi.json`;

/** The OpenAPI document of the application's controllers, as served and as the web client's types are made from. */
export function buildOpenApiDocument(app: INestApplication, sessionCookieName: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Remiss')
    .setDescription(
      'Remisshantering för kommuner: diarium, remissutskick, tjänsteutlåtanden, beslut och signerade handlingar. ' +
        'Program loggar in med POST /api/v1/auth/login och skickar token som Authorization: Bearer …; ' +
        'webbläsaren loggar in med POST /api/v1/auth/session och får en sessionscookie (HttpOnly, SameSite=Strict) ' +
        'och kakan remiss_csrf, vars värde skickas som X-CSRF-Token i POST, PUT, PATCH och DELETE. ' +
        'Ändringar för den inloggade personen strömmas som Server-Sent Events från GET /api/v1/events. ' +
        'Fel besvaras som application/problem+json med fälten code och errorId.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  documentValidation(app);
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse] });
  applyRequestBodies(document);
  documentSessions(document, sessionCookieName);
  return document;
}

export function setUpOpenApi(app: INestApplication, sessionCookieName: string): void {
  SwaggerModule.setup(DOCS_PATH.slice(1), app, buildOpenApiDocument(app, sessionCookieName), {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    yamlDocumentUrl: `${DOCS_PATH.slice(1)}/openapi.yaml`,
    customSiteTitle: 'Remiss – API',
  });
}
