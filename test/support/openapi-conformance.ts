import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

/** One response the end-to-end suite received, as it came over the wire. */
export interface RecordedResponse {
  readonly method: string;
  /** The path asked for, without the query string. */
  readonly path: string;
  readonly status: number;
  /** The media type without parameters (`application/json`), or '' when there is no body. */
  readonly mediaType: string;
  /** The parsed body of a JSON answer; undefined for anything else. */
  readonly json: unknown;
  /** A body said to be JSON that does not parse. */
  readonly malformed?: boolean;
  readonly hasBody: boolean;
}

/** A route of the server's own route table. */
export interface RouteTemplate {
  readonly method: string;
  readonly url: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };

interface MediaTypeObject {
  readonly schema?: SchemaNode;
}
interface ResponseObject {
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}
interface OperationObject {
  readonly operationId?: string;
  readonly responses?: Readonly<Record<string, ResponseObject>>;
}
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaNode>> };
}

const DOCUMENT_ID = 'openapi';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_SCHEMA: SchemaNode = { $ref: '#/components/schemas/ProblemResponse' };
/** Keywords of OpenAPI 3.0 that JSON Schema does not know (annotations for the reader only). */
const OPENAPI_ONLY = new Set(['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated']);

function isObject(value: Json | undefined): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An OpenAPI 3.0 schema as a strict JSON Schema: `nullable` becomes a type that admits null,
 * `$ref`s point into the document, and every object schema that lists its properties admits no
 * other (`additionalProperties: false` unless it says otherwise). An object schema that lists
 * nothing admits only `{}`: documenting a response as a bare `object` documents nothing.
 */
export function strictSchema(schema: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-') || (key === 'format' && value === 'binary')) {
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, isObject(property) ? strictSchema(property) : property]),
      );
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isObject(value)) {
      out[key] = strictSchema(value);
    } else if ((key === 'allOf' || key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
      out[key] = value.map((member) => (isObject(member) ? strictSchema(member) : member));
    } else if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace('#/components/schemas/', `${DOCUMENT_ID}#/definitions/`);
    } else {
      out[key] = value;
    }
  }
  const composed = '$ref' in out || 'allOf' in out || 'oneOf' in out || 'anyOf' in out;
  if (out.type === 'object' && !composed && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (schema.nullable === true) {
    if (composed) {
      const { type: _objectWrapper, ...inner } = out;
      return { anyOf: [{ type: 'null' }, inner] };
    }
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) {
        out.enum = [...out.enum, null];
      }
    }
  }
  if ('properties' in out && out.type === undefined) {
    out.type = 'object';
    out.additionalProperties ??= false;
  }
  return out;
}

/** Fastify's `/a/:id/b` as OpenAPI's `/a/{id}/b`. */
function openApiPath(template: string): string {
  return template.replace(/:(\w+)/g, '{$1}');
}

/**
 * The route template a path was served by: a static segment wins over a parameter, earlier
 * segments first, as the router chooses.
 */
export function matchRoute(routes: readonly RouteTemplate[], method: string, path: string): string | undefined {
  const segments = path.split('/');
  let best: { url: string; rank: string } | undefined;
  for (const route of routes) {
    if (route.method !== method) {
      continue;
    }
    const parts = route.url.split('/');
    if (parts.length !== segments.length) {
      continue;
    }
    let rank = '';
    let matches = true;
    for (let i = 0; i < parts.length && matches; i++) {
      const part = parts[i]!;
      if (part.startsWith(':')) {
        matches = segments[i] !== '';
        rank += '1';
      } else {
        matches = decodeURIComponent(segments[i]!) === part;
        rank += '0';
      }
    }
    if (matches && (!best || rank < best.rank)) {
      best = { url: route.url, rank };
    }
  }
  return best?.url;
}

/** The documented content for a media type: exact, then `type/*`, then any. */
function documentedContent(
  content: Readonly<Record<string, MediaTypeObject>>,
  mediaType: string,
): MediaTypeObject | undefined {
  return content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*'];
}

