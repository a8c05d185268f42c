import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';

import { samplePdf } from '../support/files.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { statementWorld, type StatementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; problems: string[] }[];
}

/** A 400 problem that names the field, in Swedish, as every other bad body gets. */
function expectFieldProblem(response: Response, field: string): void {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status: 400,
    type: 'application/problem+json; charset=utf-8',
  });
  const problem = response.body as Problem;
  expect(problem.code).toBe('request.invalid');
  expect(problem.errors?.map((e) => e.field)).toContain(field);
  expect(problem.detail).toMatch(/^Begäran innehåller fel: /);
  expect(problem.detail).toContain(field);
}

describe('bad input answers 4xx and changes nothing', () => {
  let ctx: TestContext;
  let w: StatementWorld;
  let admin: TestPerson;
  let statementId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    ctx = await TestContext.create();
    w = await statementWorld(ctx);
    admin = await ctx.factories.person(w.organisationId, { roles: [Role.Administrator] });
    pdf = await samplePdf(['Ett brev']);
    const created = await ctx
      .http()
      .post('/api/v1/statements')
      .set(await ctx.as(w.officer))
      .send({ caseId: w.caseId })
      .expect(201);
    statementId = (created.body as { id: string }).id;
  });

  afterAll(() => ctx.close());

  /** The registrar registers a document in the world's case as a multipart form: its fields, then the file. */
  async function postDocument(
    fields: Record<string, string>,
    file: { bytes: Buffer; filename: string },
  ): Promise<Response> {
    const request = ctx
      .http()
      .post(`/api/v1/cases/${w.caseId}/documents`)
      .set(await ctx.as(w.registrar));
    for (const [name, value] of Object.entries(fields)) {
      void request.field(name, value);
    }
    return request.attach('file', file.bytes, { filename: file.filename, contentType: 'application/pdf' });
  }

  describe('a NUL character anywhere is refused, naming the field', () => {
    it('in a query', async () => {
      const headers = await ctx.as(w.registrar);
      const response = await expectNothingChanged(ctx, () =>
        ctx.http().get('/api/v1/cases').query({ q: 'Anna\u0000Andersson' }).set(headers),
      );
      expectFieldProblem(response, 'q');
    });

    it('in a JSON body, a nested one and a field name', async () => {
      const registrar = await ctx.as(w.registrar);
      expectFieldProblem(
        await expectNothingChanged(ctx, () =>
          ctx.http().post('/api/v1/cases').set(registrar).send({ title: 'Ett\u0000ärende' }),
        ),
        'title',
      );
      expectFieldProblem(
        await expectNothingChanged(ctx, async () =>
          ctx
            .http()
            .post('/api/v1/consultations')
            .set(await ctx.as(w.senderOfficer))
            .send({ title: 'Remiss', responseDeadline: '2099-01-31', sections: [{ title: 'Del\u0000ett' }] }),
        ),
        'sections.0.title',
      );
      expectFieldProblem(
        await expectNothingChanged(ctx, () =>
          ctx
            .http()
            .post('/api/v1/cases')
            .set(registrar)
            .set('content-type', 'application/json')
            .send('{"title": "Ett ärende", "x\\u0000y": 1}'),
        ),
        'x\\u0000y',
      );
    });

    it('in a multipart field and in a file name', async () => {
      expectFieldProblem(
        await expectNothingChanged(ctx, () =>
          postDocument(
            { direction: 'incoming', kind: 'brev', title: 'Brev\u0000från någon' },
            { bytes: pdf, filename: 'brev.pdf' },
          ),
        ),
        'title',
      );
      expectFieldProblem(
        await expectNothingChanged(ctx, () =>
          postDocument(
            { direction: 'incoming', kind: 'brev', title: 'Brev' },
            { bytes: pdf, filename: 'brev\u0000.exe.pdf' },
          ),
        ),
        'file',
      );
    });
  });

  it('refuses a lone UTF-16 surrogate', async () => {
    const response = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .patch(`/api/v1/cases/${w.caseId}`)
        .set(await ctx.as(w.registrar))
        .set('content-type', 'application/json')
        .send('{"title": "abc \\ud800 def"}'),
    );
    expectFieldProblem(response, 'title');
  });

  describe('explicit null for a field that is optional but not nullable', () => {
    const cases: [string, () => Promise<{ path: string; method: 'patch' | 'post'; body: object; as: TestPerson }>][] = [
      [
        'PATCH /cases/:id',
        async () => ({ path: `/api/v1/cases/${w.caseId}`, method: 'patch', body: { title: null }, as: w.registrar }),
      ],
      [
        'PATCH /people/:id',
        async () => ({ path: `/api/v1/people/${w.officer.id}`, method: 'patch', body: { name: null }, as: admin }),
      ],
      [
        'PATCH /departments/:id',
        async () => ({
          path: `/api/v1/departments/${w.departmentId}`,
          method: 'patch',
          body: { name: null },
          as: admin,
        }),
      ],
      [
        'PATCH /organisations/:id',
        async () => ({
          path: `/api/v1/organisations/${w.organisationId}`,
          method: 'patch',
          body: { active: null },
          as: admin,
        }),
      ],
      [
        'PATCH /consultations/:id',
        async () => {
          const draft = await ctx
            .http()
            .post('/api/v1/consultations')
            .set(await ctx.as(w.senderOfficer))
            .send({ title: 'Utkast', responseDeadline: '2099-01-31' })
            .expect(201);
          return {
            path: `/api/v1/consultations/${(draft.body as { id: string }).id}`,
            method: 'patch',
            body: { description: null },
            as: w.senderOfficer,
          };
        },
      ],
      [
        'PATCH /registry/records-plan/:id',
        async () => {
          const entry = await ctx
            .http()
            .post('/api/v1/registry/records-plan')
            .set(await ctx.as(w.registrar))
            .send({ code: `9.${Date.now() % 1000}`, title: 'Övrigt' })
            .expect(201);
          return {
            path: `/api/v1/registry/records-plan/${(entry.body as { id: string }).id}`,
            method: 'patch',
            body: { title: null },
            as: w.registrar,
          };
        },
      ],
      [
        'POST /people with a null password',
        async () => ({
          path: '/api/v1/people',
          method: 'post',
          body: { name: 'Ny Person', email: `ny.${randomUUID()}@example.se`, password: null },
          as: admin,
        }),
      ],
    ];

    it.each(cases)('%s', async (_name, build) => {
      const request = await build();
      const headers = await ctx.as(request.as);
      const response = await expectNothingChanged(ctx, () =>
        ctx.http()[request.method](request.path).set(headers).send(request.body),
      );
      expectFieldProblem(response, Object.keys(request.body).at(-1)!);
      expect(response.body.detail).toContain('får inte vara null');
    });

    it('still clears a field that is nullable', async () => {
      const cleared = await ctx
        .http()
        .patch(`/api/v1/people/${w.otherOfficer.id}`)
        .set(await ctx.as(admin))
        .send({ title: null, phone: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ title: null, phone: null });
    });
  });

  describe('integers beyond 32 bits in paths and queries', () => {
    it.each([
      ['a revision number', () => `/api/v1/statements/${statementId}/revisions/2147483648`, 'number'],
      ['a revision to compare', () => `/api/v1/statements/${statementId}/compare?from=1&to=2147483648`, 'to'],
      ['an offset', () => '/api/v1/cases?offset=99999999999999999999', 'offset'],
      ['a negative one', () => '/api/v1/cases?offset=-99999999999', 'offset'],
    ])('%s', async (_name, path, field) => {
      const headers = await ctx.as(w.officer);
      expectFieldProblem(await expectNothingChanged(ctx, () => ctx.http().get(path()).set(headers)), field);
    });

    it('a year in a path', async () => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put('/api/v1/registry/series/99999999999')
          .set(await ctx.as(w.registrar))
          .send({ nextNumber: 5 }),
      );
      expectFieldProblem(response, 'year');
    });
  });

  it('refuses JSON nested deeper than any body of the API', async () => {
    const body = `{"title": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const response = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post('/api/v1/cases')
        .set(await ctx.as(w.registrar))
        .set('content-type', 'application/json')
        .send(body),
    );
    expect(response.status).toBe(400);
    expect((response.body as Problem).detail).toContain('nästlat för djupt');
  });

  it('answers 401 to a validly signed token whose subject is not an id', async () => {
    const jwt = new JwtService({ secret: ctx.config.auth.tokenSecret.reveal() });
    for (const claims of [
      { sub: 'inte-ett-id', org: w.organisationId, cv: 1 },
      { sub: w.officer.id, org: "'; DROP TABLE people; --", cv: 1 },
      { sub: w.officer.id, org: w.organisationId, cv: 'ett' },
    ]) {
      const token = await jwt.signAsync(claims, { issuer: 'remiss', jwtid: randomUUID(), expiresIn: 60 });
      const response = await ctx.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
      expect({ claims, status: response.status, code: (response.body as Problem).code }).toEqual({
        claims,
        status: 401,
        code: 'auth.token_invalid',
      });
    }
  });

  it('asks a department without a head, and tells the registrars it has none', async () => {
    const headless = await ctx.factories.department(w.organisationId, { name: 'Avdelningen utan chef' });
    const asked = await ctx
      .http()
      .post(`/api/v1/statements/${statementId}/preparation-requests`)
      .set(await ctx.as(w.officer))
      .send({ departmentId: headless.id, question: 'Hur påverkas er verksamhet?', deadline: '2099-01-15' })
      .expect(201);
    expect(asked.body).toMatchObject({ department: { id: headless.id } });
    await ctx.drain();
    const inbox = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await ctx.as(w.registrar))
      .expect(200);
    expect((inbox.body as { items: { title: string; body: string }[] }).items).toContainEqual(
      expect.objectContaining({
        title: 'Beredningsfråga till Avdelningen utan chef, som saknar avdelningschef',
        body: expect.stringContaining('Hur påverkas er verksamhet?'),
      }),
    );
  });

  describe('forms and bodies read by hand get the same per-field answers', () => {
    it('multipart and JSON document registration', async () => {
      const registrar = await ctx.as(w.registrar);
      const multipart = await expectNothingChanged(ctx, () =>
        postDocument({ direction: 'åt sidan', kind: 'brev' }, { bytes: pdf, filename: 'brev.pdf' }),
      );
      expectFieldProblem(multipart, 'direction');
      expectFieldProblem(multipart, 'title');
      const json = await expectNothingChanged(ctx, () =>
        ctx
          .http()
          .post(`/api/v1/cases/${w.caseId}/documents`)
          .set(registrar)
          .send({ direction: 'incoming', kind: 'brev', title: 'B', färg: 'blå' }),
      );
      expectFieldProblem(json, 'title');
      expectFieldProblem(json, 'färg');
    });

    it('the external answer, as JSON and as multipart', async () => {
      const remiss = await ctx
        .http()
        .post('/api/v1/consultations')
        .set(await ctx.as(w.senderOfficer))
        .send({
          title: 'Remiss till en förening',
          responseDeadline: '2099-03-31',
          recipients: { external: [{ name: 'Föreningen', email: `forening.${randomUUID()}@example.se` }] },
        })
        .expect(201);
      const consultationId = (remiss.body as { id: string }).id;
      await ctx
        .http()
        .post(`/api/v1/consultations/${consultationId}/send`)
        .set(await ctx.as(w.senderOfficer))
        .expect(200);
      await ctx.drain();
      const board = await ctx
        .http()
        .get(`/api/v1/consultations/${consultationId}/status-board`)
        .set(await ctx.as(w.senderOfficer))
        .expect(200);
      const recipientId = (board.body as { recipients: { id: string }[] }).recipients[0]!.id;
      const senderRegistrar = await ctx.factories.person(
        (
          await ctx.query<{ organisation_id: string }>(`SELECT organisation_id FROM consultations WHERE id = $1`, [
            consultationId,
          ])
        )[0]!.organisation_id,
        { roles: [Role.Registrar] },
      );
      const headers = await ctx.as(senderRegistrar);
      const path = `/api/v1/consultation-recipients/${recipientId}/external-answer`;
      expectFieldProblem(
        await expectNothingChanged(ctx, () => ctx.http().post(path).set(headers).send({ position: 'kanske' })),
        'position',
      );
      expectFieldProblem(
        await expectNothingChanged(ctx, () =>
          ctx
            .http()
            .post(path)
            .set(headers)
            .field('position', 'supports')
            .field('sections', '[{"sectionId": ')
            .attach('file', pdf, { filename: 'svar.pdf', contentType: 'application/pdf' }),
        ),
        'sections',
      );
    });

    it('the certificate upload', async () => {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put('/api/v1/signing-certificate')
          .set(await ctx.as(admin))
          .attach('file', Buffer.from('inte ett certifikat'), {
            filename: 'cert.p12',
            contentType: 'application/x-pkcs12',
          }),
      );
      expectFieldProblem(response, 'passphrase');
    });
  });

  it('takes a correction with two files, as the API says it takes one or more', async () => {
    const corrected = await ctx
      .http()
      .post(`/api/v1/consultations/${w.consultationId}/corrections`)
      .set(await ctx.as(w.senderOfficer))
      .field('note', 'Två bilagor var fel.')
      .field('title', 'Bilaga 1, rättad')
      .attach('file', await samplePdf(['Bilaga 1 version 2']), {
        filename: 'bilaga-1.pdf',
        contentType: 'application/pdf',
      })
      .field('title', 'Bilaga 2, rättad')
      .attach('file', await samplePdf(['Bilaga 2 version 2']), {
        filename: 'bilaga-2.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    const titles = (corrected.body as { documents: { title: string }[] }).documents.map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['Bilaga 1, rättad', 'Bilaga 2, rättad']));
  });

  describe('file type and file names', () => {
    it.each([
      ['an HTML page carrying the PDF marker', '<html><script>alert(1)</script><!-- %PDF-1.7 --></html>'],
      [
        'an SVG with a script carrying the PDF marker',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><desc>%PDF-1.4</desc></svg>',
      ],
      ['a PDF marker after a blank line', '\n%PDF-1.7\n'],
    ])('refuses %s named .pdf', async (_name, content) => {
      const response = await expectNothingChanged(ctx, () =>
        postDocument(
          { direction: 'incoming', kind: 'brev', title: 'Faktura' },
          { bytes: Buffer.from(content), filename: 'faktura.pdf' },
        ),
      );
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ code: 'registry.file_type_mismatch' });
    });

    it('removes control characters and bidirectional overrides from a file name', async () => {
      const names: [string, string][] = [
        ['faktura\u202Egnp.pdf', 'fakturagnp.pdf'],
        ['brev\u0007\u001b[31m.pdf', 'brev[31m.pdf'],
        ['\u2066svar\u2069 2025.pdf', 'svar 2025.pdf'],
      ];
      for (const [sent, kept] of names) {
        const registered = await postDocument(
          { direction: 'incoming', kind: 'brev', title: `Brev ${kept}` },
          { bytes: await samplePdf([kept]), filename: sent },
        );
        expect(registered.status).toBe(201);
        expect((registered.body as { file: { name: string } }).file.name).toBe(kept);
      }
    });
  });
});
