import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Where the Swagger UI and the OpenAPI document are served. */
export const DOCS_PATH = '/api/docs';
export const OPENAPI_JSON_PATH = `${DOCS_PATH}/openapi.json`;

export function setUpOpenApi(app: INestApplication): void {
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    yamlDocumentUrl: `${DOCS_PATH.slice(1)}/openapi.yaml`,
    customSiteTitle: 'Remiss – API',
  });
}
