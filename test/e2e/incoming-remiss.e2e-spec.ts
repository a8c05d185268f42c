import { ReminderService } from '@app/consultation';
import { addDays } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { asBytes } from '../support/files.js';
import { pdfText } from '../support/pdf-tools.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { type Statement, StatementFlow } from '../support/statement-flow.js';
import { addMeeting, type StatementWorld, statementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

interface Consultation {
  id: string;
  caseId: string;
  senderName: string;
  senderDiaryNumber: string;
  outsideSender: { name: string; email: string; postalAddress: string[]; reference: string | null } | null;
  sections: { id: string; title: string }[];
  asRecipient: { id: string; diaryNumber: string; state: string; overdue: boolean; responseDeadline: string } | null;
}

interface IssuedDocument {
  id: string;
  kind: string;
  status: string;
}

interface RegisteredDocument {
  direction: string;
  kind: string;
  title: string;
  counterpart: string | null;
}

const TODAY = '2026-01-15';

const MINISTRY = {
  name: 'Kulturdepartementet',
  email: 'ku.registrator@regeringskansliet.se',
  postalAddress: ['Regeringskansliet', '103 33 Stockholm'],
};

/**
 * A remiss from outside the directory — a ministry's, with its own reference — registered by the
 * registrar who received it, and from then on handled like one from inside: deadline, overdue
 * mark, meeting warning, positions per section, and a yttrande addressed to the sender with both
 * references, registered as outgoing to it.
 */
describe('remisses from outside the directory', () => {
  let ctx: TestContext;
  let flow: StatementFlow;

  beforeAll(async () => {
    ctx = await TestContext.create();
    flow = new StatementFlow(ctx);
  });

  beforeEach(() => ctx.clock.set(`${TODAY}T09:00:00+01:00`, { running: true }));

  afterAll(() => ctx.close());

  async function register(as: TestPerson, body: Record<string, unknown>, expected = 201) {
    return ctx
      .http()
      .post('/api/v1/incoming-remisses')
      .set(await ctx.as(as))
      .send(body)
      .expect(expected);
  }

  async function ministryRemiss(w: StatementWorld, deadline: string): Promise<Consultation> {
    const response = await register(w.registrar, {
      title: 'Remiss av betänkandet Kulturarv i samverkan (SOU 2025:12)',
      sender: MINISTRY,
      senderReference: 'Ku2025/01234',
      responseDeadline: deadline,
      receivedOn: '2026-01-14',
      sections: [{ title: 'Kapitel 5 Museernas uppdrag' }, { title: 'Kapitel 7 Finansiering' }],
    });
    return response.body as Consultation;
  }

  async function assign(w: StatementWorld, c: Consultation): Promise<void> {
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${c.asRecipient!.id}/assign`)
      .set(await ctx.as(w.registrar))
      .send({ departmentId: w.departmentId, personId: w.officer.id })
      .expect(200);
  }

  async function issued(as: TestPerson, subjectId: string): Promise<IssuedDocument[]> {
    const list = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .query({ subjectId })
      .set(await ctx.as(as))
      .expect(200);
    return list.body as IssuedDocument[];
  }

  async function yttrandeText(w: StatementWorld, decisionId: string): Promise<string> {
    const yttrande = (await issued(w.registrar, decisionId)).find((d) => d.kind === 'board_statement');
    expect(yttrande?.status).toBe('signed');
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${yttrande!.id}/file`)
      .set(await ctx.as(w.registrar))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    return pdfText(file.body as Buffer);
  }

  it('answers the ministry: registered, answered per chapter, approved, decided, yttrande to the sender with both references', async () => {
    const w = await statementWorld(ctx);
    const c = await ministryRemiss(w, '2026-03-31');
    expect(c).toMatchObject({
      senderName: 'Kulturdepartementet',
      senderDiaryNumber: 'Ku2025/01234',
      outsideSender: { ...MINISTRY, reference: 'Ku2025/01234' },
      sections: [{ title: 'Kapitel 5 Museernas uppdrag' }, { title: 'Kapitel 7 Finansiering' }],
      asRecipient: { state: 'registered', responseDeadline: '2026-03-31', overdue: false },
    });
    const ours = c.asRecipient!.diaryNumber;
    // A case of the registry, with the sender as counterpart and their reference: found by either.
    const registrar = await ctx.as(w.registrar);
    for (const q of ['Ku2025/01234', 'Kulturdepartementet', ours]) {
      const found = await ctx.http().get('/api/v1/cases').query({ q }).set(registrar).expect(200);
      expect((found.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([c.caseId]);
    }
    // It was received, not sent: it is not among the remisses the organisation sent.
    const sent = await ctx.http().get('/api/v1/consultations').query({ role: 'sent' }).set(registrar).expect(200);
    expect((sent.body as { id: string }[]).map((x) => x.id)).not.toContain(c.id);
    const received = await ctx
      .http()
      .get('/api/v1/consultations')
      .query({ role: 'received' })
      .set(registrar)
      .expect(200);
    expect((received.body as { id: string }[]).map((x) => x.id)).toContain(c.id);
    await assign(w, c);

    // The statement is pre-filled for the ministry, one entry per chapter, and takes a position on each.
    const started = await flow.start(w, c.caseId);
    expect(started.revision.parts).toMatchObject({
      heading: 'Yttrande till Kulturdepartementet',
      sections: c.sections.map((s) => ({ sectionId: s.id, position: null })),
    });
    const withPositions = await flow.save(started, w.officer, {
      views: 'Förvaltningen ser positivt på förslagen.',
      position: 'supports_in_part',
      sections: [
        { sectionId: c.sections[0]!.id, position: 'supports', comment: 'Uppdraget bör förtydligas.' },
        { sectionId: c.sections[1]!.id, position: 'opposes', comment: 'Finansieringen räcker inte.' },
      ],
    });
    expect(withPositions.revision.parts.sections).toEqual([
      { sectionId: c.sections[0]!.id, position: 'supports', comment: 'Uppdraget bör förtydligas.' },
      { sectionId: c.sections[1]!.id, position: 'opposes', comment: 'Finansieringen räcker inte.' },
    ]);
    const approved = await flow.approved(w, withPositions);
    expect(approved.status).toBe('approved');
    await ctx.drain();
    const decided = await flow.decide(w, approved, {
      paragraph: '12',
      outcome: 'adopted',
      confirmation: { immediate: true },
    });
    await ctx.drain();

    const text = await yttrandeText(w, decided.decision!.id);
    expect(text).toContain('Till Kulturdepartementet Regeringskansliet 103 33 Stockholm');
    expect(text).toContain('Er referens: Ku2025/01234');
    expect(text).toContain(`Vår referens: ${ours}`);
    expect(text).toContain('Yttrande till Kulturdepartementet');
    // The positions on the ministry's chapters are what the yttrande answers.
    expect(text).toContain('Kapitel 7 Finansiering');
    expect(text).toContain('Finansieringen räcker inte.');

    // Registered as outgoing to the ministry in the case, and the remiss answered.
    const documents = await ctx.http().get(`/api/v1/cases/${c.caseId}/documents`).set(registrar).expect(200);
    const rows = documents.body as RegisteredDocument[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'incoming', kind: 'remiss', counterpart: 'Kulturdepartementet' }),
        expect.objectContaining({ direction: 'outgoing', kind: 'yttrande', counterpart: 'Kulturdepartementet' }),
      ]),
    );
    const after = await ctx.http().get(`/api/v1/consultations/${c.id}`).set(registrar).expect(200);
    expect((after.body as Consultation).asRecipient).toMatchObject({ state: 'answered' });
    const statement = await ctx.http().get(`/api/v1/statements/${approved.id}`).set(registrar).expect(200);
    expect((statement.body as Statement).status).toBe('answered');
  });

  it('prints the sender’s diary number as "Er referens" on a yttrande to kommunstyrelsen', async () => {
    const w = await statementWorld(ctx);
    const [senderCase] = await ctx.query<{ diary_number: string }>(
      `SELECT k.diary_number FROM consultations c JOIN cases k ON k.id = c.case_id WHERE c.id = $1`,
      [w.consultationId],
    );
    const [ours] = await ctx.query<{ diary_number: string }>(`SELECT diary_number FROM cases WHERE id = $1`, [
      w.caseId,
    ]);
    const approved = await flow.approved(w);
    await ctx.drain();
    const decided = await flow.decide(w, approved, {
      paragraph: '4',
      outcome: 'adopted',
      confirmation: { immediate: true },
    });
    await ctx.drain();
    const text = await yttrandeText(w, decided.decision!.id);
    expect(text).toContain(`Er referens: ${senderCase!.diary_number}`);
    expect(text).toContain(`Vår referens: ${ours!.diary_number}`);
  });

  it('tracks the deadline: the meeting warning, reminders, and the overdue mark', async () => {
    const w = await statementWorld(ctx);
    // The board's next meeting is in two weeks; the ministry wants the answer in ten days.
    const deadline = addDays(TODAY, 10);
    const c = await ministryRemiss(w, deadline);
    await assign(w, c);
    const started = await flow.start(w, c.caseId);
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${started.id}`)
      .set(await ctx.as(w.officer))
      .expect(200);
    expect((view.body as { schedule: unknown }).schedule).toMatchObject({
      responseDeadline: deadline,
      deadlineBeforeNextMeeting: true,
      meetingWithinDeadline: null,
      options: [{ action: 'request_extension' }, { action: 'answer_from_administration' }],
    });

    // Reminders reach the officer before the deadline, and the overdue one after it.
    ctx.clock.set(`${addDays(deadline, -1)}T09:00:00+01:00`, { running: true });
    await ctx.get(ReminderService).scan();
    ctx.clock.set(`${addDays(deadline, 1)}T09:00:00+01:00`, { running: true });
    await ctx.get(ReminderService).scan();
    const notes = await ctx
      .http()
      .get('/api/v1/notifications')
      .set(await ctx.as(w.officer))
      .expect(200);
    const kinds = (notes.body as { items: { kind: string; title: string }[] }).items
      .filter((n) => n.title.includes('Kulturarv i samverkan') && n.kind !== 'consultation_assigned')
      .map((n) => n.kind)
      .sort();
    expect(kinds).toEqual(['consultation_overdue', 'consultation_reminder']);
    const recipient = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${c.asRecipient!.id}`)
      .set(await ctx.as(w.registrar))
      .expect(200);
    expect(recipient.body).toMatchObject({ overdue: true, responseDeadline: deadline });
    // A meeting within a later deadline is offered, as for a remiss from inside.
    const later = await ministryRemiss(w, addDays(TODAY, 40));
    await addMeeting(ctx, w.registrar, addDays(TODAY, 35));
    await assign(w, later);
    const second = await flow.start(w, later.caseId);
    expect((second as unknown as { schedule: { deadlineBeforeNextMeeting: boolean } }).schedule).toMatchObject({
      deadlineBeforeNextMeeting: false,
    });
  });

  it('declines a remiss from outside with an avstående to the sender, kept in the case it came in', async () => {
    const w = await statementWorld(ctx);
    const c = await ministryRemiss(w, '2026-03-31');
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${c.asRecipient!.id}/decline`)
      .set(await ctx.as(w.registrar))
      .send({ reason: 'Remissen berör inte nämndens ansvarsområde.', decidedBy: w.director.id })
      .expect(200);
    await ctx.drain();
    const avstående = (await issued(w.registrar, c.asRecipient!.id)).find((d) => d.kind === 'decline_letter');
    expect(avstående?.status).toBe('signed');
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${avstående!.id}/file`)
      .set(await ctx.as(w.registrar))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const text = pdfText(file.body as Buffer);
    expect(text).toContain('Kulturdepartementet');
    expect(text).toContain('Ku2025/01234');
    const documents = await ctx
      .http()
      .get(`/api/v1/cases/${c.caseId}/documents`)
      .set(await ctx.as(w.registrar))
      .expect(200);
    expect(
      (documents.body as RegisteredDocument[])
        .filter((d) => d.kind === 'avstående')
        .map((d) => [d.direction, d.counterpart]),
    ).toEqual([['outgoing', 'Kulturdepartementet']]);
  });

  it('refuses a remiss with no sender, a past deadline or a future arrival, and changes nothing', async () => {
    const w = await statementWorld(ctx);
    const good = {
      title: 'Remiss av promemorian Ny museilag',
      sender: MINISTRY,
      responseDeadline: '2026-03-31',
    };
    const cases: [Record<string, unknown>, number, string | undefined][] = [
      [{ ...good, sender: undefined }, 400, undefined],
      [{ ...good, sender: { name: 'Kulturdepartementet', email: 'inte en adress' } }, 400, undefined],
      [{ ...good, responseDeadline: TODAY }, 422, 'consultation.deadline_past'],
      [{ ...good, receivedOn: addDays(TODAY, 1) }, 422, 'consultation.received_in_future'],
      [{ ...good, sections: [{ title: 'Kapitel 1' }, { title: 'kapitel 1' }] }, 422, 'consultation.duplicate_section'],
    ];
    for (const [body, status, code] of cases) {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .post('/api/v1/incoming-remisses')
          .set(await ctx.as(w.registrar))
          .send(body),
      );
      expect(response.status).toBe(status);
      if (code) {
        expect(response.body).toMatchObject({ code });
      }
    }
    // Only a registrar registers what comes in.
    await register(w.officer, good, 403);
  });
});
