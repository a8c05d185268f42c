import { Position, RecipientState } from '@app/consultation';
import { DocumentKind, IssueStatus } from '@app/issuance';
import { Role } from '@app/platform';
import { StatementStatus } from '@app/statement';

import { createApiDocument } from '../../apps/api/src/api-app.js';
import { OPENAPI_JSON_PATH } from '../../apps/api/src/docs/openapi.js';
import { type OpenApiDocument, OpenApiConformance } from '../support/openapi-conformance.js';
import { TestContext } from '../support/test-context.js';

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
}

/** The API's OpenAPI document: what it says about every operation, and that it says it whole. */
describe('the OpenAPI document', () => {
  let ctx: TestContext;
  let document: OpenApiDocument & { components: { schemas: Record<string, Schema> } };
  let operations: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    document = (await createApiDocument(ctx.config)) as unknown as typeof document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation: operation as Operation })),
    );
  });

  afterAll(() => ctx.close());

  const schemas = (): Record<string, Schema> => document.components.schemas;
  const resolve = (schema: Schema): Schema =>
    typeof schema.$ref === 'string' ? schemas()[schema.$ref.split('/').pop()!]! : schema;

  it('is served as the web client’s types are generated from it, without starting the application', async () => {
    const served = await ctx.http().get(OPENAPI_JSON_PATH).expect(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('gives every operation one success answer with its content, or 204 without', () => {
    const wrong = operations.flatMap(({ method, path, operation }) => {
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (successes.length !== 1) {
        return [`${method} ${path}: ${successes.length} success answers`];
      }
      const [status, response] = successes[0]!;
      const described = status === '204' ? !response.content : Object.values(response.content ?? {}).length > 0;
      return described ? [] : [`${method} ${path}: ${status} without its content`];
    });
    expect(wrong).toEqual([]);
  });

  it('answers every error as a problem document, and 401 wherever a token is needed', () => {
    const wrong = operations.flatMap(({ method, path, operation }) => {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      const notProblems = errors
        .filter(([status]) => !(path === '/health' && status === '503'))
        .filter(
          ([, response]) =>
            response.content?.['application/problem+json']?.schema.$ref !== '#/components/schemas/ProblemResponse',
        )
        .map(([status]) => `${method} ${path}: ${status} is not a problem document`);
      const needsToken = (operation.security ?? []).length > 0;
      return needsToken && !operation.responses['401'] ? [...notProblems, `${method} ${path}: no 401`] : notProblems;
    });
    expect(wrong).toEqual([]);
  });

  it('types every property: no bare object, and no property without a type', () => {
    const wrong: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (Array.isArray(schema)) {
        schema.forEach((s, i) => visit(s, `${where}/${i}`));
        return;
      }
      if (typeof schema !== 'object' || schema === null) {
        return;
      }
      const s = schema as Schema;
      const composed = ['$ref', 'allOf', 'oneOf', 'anyOf'].some((k) => k in s);
      if (s.type === 'object' && !composed && !('properties' in s) && !('additionalProperties' in s)) {
        wrong.push(`${where}: a bare object`);
      }
      if (where.endsWith('/schema') || /\/properties\/[^/]+$/.test(where)) {
        if (!composed && !('type' in s)) {
          wrong.push(`${where}: no type`);
        }
      }
      for (const [key, value] of Object.entries(s)) {
        visit(value, `${where}/${key}`);
      }
    };
    visit(document.paths, '#/paths');
    visit(document.components.schemas, '#/components/schemas');
    expect(wrong).toEqual([]);
  });

  it('documents every path parameter as the UUID or the integer its pipe accepts', () => {
    const wrong = operations.flatMap(({ method, path, operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'path')
        .filter((p) => p.schema.format !== 'uuid' && p.schema.type !== 'integer')
        .map((p) => `${method} ${path}: ${p.name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('documents the multipart bodies with their fields and binary file', () => {
    const multipart = operations.filter(({ operation }) => operation.requestBody?.content['multipart/form-data']);
    expect(multipart.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([
      'POST /api/v1/cases/{id}/documents',
      'POST /api/v1/consultation-recipients/{id}/external-answer',
      'POST /api/v1/consultations/{id}/corrections',
      'POST /api/v1/consultations/{id}/documents',
      'POST /api/v1/verification',
      'PUT /api/v1/signing-certificate',
    ]);
    for (const { operation } of multipart) {
      const body = resolve(operation.requestBody!.content['multipart/form-data']!.schema);
      const file = (body.properties as Record<string, Schema>).file!;
      expect(file.format ?? (file.items as Schema).format).toBe('binary');
      expect(body.required).toContain('file');
    }
    const registration = resolve(
      operations.find(({ path, method }) => path === '/api/v1/cases/{id}/documents' && method === 'post')!.operation
        .requestBody!.content['application/json']!.schema,
    );
    expect(Object.keys(registration.properties as object)).not.toContain('file');
    const correction = resolve(
      operations.find(({ path }) => path === '/api/v1/consultations/{id}/corrections')!.operation.requestBody!.content[
        'multipart/form-data'
      ]!.schema,
    );
    expect((correction.properties as Record<string, Schema>).note).toMatchObject({ minLength: 3, maxLength: 2000 });
  });

  it('names the enums with every value the code has', () => {
    const values = (name: string): unknown => schemas()[name]?.enum;
    expect(values('DocumentKind')).toEqual(Object.values(DocumentKind));
    expect(values('IssueStatus')).toEqual(Object.values(IssueStatus));
    expect(values('StatementStatus')).toEqual(Object.values(StatementStatus));
    expect(values('RecipientState')).toEqual(Object.values(RecipientState));
    expect(values('Position')).toEqual(Object.values(Position));
    expect(values('Role')).toEqual(Object.values(Role));
    expect(values('DecisionOutcome')).toEqual(['adopted', 'adopted_with_amendments', 'referred_back', 'declined']);
  });

  it('states the limits the validation enforces', () => {
    const property = (schema: string, name: string): Schema =>
      (schemas()[schema]!.properties as Record<string, Schema>)[name]!;
    expect(property('CreateConsultationDto', 'title')).toMatchObject({ minLength: 2, maxLength: 500 });
    expect(property('StatementPartsDto', 'proposedDecision')).toMatchObject({ minItems: 1, maxItems: 20 });
    expect(property('PreparationPartDto', 'consultedDepartmentIds')).toMatchObject({
      maxItems: 50,
      items: { type: 'string', format: 'uuid' },
    });
    expect(property('PreparationPartDto', 'unionsInformedOn')).toMatchObject({
      type: 'string',
      format: 'date',
      nullable: true,
    });
    expect(property('PreparationPartDto', 'unionForum')).toMatchObject({ type: 'string', nullable: true });
    expect(property('StatementPartsDto', 'meetingId')).toMatchObject({
      type: 'string',
      format: 'uuid',
      nullable: true,
    });
    expect(property('AttachmentDto', 'registeredDocumentId')).toMatchObject({ type: 'string', nullable: true });
    expect(property('SetSeriesStartDto', 'nextNumber')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(property('RecordsPlanEntryDto', 'code')).toMatchObject({ pattern: '^[0-9A-Za-zÅÄÖåäö.-]{1,20}$' });
    const limit = operations
      .find(({ path, method }) => path === '/api/v1/cases' && method === 'get')!
      .operation.parameters!.find((p) => p.name === 'limit')!;
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
  });

  it('reads strictly: every schema compiles for the response check', () => {
    expect(() => new OpenApiConformance(document, []).compileAll()).not.toThrow();
  });
});
