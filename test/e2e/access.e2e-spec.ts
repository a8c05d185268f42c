import { OrganisationKind } from '@app/directory';
import { addDays, localDate, Role } from '@app/platform';
import type { TestPerson } from '@app/testing';
import { randomUUID } from 'node:crypto';

import type { AccessRule } from '../../apps/api/src/auth/access-rule.js';
import { samplePdf } from '../support/files.js';
import { TestContext } from '../support/test-context.js';

/**
 * Reads the server's own route table (controllers, the API documentation and the queue
 * dashboard alike) and checks every route's access rule by calling it.
 */
describe('access to every route', () => {
  let ctx: TestContext;
  let routes: { method: string; url: string; access: AccessRule | undefined }[];
  let a: World;
  let b: World;
  let cityAdmin: TestPerson;
  let nobody: TestPerson;

  interface World {
    organisationId: string;
    admin: TestPerson;
    registrar: TestPerson;
    officer: TestPerson;
    departmentId: string;
    roleId: string;
    notificationId: string;
    recordsPlanEntryId: string;
    caseId: string;
    documentId: string;
    consultationId: string;
    draftId: string;
    consultationDocumentId: string;
    recipientId: string;
    externalRecipientId: string;
    extensionRequestId: string;
    statementId: string;
    statementParts: Record<string, unknown>;
    decisionId: string;
    meetingId: string;
    substituteId: string;
    preparationRequestId: string;
    issuedDocumentId: string;
  }

  async function world(): Promise<World> {
    const org = await ctx.factories.organisation();
    const department = await ctx.factories.department(org.id);
    const admin = await ctx.factories.person(org.id, { roles: [Role.Administrator] });
    const registrar = await ctx.factories.person(org.id, { roles: [Role.Registrar] });
    const officer = await ctx.factories.person(org.id, { roles: [Role.CaseOfficer], departmentId: department.id });
    await ctx.drain();
    const [notification] = await ctx.query<{ id: string }>(
      `SELECT id FROM notifications WHERE person_id = $1 LIMIT 1`,
      [officer.id],
    );
    const asRegistrar = await ctx.as(registrar);
    const asOfficer = await ctx.as(officer);
    const entry = await ctx
      .http()
      .post('/api/v1/registry/records-plan')
      .set(asRegistrar)
      .send({ code: '1.1', title: 'Remisser' })
      .expect(201);
    const registered = await ctx
      .http()
      .post('/api/v1/cases')
      .set(asRegistrar)
      .send({ title: 'Ett ärende' })
      .expect(201);
    const caseId = (registered.body as { id: string }).id;
    const document = await ctx
      .http()
      .post(`/api/v1/cases/${caseId}/documents`)
      .set(asRegistrar)
      .field('direction', 'incoming')
      .field('kind', 'brev')
      .field('title', 'Brev')
      .attach('file', pdf, { filename: 'brev.pdf', contentType: 'application/pdf' })
      .expect(201);
    // A remiss sent from this organisation to a recipient of its own world.
    const recipientOrg = await ctx.factories.organisation();
    const recipientRegistrar = await ctx.factories.person(recipientOrg.id, { roles: [Role.Registrar] });
    const remiss = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(asOfficer)
      .send({
        title: 'Remiss i världen',
        responseDeadline: '2099-12-31',
        recipients: {
          organisationIds: [recipientOrg.id],
          external: [{ name: 'Föreningen Extern', email: `extern.${org.id}@example.se` }],
        },
      })
      .expect(201);
    const consultationId = (remiss.body as { id: string }).id;
    const withDocument = await ctx
      .http()
      .post(`/api/v1/consultations/${consultationId}/documents`)
      .set(asOfficer)
      .field('title', 'Underlag')
      .attach('file', pdf, { filename: 'underlag.pdf', contentType: 'application/pdf' })
      .expect(201);
    await ctx.http().post(`/api/v1/consultations/${consultationId}/send`).set(asOfficer).expect(200);
    await ctx.drain();
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${consultationId}/status-board`)
      .set(asOfficer)
      .expect(200);
    const recipients = (board.body as { recipients: { id: string; external: boolean }[] }).recipients;
    const recipientId = recipients.find((r) => !r.external)!.id;
    const extension = await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipientId}/extension-requests`)
      .set(await ctx.as(recipientRegistrar))
      .send({ requestedDeadline: '2100-01-31', reason: 'Mer tid.' })
      .expect(201);
    // A statement taken through approval to a decision whose minutes are confirmed later.
    const head = await ctx.factories.person(org.id, { roles: [Role.HeadOfDepartment], departmentId: department.id });
    const director = await ctx.factories.person(org.id, { roles: [Role.Director] });
    // The board meets today: the statement goes before that meeting, decided the same day.
    const today = localDate(ctx.clock.now());
    const meeting = await ctx
      .http()
      .post('/api/v1/meetings')
      .set(asRegistrar)
      .send({ meetingDate: today, agendaDeadline: today })
      .expect(201);
    await ctx.http().post(`/api/v1/cases/${caseId}/assign`).set(asRegistrar).send({ personId: officer.id }).expect(200);
    const statement = (await ctx.http().post('/api/v1/statements').set(asOfficer).send({ caseId }).expect(201))
      .body as {
      id: string;
      revision: { parts: Record<string, unknown> };
    };
    // Other departments are asked while the text is a draft.
    const question = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/preparation-requests`)
      .set(asOfficer)
      .send({ departmentId: department.id, question: 'Synpunkter?', deadline: '2099-04-01' })
      .expect(201);
    await ctx.http().post(`/api/v1/statements/${statement.id}/submit`).set(asOfficer).send({ revision: 1 }).expect(200);
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await ctx.as(head))
      .send({ revision: 1, step: 1 })
      .expect(200);
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await ctx.as(director))
      .send({ revision: 1, step: 2 })
      .expect(200);
    const decided = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/decision`)
      .set(asRegistrar)
      .send({
        meetingId: (meeting.body as { id: string }).id,
        paragraph: '1',
        outcome: 'adopted',
        confirmation: { on: addDays(today, 7) },
      })
      .expect(200);
    const substitute = await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(director))
      .send({ substituteId: head.id, validFrom: '2099-01-01', validTo: '2099-12-31' })
      .expect(201);
    const draft = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(asOfficer)
      .send({ title: 'Ett utkast', responseDeadline: '2099-12-31' })
      .expect(201);
    return {
      organisationId: org.id,
      admin,
      registrar,
      officer,
      departmentId: department.id,
      roleId: officer.roles[0]!.id,
      notificationId: notification!.id,
      recordsPlanEntryId: (entry.body as { id: string }).id,
      caseId,
      documentId: (document.body as { id: string }).id,
      consultationId,
      draftId: (draft.body as { id: string }).id,
      consultationDocumentId: (withDocument.body as { documents: { id: string }[] }).documents[0]!.id,
      recipientId,
      externalRecipientId: recipients.find((r) => r.external)!.id,
      extensionRequestId: (extension.body as { id: string }).id,
      statementId: statement.id,
      statementParts: statement.revision.parts,
      decisionId: (decided.body as { decision: { id: string } }).decision.id,
      meetingId: (meeting.body as { id: string }).id,
      substituteId: (substitute.body as { id: string }).id,
      preparationRequestId: (question.body as { id: string }).id,
      issuedDocumentId: (
        await ctx.query<{ id: string }>(`SELECT id FROM issued_documents WHERE subject_id = $1`, [consultationId])
      )[0]!.id,
    };
  }

  let pdf: Buffer;

  beforeAll(async () => {
    ctx = await TestContext.create();
    pdf = await samplePdf(['Handling']);
    routes = [...ctx.api.routes];
    a = await world();
    b = await world();
    const city = await ctx.factories.organisation({ kind: OrganisationKind.City, diaryPrefix: null });
    cityAdmin = await ctx.factories.person(city.id, { roles: [Role.Administrator] });
    nobody = await ctx.factories.person(b.organisationId);
  });

  afterAll(() => ctx.close());

  function fill(url: string): string {
    return url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*/g, 'x');
  }

  async function call(method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
    const agent = ctx.http();
    const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
    const request = agent[m](path).set(headers);
    const response = ['post', 'put', 'patch'].includes(m) ? await request.send({}) : await request;
    return response.status;
  }

  it('sees the controllers, the API documentation and the queue dashboard in the table', () => {
    const urls = routes.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/health', '/api/v1/auth/login', '/api/docs', '/api/docs/openapi.json']),
    );
    expect(urls.some((u) => u.startsWith('/api/queues'))).toBe(true);
  });

  it('gives every route an access rule', () => {
    const without = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(without).toEqual([]);
  });

  it('answers 401 on every route that is not public when no token is sent', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind !== 'public')) {
      const status = await call(route.method, fill(route.url));
      if (status !== 401) {
        wrong.push(`${route.method} ${route.url} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the public routes without a token', async () => {
    for (const url of ['/health', '/api/docs', '/api/docs/openapi.json']) {
      expect(await call('GET', url)).toBe(200);
    }
  });

  it('answers 403 on every role-bound route to a person without the role', async () => {
    const headers = await ctx.as(nobody, b.organisationId);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access?.kind === 'roles' || r.access?.kind === 'operators')) {
      const status = await call(route.method, fill(route.url), headers);
      if (status !== 403) {
        wrong.push(`${route.method} ${route.url} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the queue dashboard for the municipality’s administrators', async () => {
    expect(await call('GET', '/api/queues', await ctx.as(b.admin))).toBe(403);
    expect(await call('GET', '/api/queues', await ctx.as(cityAdmin))).toBe(200);
  });

  /**
   * Every route that names a record answers 404 when the record belongs to another
   * organisation. Each such route must be listed here; a new one fails the last test until it is.
   */
  const otherOrganisation: Record<
    string,
    (w: World) => { path: string; body?: object; file?: Record<string, string> }
  > = {
    'PATCH /api/v1/organisations/:id': (w) => ({
      path: `/api/v1/organisations/${w.organisationId}`,
      body: { website: 'x.se' },
    }),
    'GET /api/v1/departments/:id': (w) => ({ path: `/api/v1/departments/${w.departmentId}` }),
    'PATCH /api/v1/departments/:id': (w) => ({
      path: `/api/v1/departments/${w.departmentId}`,
      body: { name: 'Övertagen' },
    }),
    'GET /api/v1/people/:id': (w) => ({ path: `/api/v1/people/${w.officer.id}` }),
    'PATCH /api/v1/people/:id': (w) => ({ path: `/api/v1/people/${w.officer.id}`, body: { title: 'x' } }),
    'POST /api/v1/people/:id/disable': (w) => ({ path: `/api/v1/people/${w.officer.id}/disable` }),
    'POST /api/v1/people/:id/enable': (w) => ({ path: `/api/v1/people/${w.officer.id}/enable` }),
    'PUT /api/v1/people/:id/password': (w) => ({
      path: `/api/v1/people/${w.officer.id}/password`,
      body: { password: 'ett-nytt-losenord-123' },
    }),
    'POST /api/v1/people/:id/roles': (w) => ({
      path: `/api/v1/people/${w.officer.id}/roles`,
      body: { role: 'registrar' },
    }),
    'DELETE /api/v1/people/:id/roles/:roleId': (w) => ({ path: `/api/v1/people/${w.officer.id}/roles/${w.roleId}` }),
    'POST /api/v1/notifications/:id/read': (w) => ({ path: `/api/v1/notifications/${w.notificationId}/read` }),
    'PATCH /api/v1/registry/records-plan/:id': (w) => ({
      path: `/api/v1/registry/records-plan/${w.recordsPlanEntryId}`,
      body: { title: 'Kapad' },
    }),
    'GET /api/v1/cases/:id': (w) => ({ path: `/api/v1/cases/${w.caseId}` }),
    'PATCH /api/v1/cases/:id': (w) => ({ path: `/api/v1/cases/${w.caseId}`, body: { title: 'Kapad' } }),
    'POST /api/v1/cases/:id/assign': (w) => ({
      path: `/api/v1/cases/${w.caseId}/assign`,
      body: { personId: w.officer.id },
    }),
    'GET /api/v1/cases/:id/co-workers': (w) => ({ path: `/api/v1/cases/${w.caseId}/co-workers` }),
    'PUT /api/v1/cases/:id/co-workers/:personId': (w) => ({
      path: `/api/v1/cases/${w.caseId}/co-workers/${w.officer.id}`,
    }),
    'DELETE /api/v1/cases/:id/co-workers/:personId': (w) => ({
      path: `/api/v1/cases/${w.caseId}/co-workers/${w.officer.id}`,
    }),
    'POST /api/v1/cases/:id/close': (w) => ({ path: `/api/v1/cases/${w.caseId}/close` }),
    'POST /api/v1/cases/:id/reopen': (w) => ({ path: `/api/v1/cases/${w.caseId}/reopen` }),
    'GET /api/v1/cases/:id/documents': (w) => ({ path: `/api/v1/cases/${w.caseId}/documents` }),
    'POST /api/v1/cases/:id/documents': (w) => ({
      path: `/api/v1/cases/${w.caseId}/documents`,
      body: { direction: 'incoming', kind: 'brev', title: 'Intrång' },
    }),
    'GET /api/v1/documents/:id': (w) => ({ path: `/api/v1/documents/${w.documentId}` }),
    'GET /api/v1/documents/:id/file': (w) => ({ path: `/api/v1/documents/${w.documentId}/file` }),
    'POST /api/v1/documents/:id/annul': (w) => ({
      path: `/api/v1/documents/${w.documentId}/annul`,
      body: { reason: 'Kapning' },
    }),
    'PUT /api/v1/documents/:id/secrecy': (w) => ({
      path: `/api/v1/documents/${w.documentId}/secrecy`,
      body: { ground: 'OSL 26 kap. 1 §' },
    }),
    'POST /api/v1/documents/:id/secrecy/lift': (w) => ({ path: `/api/v1/documents/${w.documentId}/secrecy/lift` }),
    'GET /api/v1/consultations/:id': (w) => ({ path: `/api/v1/consultations/${w.consultationId}` }),
    'PATCH /api/v1/consultations/:id': (w) => ({
      path: `/api/v1/consultations/${w.draftId}`,
      body: { title: 'Kapad' },
    }),
    'POST /api/v1/consultations/:id/documents': (w) => ({
      path: `/api/v1/consultations/${w.draftId}/documents`,
      file: { title: 'Intrång' },
    }),
    'DELETE /api/v1/consultations/:id/documents/:documentId': (w) => ({
      path: `/api/v1/consultations/${w.consultationId}/documents/${w.consultationDocumentId}`,
    }),
    'GET /api/v1/consultations/:id/documents/:documentId/file': (w) => ({
      path: `/api/v1/consultations/${w.consultationId}/documents/${w.consultationDocumentId}/file`,
    }),
    'POST /api/v1/consultations/:id/send': (w) => ({ path: `/api/v1/consultations/${w.draftId}/send` }),
    'POST /api/v1/consultations/:id/corrections': (w) => ({
      path: `/api/v1/consultations/${w.consultationId}/corrections`,
      file: { note: 'Intrång' },
    }),
    'GET /api/v1/consultations/:id/status-board': (w) => ({
      path: `/api/v1/consultations/${w.consultationId}/status-board`,
    }),
    'GET /api/v1/consultations/:id/status-board.csv': (w) => ({
      path: `/api/v1/consultations/${w.consultationId}/status-board.csv`,
    }),
    'GET /api/v1/consultation-recipients/:id': (w) => ({ path: `/api/v1/consultation-recipients/${w.recipientId}` }),
    'POST /api/v1/consultation-recipients/:id/assign': (w) => ({
      path: `/api/v1/consultation-recipients/${w.recipientId}/assign`,
      body: { personId: w.officer.id },
    }),
    'POST /api/v1/consultation-recipients/:id/decline': (w) => ({
      path: `/api/v1/consultation-recipients/${w.recipientId}/decline`,
      body: { reason: 'Kapning', decidedBy: w.registrar.id },
    }),
    'POST /api/v1/consultation-recipients/:id/extension-requests': (w) => ({
      path: `/api/v1/consultation-recipients/${w.recipientId}/extension-requests`,
      body: { requestedDeadline: '2100-06-01', reason: 'Kapning' },
    }),
    'GET /api/v1/consultation-recipients/:id/extension-requests': (w) => ({
      path: `/api/v1/consultation-recipients/${w.recipientId}/extension-requests`,
    }),
    'GET /api/v1/consultation-recipients/:id/letter': (w) => ({
      path: `/api/v1/consultation-recipients/${w.externalRecipientId}/letter`,
    }),
    'PUT /api/v1/consultation-recipients/:id/email': (w) => ({
      path: `/api/v1/consultation-recipients/${w.externalRecipientId}/email`,
      body: { email: 'kapad@example.se' },
    }),
    'POST /api/v1/consultation-recipients/:id/external-answer': (w) => ({
      path: `/api/v1/consultation-recipients/${w.externalRecipientId}/external-answer`,
      body: { position: 'supports' },
    }),
    'POST /api/v1/extension-requests/:id/decision': (w) => ({
      path: `/api/v1/extension-requests/${w.extensionRequestId}/decision`,
      body: { granted: true },
    }),
  };

  Object.assign(otherOrganisation, {
    'GET /api/v1/statements/by-case/:caseId': (w: World) => ({ path: `/api/v1/statements/by-case/${w.caseId}` }),
    'GET /api/v1/statements/:id': (w: World) => ({ path: `/api/v1/statements/${w.statementId}` }),
    'PUT /api/v1/statements/:id': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}`,
      body: { baseRevision: 1, parts: w.statementParts },
    }),
    'GET /api/v1/statements/:id/revisions': (w: World) => ({ path: `/api/v1/statements/${w.statementId}/revisions` }),
    'GET /api/v1/statements/:id/revisions/:number': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/revisions/1`,
    }),
    'GET /api/v1/statements/:id/revisions/:number/preview': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/revisions/1/preview`,
    }),
    'GET /api/v1/statements/:id/compare': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/compare?from=1&to=1`,
    }),
    'POST /api/v1/statements/:id/submit': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/submit`,
      body: { revision: 1 },
    }),
    'POST /api/v1/statements/:id/approve': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/approve`,
      body: { revision: 1, step: 1 },
    }),
    'POST /api/v1/statements/:id/request-changes': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/request-changes`,
      body: { revision: 1, step: 1, comment: 'Kapning' },
    }),
    'POST /api/v1/statements/:id/decision': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/decision`,
      body: { meetingId: w.meetingId, paragraph: '2', outcome: 'adopted', confirmation: { immediate: true } },
    }),
    'POST /api/v1/statements/:id/meeting': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/meeting`,
      body: { meetingId: w.meetingId },
    }),
    'POST /api/v1/statements/:id/preliminary-answer': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/preliminary-answer`,
    }),
    'POST /api/v1/statements/:id/preparation-requests': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/preparation-requests`,
      body: { departmentId: w.departmentId, question: 'Kapning?', deadline: '2099-04-01' },
    }),
    'GET /api/v1/statements/:id/preparation-requests': (w: World) => ({
      path: `/api/v1/statements/${w.statementId}/preparation-requests`,
    }),
    'POST /api/v1/substitutes/:id/revoke': (w: World) => ({ path: `/api/v1/substitutes/${w.substituteId}/revoke` }),
    'POST /api/v1/meetings/:id/cancel': (w: World) => ({ path: `/api/v1/meetings/${w.meetingId}/cancel` }),
    'GET /api/v1/meetings/:id/statements': (w: World) => ({ path: `/api/v1/meetings/${w.meetingId}/statements` }),
    'POST /api/v1/board-decisions/:id/confirm': (w: World) => ({
      path: `/api/v1/board-decisions/${w.decisionId}/confirm`,
      body: { confirmedOn: localDate(ctx.clock.now()) },
    }),
    'POST /api/v1/preparation-requests/:id/answer': (w: World) => ({
      path: `/api/v1/preparation-requests/${w.preparationRequestId}/answer`,
      body: { answer: 'Kapning' },
    }),
    'GET /api/v1/consultations/:id/compilation': (w: World) => ({
      path: `/api/v1/consultations/${w.consultationId}/compilation`,
    }),
    'GET /api/v1/consultations/:id/compilation.csv': (w: World) => ({
      path: `/api/v1/consultations/${w.consultationId}/compilation.csv`,
    }),
    'POST /api/v1/consultations/:id/compilation.pdf': (w: World) => ({
      path: `/api/v1/consultations/${w.consultationId}/compilation.pdf`,
    }),
    'GET /api/v1/consultations/:id/covering-letter': (w: World) => ({
      path: `/api/v1/consultations/${w.consultationId}/covering-letter`,
    }),
    'GET /api/v1/issued-documents/:id': (w: World) => ({ path: `/api/v1/issued-documents/${w.issuedDocumentId}` }),
    'GET /api/v1/issued-documents/:id/file': (w: World) => ({
      path: `/api/v1/issued-documents/${w.issuedDocumentId}/file`,
    }),
    'POST /api/v1/issued-documents/:id/retry': (w: World) => ({
      path: `/api/v1/issued-documents/${w.issuedDocumentId}/retry`,
    }),
  });

  /** Routes that name a record every logged-in person may read, with the reason. */
  const shared: Record<string, string> = {
    'GET /api/v1/organisations/:id':
      'the directory of bodies is public within the municipality (senders pick recipients there)',
    'PUT /api/v1/registry/series/:year': 'the year names no record: the series is always the acting organisation’s own',
  };

  it('answers 404 for another organisation’s record on every route that names one', async () => {
    const wrong: string[] = [];
    for (const [key, build] of Object.entries(otherOrganisation)) {
      const [method, url] = key.split(' ') as [string, string];
      const route = routes.find((r) => r.method === method && r.url === url);
      expect(route).toBeDefined();
      // The strongest person of organisation B: holds the role the route asks for.
      const roles = route!.access?.kind === 'roles' ? route!.access.roles : [];
      const actor = roles.includes(Role.Administrator)
        ? b.admin
        : roles.includes(Role.Registrar)
          ? b.registrar
          : b.officer;
      const { path, body, file } = build(a);
      const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const request = ctx
        .http()
        [m](path)
        .set(await ctx.as(actor));
      if (file) {
        for (const [name, value] of Object.entries(file)) {
          void request.field(name, value);
        }
      }
      const response = file
        ? await request.attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' })
        : await request.send(body ?? {});
      // The domain's own not-found, by its code: the router's 404 would mean the path was built wrong.
      const code = (response.body as { code?: string }).code ?? '';
      if (response.status !== 404 || code === 'route.not_found' || !code.endsWith('not_found')) {
        wrong.push(`${key} → ${response.status} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers the owner on every read route of that table, so the 404s above are the other organisation’s', async () => {
    const wrong: string[] = [];
    for (const [key, build] of Object.entries(otherOrganisation).filter(([k]) => k.startsWith('GET '))) {
      const url = key.slice('GET '.length);
      const route = routes.find((r) => r.method === 'GET' && r.url === url);
      const roles = route?.access?.kind === 'roles' ? route.access.roles : [];
      const actor = roles.includes(Role.Administrator)
        ? a.admin
        : roles.includes(Role.Registrar)
          ? a.registrar
          : a.officer;
      const response = await ctx
        .http()
        .get(build(a).path)
        .set(await ctx.as(actor));
      if (response.status !== 200) {
        wrong.push(`${key} → ${response.status} ${(response.body as { code?: string }).code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('classifies every route with a record id as organisation-scoped or shared', () => {
    const named = routes
      .filter(
        (r) =>
          r.access?.kind !== 'public' && r.access?.kind !== 'operators' && r.url.includes('/:') && r.method !== 'HEAD',
      )
      .map((r) => `${r.method} ${r.url}`);
    const unclassified = named.filter((key) => !(key in otherOrganisation) && !(key in shared));
    expect(unclassified).toEqual([]);
  });

  it('lists only the own organisation’s records', async () => {
    // Each list is read by both organisations: the owner's holds the record, the other's does not.
    const ids = (body: unknown): string[] => (body as { id: string }[]).map((r) => r.id);
    for (const [w, sees] of [
      [a, true],
      [b, false],
    ] as const) {
      const headers = await ctx.as(w.admin);
      const people = await ctx.http().get('/api/v1/people').set(headers).expect(200);
      expect(ids(people.body).includes(a.officer.id)).toBe(sees);
      const departments = await ctx.http().get('/api/v1/departments').set(headers).expect(200);
      expect(ids(departments.body).includes(a.departmentId)).toBe(sees);
      const inbox = await ctx
        .http()
        .get('/api/v1/notifications')
        .set(await ctx.as(w.officer))
        .expect(200);
      expect(ids((inbox.body as { items: unknown }).items).includes(a.notificationId)).toBe(sees);
      const audit = await ctx
        .http()
        .get('/api/v1/audit/records')
        .query({ entityType: 'person', entityId: a.officer.id })
        .set(await ctx.as(w.registrar))
        .expect(200);
      expect((audit.body as unknown[]).length > 0).toBe(sees);
    }
    const issued = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: a.consultationId })
      .set(await ctx.as(b.registrar))
      .expect(200);
    expect(issued.body).toEqual([]);
    const own = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId: a.consultationId })
      .set(await ctx.as(a.registrar))
      .expect(200);
    expect((own.body as { id: string }[]).map((d) => d.id)).toEqual([a.issuedDocumentId]);
  });
});
