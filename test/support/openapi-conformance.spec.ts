import { matchRoute, type OpenApiDocument, OpenApiConformance, type RecordedResponse } from './openapi-conformance.js';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponse' } } };

const document: OpenApiDocument = {
  paths: {
    '/api/things/{id}': {
      get: {
        operationId: 'ThingsController_get',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingResponse' } } } },
          '404': { content: PROBLEM },
        },
      },
      delete: { operationId: 'ThingsController_remove', responses: { '204': {} } },
    },
    '/api/things/{id}/file': {
      get: {
        operationId: 'ThingsController_file',
        responses: { '200': { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
      },
    },
    '/api/things/{id}/loose': {
      get: {
        operationId: 'ThingsController_loose',
        responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    schemas: {
      ThingResponse: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          on: { type: 'string', format: 'date' },
          at: { type: 'string', format: 'date-time', nullable: true },
          state: { $ref: '#/components/schemas/ThingState' },
          owner: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/OwnerResponse' }] },
          tags: { type: 'array', items: { type: 'string' } },
        },
        required: ['id', 'on', 'at', 'state', 'owner', 'tags'],
      },
      OwnerResponse: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      ThingState: { type: 'string', enum: ['new', 'old'] },
      ProblemResponse: {
        type: 'object',
        properties: { status: { type: 'integer' }, code: { type: 'string' }, errors: { type: 'array', items: {} } },
        required: ['status', 'code'],
      },
    },
  },
};

const routes = [
  { method: 'GET', url: '/api/things/:id' },
  { method: 'HEAD', url: '/api/things/:id' },
  { method: 'DELETE', url: '/api/things/:id' },
  { method: 'GET', url: '/api/things/:id/file' },
  { method: 'GET', url: '/api/things/:id/loose' },
  { method: 'GET', url: '/api/things/special' },
  { method: 'GET', url: '/api/docs/openapi.json' },
];

const ID = '0b6c3f1e-7f7a-4a52-9d1e-7c1b2a3d4e5f';
const thing = {
  id: ID,
  on: '2025-10-23',
  at: null,
  state: 'new',
  owner: null,
  tags: ['a'],
};

function response(overrides: Partial<RecordedResponse>): RecordedResponse {
  return {
    method: 'GET',
    path: `/api/things/${ID}`,
    status: 200,
    mediaType: 'application/json',
    json: thing,
    hasBody: true,
    ...overrides,
  };
}

describe(OpenApiConformance.name, () => {
  const sut = new OpenApiConformance(document, ['/api/docs']);
  const check = (...responses: RecordedResponse[]): string[] => sut.violations(routes, responses);

  it('accepts a body exactly as documented, with nulls where the schema allows them', () => {
    expect(check(response({}))).toEqual([]);
    expect(check(response({ json: { ...thing, at: '2025-10-23T08:00:00.000Z', owner: { name: 'Jens' } } }))).toEqual(
      [],
    );
  });

  it('refuses a property the schema does not list, naming the operation and the place', () => {
    expect(check(response({ json: { ...thing, secret: 'x' } }))).toEqual([
      "GET /api/things/{id} → 200 (ThingsController_get): body must NOT have additional properties 'secret'",
    ]);
    expect(check(response({ json: { ...thing, owner: { name: 'Jens', email: 'x' } } }))).toContainEqual(
      expect.stringMatching(/body\/owner must NOT have additional properties 'email'/),
    );
  });

  it('refuses null where the schema does not allow it, and a missing property', () => {
    expect(check(response({ json: { ...thing, on: null } }))).toEqual([
      expect.stringMatching(/body\/on must be string/),
    ]);
    const { tags: _tags, ...withoutTags } = thing;
    expect(check(response({ json: withoutTags }))).toEqual([
      expect.stringMatching(/body must have required property 'tags'/),
    ]);
  });

  it('checks the formats uuid, date and date-time and the enums', () => {
    const violations = check(
      response({ json: { ...thing, id: 'not-an-id', on: '2025-02-30', at: '23 oktober', state: 'gone' } }),
    );
    expect(violations).toEqual([
      expect.stringMatching(/body\/id must match format "uuid"/),
      expect.stringMatching(/body\/on must match format "date"/),
      expect.stringMatching(/body\/at must match format "date-time"/),
      expect.stringMatching(/body\/state must be equal to one of the allowed values/),
    ]);
  });

  it('admits nothing but {} where the document says only "object"', () => {
    const loose = (json: unknown): string[] => check(response({ path: `/api/things/${ID}/loose`, json }));
    expect(loose({})).toEqual([]);
    expect(loose({ anything: 1 })).toEqual([expect.stringMatching(/additional properties 'anything'/)]);
  });

  it('refuses a status the operation does not document', () => {
    expect(
      check(response({ status: 409, mediaType: 'application/problem+json', json: { status: 409, code: 'x' } })),
    ).toEqual(['GET /api/things/{id} → 409 (ThingsController_get): status 409 is not documented for this operation']);
  });

  it('checks problem documents against the Problem schema, also where no route matched', () => {
    const problem = { status: 404, code: 'thing.not_found' };
    expect(check(response({ status: 404, mediaType: 'application/problem+json', json: problem }))).toEqual([]);
    expect(
      check(response({ status: 404, mediaType: 'application/problem+json', json: { ...problem, stack: 'at …' } })),
    ).toEqual([expect.stringMatching(/→ 404 .*additional properties 'stack'/)]);
    expect(
      check(
        response({ path: '/api/nowhere', status: 404, mediaType: 'application/problem+json', json: { status: 404 } }),
      ),
    ).toEqual(["GET /api/nowhere → 404: body must have required property 'code'"]);
  });

  it('holds a media type and an empty body to the documented content', () => {
    const file = { path: `/api/things/${ID}/file`, json: undefined };
    expect(check(response({ ...file, mediaType: 'application/pdf' }))).toEqual([]);
    expect(check(response({ ...file, mediaType: 'text/html' }))).toEqual([
      'GET /api/things/{id}/file → 200 (ThingsController_file): answered text/html, documented application/pdf',
    ]);
    expect(check(response({ json: undefined, malformed: true }))).toEqual([
      'GET /api/things/{id} → 200 (ThingsController_get): the body is not valid JSON',
    ]);
    const removed = { method: 'DELETE', status: 204, mediaType: '', json: undefined, hasBody: false };
    expect(check(response(removed))).toEqual([]);
    expect(check(response({ ...removed, mediaType: 'application/json', json: {}, hasBody: true }))).toEqual([
      'DELETE /api/things/{id} → 204 (ThingsController_remove): documented without a body, but answered application/json',
    ]);
  });

  it('takes HEAD as the GET operation without a body, and skips only the undocumented prefixes', () => {
    expect(check(response({ method: 'HEAD', mediaType: '', json: undefined, hasBody: false }))).toEqual([]);
    expect(check(response({ method: 'HEAD', status: 401, json: undefined }))).toEqual([
      'HEAD /api/things/{id} → 401 (ThingsController_get): status 401 is not documented for this operation',
    ]);
    expect(check(response({ path: '/api/docs/openapi.json', json: {} }))).toEqual([]);
    expect(check(response({ path: '/api/things/special', json: {} }))).toEqual([
      'GET /api/things/special → 200: the route is not in the OpenAPI document',
    ]);
  });
});

describe(matchRoute.name, () => {
  it('prefers a static segment to a parameter, as the router does', () => {
    expect(matchRoute(routes, 'GET', '/api/things/special')).toBe('/api/things/special');
    expect(matchRoute(routes, 'GET', `/api/things/${ID}`)).toBe('/api/things/:id');
    expect(matchRoute(routes, 'GET', `/api/things/${ID}/file`)).toBe('/api/things/:id/file');
    expect(matchRoute(routes, 'POST', `/api/things/${ID}`)).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/api/things/')).toBeUndefined();
  });
});
