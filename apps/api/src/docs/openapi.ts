import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { applyRequestBodies } from './api-bodies.decorator.js';
import { ProblemResponse } from './problem.responses.js';
import { documentValidation } from './validation-documentation.js';

/** Where the Swagger UI and the OpenAPI document are served. */
export const DOCS_PATH = '/api/docs';
export const OPENAPI_JSON_PATH = `${DOCS_PATH}/openapi.json`;

/** The OpenAPI document of the application's controllers, as served and as the web client's types are made from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Remiss')
    .setDescription(
      'Remisshantering för kommuner: diarium, remissutskick, tjänsteutlåtanden, beslut och signerade handlingar. ' +
        'Logga in med POST /api/v1/auth/login och skicka token som Authorization: Bearer …. ' +
        'Fel besvaras som application/problem+json med fälten code och errorId.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  documentValidation(app);
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse] });
  applyRequestBodies(document);
  return document;
}

export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH.slice(1), app, buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    yamlDocumentUrl: `${DOCS_PATH.slice(1)}/openapi.yaml`,
    customSiteTitle: 'Remiss – API',
  });
}
