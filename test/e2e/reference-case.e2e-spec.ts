import { REFERENCE_CASE } from '@app/testing';

import { sendReferenceRemiss, type ReferenceRemiss } from '../support/reference-flow.js';
import { seedStockholm, type Stockholm } from '../support/stockholm.js';
import { TestContext } from '../support/test-context.js';

interface Statement {
  id: string;
  status: string;
  currentRevision: number;
  approvedRevision: number | null;
  revision: {
    number: number;
    parts: Record<string, unknown> & { preparation: Record<string, unknown>; sections: { sectionId: string }[] };
  };
  signatories: { name: string; title: string; organisation: string }[];
  nextStep: { step: number } | null;
  decision: { outcome: string; decisionText: string; confirmed: boolean } | null;
}

/**
 * The whole reference case through the HTTP API, on the reference dates: the remiss goes out,
 * Hägersten-Älvsjö registers it as HÄ 2025/578, Jens Westlund drafts the tjänsteutlåtande with
 * exactly the text of the original, Alexander Baena asks for a change, Jens revises, Alexander
 * and Lee Orberson approve, the registrar records the decision of 2025-10-23, and kommunstyrelsen
 * sees the answer on its status board and in its compilation.
 */
describe('the reference case, from remiss to answer', () => {
  let ctx: TestContext;
  let city: Stockholm;
  let remiss: ReferenceRemiss;
  let statement: Statement;
  const s = REFERENCE_CASE.statement;

  beforeAll(async () => {
    ctx = await TestContext.create();
    ctx.clock.set('2025-09-15T09:00:00+02:00', { running: true });
    city = await seedStockholm(ctx);
  });

  afterAll(() => ctx.close());

  it('registers the remiss at Hägersten-Älvsjö as HÄ 2025/578 and assigns it to Jens Westlund', async () => {
    const maja = await city.as('maja.lindqvist@stockholm.se');
    await ctx
      .http()
      .post('/api/v1/meetings')
      .set(maja)
      .send({ meetingDate: '2025-10-23', agendaDeadline: '2025-10-09' })
      .expect(201);
    await ctx
      .http()
      .post('/api/v1/meetings')
      .set(maja)
      .send({ meetingDate: '2025-11-20', agendaDeadline: '2025-11-06' })
      .expect(201);
    remiss = await sendReferenceRemiss(ctx, city, { year: 2025, deadline: '2025-11-07' });
    const c = await ctx.http().get(`/api/v1/cases/${remiss.caseId}`).set(maja).expect(200);
    expect(c.body).toMatchObject({
      diaryNumber: 'HÄ 2025/578',
      responsiblePersonId: (await city.person('jens.westlund@stockholm.se')).id,
    });
    const work = await ctx
      .http()
      .get('/api/v1/my-work')
      .set(await city.as('jens.westlund@stockholm.se'))
      .expect(200);
    expect(work.body).toEqual([
      expect.objectContaining({ kind: 'start_statement', diaryNumber: 'HÄ 2025/578', deadline: '2025-11-07' }),
    ]);
  });

  it('pre-fills the statement from the remiss and the case', async () => {
    ctx.clock.set('2025-09-18T10:00:00+02:00', { running: true });
    const jens = await city.as('jens.westlund@stockholm.se');
    const created = await ctx.http().post('/api/v1/statements').set(jens).send({ caseId: remiss.caseId }).expect(201);
    statement = created.body as Statement;
    const parts = statement.revision.parts;
    expect(parts).toMatchObject({
      title: s.title,
      heading: s.heading,
      proposedDecision: s.proposedDecision,
      officerId: (await city.person('jens.westlund@stockholm.se')).id,
      attachments: [{ title: s.attachments[0] }],
    });
    expect(parts.sections.map((x) => x.sectionId)).toEqual([...remiss.sectionIds].sort());
    const meetings = await ctx.http().get('/api/v1/meetings').set(jens).expect(200);
    expect(parts.meetingId).toBe(
      (meetings.body as { id: string; meetingDate: string }[]).find((m) => m.meetingDate === '2025-10-23')!.id,
    );
    expect(
      (created.body as { schedule: { deadlineBeforeNextMeeting: boolean } }).schedule.deadlineBeforeNextMeeting,
    ).toBe(false);
  });

  async function save(as: string, changes: Record<string, unknown>): Promise<Statement> {
    const response = await ctx
      .http()
      .put(`/api/v1/statements/${statement.id}`)
      .set(await city.as(as))
      .send({ baseRevision: statement.currentRevision, parts: { ...statement.revision.parts, ...changes } })
      .expect(200);
    statement = response.body as Statement;
    return statement;
  }

  it('lets Jens draft every part with the text of the original, and submit it', async () => {
    const departments = await ctx
      .http()
      .get('/api/v1/departments')
      .set(await city.as('jens.westlund@stockholm.se'))
      .expect(200);
    const consulted = (departments.body as { id: string; name: string }[])
      .filter((d) => s.preparation.consultedDepartments.includes(d.name as never))
      .map((d) => d.id);
    expect(consulted).toHaveLength(4);
    await save('jens.westlund@stockholm.se', {
      summary: s.summary.split('\n\n')[0], // the first draft has only the first paragraph
      background: s.background,
      matter: s.matter,
      preparation: {
        text: s.preparation.text,
        consultedDepartmentIds: consulted,
        unionsInformedOn: s.preparation.unionsInformedOn,
        unionForum: s.preparation.unionForum,
      },
      views: s.views,
      position: 'supports',
      documentDate: REFERENCE_CASE.recipient.documentDate,
    });
    expect(statement.currentRevision).toBe(2);
    const submitted = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/submit`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ revision: 2 })
      .expect(200);
    statement = submitted.body as Statement;
    expect(statement).toMatchObject({ status: 'in_approval', nextStep: { step: 1 } });
  });

  it('lets Alexander Baena ask for a change, and Jens revise and resubmit', async () => {
    const alexander = await city.as('alexander.baena@stockholm.se');
    const work = await ctx.http().get('/api/v1/my-work').set(alexander).expect(200);
    expect(work.body).toEqual([expect.objectContaining({ kind: 'approve', diaryNumber: 'HÄ 2025/578' })]);
    const asked = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/request-changes`)
      .set(alexander)
      .send({ revision: 2, comment: 'Sammanfattningen bör också säga vad förvaltningen tycker.' })
      .expect(200);
    statement = asked.body as Statement;
    expect(statement.status).toBe('drafting');
    await save('jens.westlund@stockholm.se', { summary: s.summary });
    const compared = await ctx
      .http()
      .get(`/api/v1/statements/${statement.id}/compare`)
      .query({ from: 2, to: 3 })
      .set(alexander)
      .expect(200);
    expect((compared.body as { part: string; changed: boolean }[]).filter((c) => c.changed).map((c) => c.part)).toEqual(
      ['summary'],
    );
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/submit`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ revision: 3 })
      .expect(200);
  });

  it('is approved by Alexander Baena and then Lee Orberson, who sign it last approver first', async () => {
    ctx.clock.set('2025-09-24T15:02:00+02:00');
    await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await city.as('alexander.baena@stockholm.se'))
      .send({ revision: 3 })
      .expect(200);
    ctx.clock.set('2025-09-25T09:14:00+02:00', { running: true });
    const approved = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/approve`)
      .set(await city.as('lee.orberson@stockholm.se'))
      .send({ revision: 3 })
      .expect(200);
    statement = approved.body as Statement;
    expect(statement).toMatchObject({ status: 'approved', approvedRevision: 3 });
    expect(statement.signatories).toEqual(REFERENCE_CASE.signatories.map((p) => ({ ...p })));
  });

  it('holds every part exactly as the original has it', async () => {
    const parts = statement.revision.parts;
    expect(parts).toMatchObject({
      title: s.title,
      heading: s.heading,
      proposedDecision: s.proposedDecision,
      summary: s.summary,
      background: s.background,
      matter: s.matter,
      views: s.views,
      documentDate: '2025-09-25',
      attachments: [{ title: 'Remissunderlag Handlingsplan för romska inkludering 2030' }],
    });
    expect(parts.preparation).toMatchObject({
      text: s.preparation.text,
      unionsInformedOn: '2025-10-14',
      unionForum: 'förvaltningsgruppen',
    });
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${statement.id}`)
      .set(await city.as('maja.lindqvist@stockholm.se'))
      .expect(200);
    expect(
      (view.body as { consultedDepartments: { name: string }[] }).consultedDepartments.map((d) => d.name).sort(),
    ).toEqual([...s.preparation.consultedDepartments].sort());
  });

  it('takes the board’s decision of 2025-10-23 with immediate confirmation and delivers the answer', async () => {
    ctx.clock.set('2025-10-23T19:00:00+02:00', { running: true });
    const maja = await city.as('maja.lindqvist@stockholm.se');
    const decided = await ctx
      .http()
      .post(`/api/v1/statements/${statement.id}/decision`)
      .set(maja)
      .send({
        meetingDate: REFERENCE_CASE.decision.meetingDate,
        paragraph: '12',
        outcome: 'adopted',
        confirmation: { immediate: true },
      })
      .expect(200);
    expect(decided.body).toMatchObject({
      status: 'adopted',
      decision: { outcome: 'adopted', decisionText: REFERENCE_CASE.decision.text, confirmed: true },
    });
    await ctx.drain();
    const after = await ctx.http().get(`/api/v1/statements/${statement.id}`).set(maja).expect(200);
    expect(after.body).toMatchObject({ status: 'answered' });
    const docs = await ctx.http().get(`/api/v1/cases/${remiss.caseId}/documents`).set(maja).expect(200);
    expect((docs.body as { direction: string; kind: string }[]).map((d) => `${d.direction}:${d.kind}`)).toContain(
      'outgoing:yttrande',
    );
  });

  it('shows Hägersten-Älvsjö as answered on kommunstyrelsen’s status board, and the answer in its compilation', async () => {
    const sara = await city.as('sara.ekstrom@stockholm.se');
    const board = await ctx
      .http()
      .get(`/api/v1/consultations/${remiss.consultationId}/status-board`)
      .set(sara)
      .expect(200);
    const ha = (board.body as { recipients: { name: string; state: string; diaryNumber: string }[] }).recipients.find(
      (r) => r.name === 'Hägersten-Älvsjö stadsdelsnämnd',
    );
    expect(ha).toMatchObject({ state: 'answered', diaryNumber: 'HÄ 2025/578' });
    expect((board.body as { counts: Record<string, number> }).counts).toMatchObject({ answered: 1, registered: 10 });
    const compilation = await ctx
      .http()
      .get(`/api/v1/consultations/${remiss.consultationId}/compilation`)
      .set(sara)
      .expect(200);
    const c = compilation.body as {
      counts: Record<string, number>;
      overall: { name: string; position: string; comment: string }[];
      notAnswered: unknown[];
    };
    expect(c.counts).toMatchObject({ supports: 1, notAnswered: 10, declined: 0 });
    expect(c.overall).toEqual([
      expect.objectContaining({
        name: 'Hägersten-Älvsjö stadsdelsnämnd',
        position: 'supports',
        comment: expect.stringContaining('Förvaltningen välkomnar att staden tagit fram'),
      }),
    ]);
    expect(c.notAnswered).toHaveLength(10);
    const ks = await ctx.http().get(`/api/v1/consultations/${remiss.consultationId}`).set(sara).expect(200);
    const senderDocs = await ctx
      .http()
      .get(`/api/v1/cases/${(ks.body as { caseId: string }).caseId}/documents`)
      .set(await city.as('per.holm@stockholm.se'))
      .expect(200);
    expect(
      (senderDocs.body as { direction: string; title: string }[])
        .filter((d) => d.direction === 'incoming')
        .map((d) => d.title),
    ).toEqual([
      'Yttrande från Hägersten-Älvsjö stadsdelsnämnd: Handlingsplan för romsk inkludering (§ 12, 2025-10-23)',
    ]);
  });

  it('lets nothing in the statement change after the decision', async () => {
    const response = await ctx
      .http()
      .put(`/api/v1/statements/${statement.id}`)
      .set(await city.as('jens.westlund@stockholm.se'))
      .send({ baseRevision: 3, parts: { ...statement.revision.parts, summary: 'Ändrad efter beslutet.' } })
      .expect(409);
    expect(response.body).toMatchObject({ code: 'statement.frozen' });
  });
});