/**
 * Checks real responses against the OpenAPI document: each must answer a documented operation
 * with a documented status and media type, and a JSON body must be valid against the
 * documented schema read strictly (see `strictSchema`; formats uuid, date and date-time are
 * checked). Problem documents are checked against the Problem schema wherever they occur.
 */
export class OpenApiConformance {
  readonly #ajv: Ajv;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly document: OpenApiDocument,
    /** Route prefixes served by plugins outside the document (the documentation itself, dashboards). */
    private readonly undocumentedPrefixes: readonly string[],
  ) {
    this.#ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    formats.default(this.#ajv, ['uuid', 'date', 'date-time', 'email']);
    const definitions = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, strictSchema(schema)]),
    );
    this.#ajv.addSchema({ $id: DOCUMENT_ID, definitions });
  }

  /** Compiles every schema of the document now (they are otherwise compiled when first needed). */
  compileAll(): void {
    for (const name of Object.keys(this.document.components?.schemas ?? {})) {
      this.#validator({ $ref: `#/components/schemas/${name}` });
    }
  }

  /** Every way the recorded responses differ from the document, one line each. */
  violations(routes: readonly RouteTemplate[], responses: readonly RecordedResponse[]): string[] {
    const found = new Set<string>();
    for (const response of responses) {
      for (const violation of this.#check(routes, response)) {
        found.add(violation);
      }
    }
    return [...found];
  }

  #check(routes: readonly RouteTemplate[], response: RecordedResponse): string[] {
    const template = matchRoute(routes, response.method, response.path);
    const where = `${response.method} ${template ? openApiPath(template) : response.path} → ${response.status}`;
    if (!template) {
      // No route: the router's own 404 (or 405), which must still be a proper problem document.
      return response.mediaType === PROBLEM_MEDIA_TYPE ? this.#validate(where, PROBLEM_SCHEMA, response.json) : [];
    }
    // Fastify answers HEAD for every GET route: the GET operation documents it, without a body.
    const head = response.method === 'HEAD';
    const operation = this.document.paths[openApiPath(template)]?.[head ? 'get' : response.method.toLowerCase()];
    if (!operation) {
      return this.undocumentedPrefixes.some((prefix) => template === prefix || template.startsWith(`${prefix}/`))
        ? []
        : [`${where}: the route is not in the OpenAPI document`];
    }
    const name = `${where} (${operation.operationId ?? 'no operationId'})`;
    const documented = operation.responses?.[String(response.status)];
    if (!documented) {
      if (response.status === 500) {
        return this.#validate(name, PROBLEM_SCHEMA, response.json);
      }
      return [`${name}: status ${response.status} is not documented for this operation`];
    }
    if (head) {
      return [];
    }
    if (!documented.content) {
      return response.hasBody ? [`${name}: documented without a body, but answered ${response.mediaType}`] : [];
    }
    const content = documentedContent(documented.content, response.mediaType);
    if (!content) {
      return [
        `${name}: answered ${response.mediaType || 'no body'}, documented ${Object.keys(documented.content).join(', ')}`,
      ];
    }
    if (response.malformed) {
      return [`${name}: the body is not valid JSON`];
    }
    if (response.json === undefined || !content.schema) {
      return [];
    }
    return this.#validate(name, content.schema, response.json);
  }

  #validator(schema: SchemaNode): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = this.#ajv.compile(strictSchema(schema));
      this.#validators.set(key, validate);
    }
    return validate;
  }

  #validate(name: string, schema: SchemaNode, body: unknown): string[] {
    const validate = this.#validator(schema);
    if (validate(body)) {
      return [];
    }
    return (validate.errors ?? []).map((error) => {
      const extra =
        error.keyword === 'additionalProperties'
          ? ` '${(error.params as { additionalProperty: string }).additionalProperty}'`
          : '';
      return `${name}: body${error.instancePath || ''} ${error.message ?? error.keyword}${extra}`;
    });
  }
}
