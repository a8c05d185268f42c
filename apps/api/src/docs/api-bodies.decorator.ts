import { applyDecorators, type Type } from '@nestjs/common';
import { ApiConsumes, ApiExtension, ApiExtraModels, type OpenAPIObject } from '@nestjs/swagger';

const EXTENSION = 'x-request-bodies';

/**
 * Documents a request body whose shape depends on its media type — JSON without a file, or
 * multipart/form-data with the fields and the file — which `@ApiBody` (one schema for every
 * media type) cannot say. `applyRequestBodies` writes it into the document.
 */
export function ApiBodies(bodies: Readonly<Record<string, Type>>): MethodDecorator {
  return applyDecorators(
    ApiConsumes(...Object.keys(bodies)),
    ApiExtraModels(...Object.values(bodies)),
    ApiExtension(EXTENSION, Object.fromEntries(Object.entries(bodies).map(([media, type]) => [media, type.name]))),
  );
}

/** Replaces each operation's request body declared with `ApiBodies` by one schema per media type. */
export function applyRequestBodies(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      const bodies = operation?.[EXTENSION] as Record<string, string> | undefined;
      if (!bodies) {
        continue;
      }
      delete operation[EXTENSION];
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(
          Object.entries(bodies).map(([media, schema]) => [
            media,
            { schema: { $ref: `#/components/schemas/${schema}` } },
          ]),
        ),
      };
    }
  }
}
