import { addDays, Role } from '@app/platform';
import { inspectPdf, normalise, type TestPerson } from '@app/testing';

import { asBytes, PNG_BYTES, samplePdf } from '../support/files.js';
import { reportSignature, signatureName } from '../support/pdf-tools.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { type Statement, StatementFlow } from '../support/statement-flow.js';
import { addMeeting, afterMeeting, statementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  field?: string;
  errors?: { field: string; problems: string[] }[];
}

interface IssuedDocument {
  id: string;
  kind: string;
  revision: number;
  edition: number;
  status: string;
  sha256: string;
  signedAt: string;
  failureReason: string | null;
}

const TODAY = '2026-11-02';
/** The largest upload here: small, so that a larger one is cheap to send. */
const FILE_MAX_BYTES = 1024 * 1024;

/**
 * The board's decisions are bound to the meetings of its calendar, and the signed documents say
 * only what happened: the meeting and paragraph, the decision as adopted, when the file was made,
 * and in whose name it is signed.
 */
describe('board decisions at real meetings, and documents that say only what is true', () => {
  let ctx: TestContext;
  let flow: StatementFlow;

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { FILE_MAX_BYTES: String(FILE_MAX_BYTES) } });
    flow = new StatementFlow(ctx);
  });

  beforeEach(() => ctx.clock.set(`${TODAY}T09:00:00+01:00`, { running: true }));

  afterAll(() => ctx.close());

  async function decision(s: Statement, as: TestPerson, body: Record<string, unknown>) {
    return ctx
      .http()
      .post(`/api/v1/statements/${s.id}/decision`)
      .set(await ctx.as(as))
      .send(body);
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

  async function download(as: TestPerson, document: IssuedDocument): Promise<Buffer> {
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${document.id}/file`)
      .set(await ctx.as(as))
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    return file.body as Buffer;
  }

  async function nameOf(organisationId: string): Promise<{ board: string; administration: string }> {
    const [row] = await ctx.query<{ name: string; administration_name: string }>(
      `SELECT name, administration_name FROM organisations WHERE id = $1`,
      [organisationId],
    );
    return { board: row!.name, administration: row!.administration_name };
  }

  const adopted = { paragraph: '12', outcome: 'adopted', confirmation: { immediate: true } };

  it('records a decision only at the meeting the approved statement went before, once it has been held', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    expect(s.meeting).toMatchObject({ id: w.meetingId, meetingDate: w.meetingDate });
    const earlier = await addMeeting(ctx, w.registrar, '2026-10-29', '2026-10-22');
    const other = await ctx.factories.organisation();
    const otherRegistrar = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
    const elsewhere = await addMeeting(ctx, otherRegistrar, '2026-10-29', '2026-10-22');

    const refused: [Record<string, unknown>, number, string][] = [
      // A date is no meeting: the decision names one of the board's calendar.
      [{ ...adopted, meetingDate: '2027-03-01' }, 400, 'request.invalid'],
      // The meeting has not been held yet.
      [{ ...adopted, meetingId: w.meetingId }, 422, 'statement.meeting_not_held'],
      // Not a meeting of this board.
      [{ ...adopted, meetingId: elsewhere }, 422, 'statement.meeting_unknown'],
      [{ ...adopted, meetingId: '6c0a3d2e-8f7b-4d1a-9e2c-1b3a5d7f9e0c' }, 422, 'statement.meeting_unknown'],
      // Held, but not the meeting the statement went before.
      [{ ...adopted, meetingId: earlier }, 409, 'statement.meeting_mismatch'],
    ];
    for (const [body, status, code] of refused) {
      const response = await expectNothingChanged(ctx, () => decision(s, w.registrar, body));
      expect(response.body).toMatchObject({ status, code });
      expect((response.body as Problem).detail).toMatch(/meeting/);
    }
    const after = await ctx
      .http()
      .get(`/api/v1/statements/${s.id}`)
      .set(await ctx.as(w.registrar))
      .expect(200);
    expect(after.body).toMatchObject({ status: 'approved', decision: null });

    afterMeeting(ctx, w.meetingDate!);
    const decided = await decision(s, w.registrar, { ...adopted, meetingId: w.meetingId });
    expect(decided.status).toBe(200);
    expect((decided.body as Statement).decision).toMatchObject({
      meetingId: w.meetingId,
      meetingDate: w.meetingDate,
      paragraphNumber: 12,
      paragraph: '§ 12',
    });
  });

  it('needs a coming meeting before a statement goes for approval, the one the editor is offered', async () => {
    const w = await statementWorld(ctx, '2099-06-30', { meeting: false });
    const held = await addMeeting(ctx, w.registrar, '2026-10-29', '2026-10-22');
    const s = await flow.save(await flow.start(w), w.officer);
    expect(s.revision.parts.meetingId).toBeNull();
    const submit = () =>
      expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .post(`/api/v1/statements/${s.id}/submit`)
          .set(await ctx.as(w.officer))
          .send({ revision: s.currentRevision }),
      );
    expect((await submit()).body).toMatchObject({
      status: 422,
      code: 'statement.meeting_required',
      field: 'meetingId',
    });
    const past = await flow.save(s, w.officer, { meetingId: held });
    const response = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/statements/${s.id}/submit`)
        .set(await ctx.as(w.officer))
        .send({ revision: past.currentRevision }),
    );
    expect(response.body).toMatchObject({ status: 422, code: 'statement.meeting_passed' });
    // The board's next usable meeting is what the statement offers.
    const coming = await addMeeting(ctx, w.registrar, '2026-11-30');
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${s.id}`)
      .set(await ctx.as(w.officer))
      .expect(200);
    expect(view.body).toMatchObject({ schedule: { nextUsableMeeting: { id: coming } } });
    const ready = await flow.save(past, w.officer, { meetingId: coming });
    await flow.act(ready, w.officer, 'submit');
  });

  it('lets a registrar move an approved statement to another meeting: issued anew with that date, not approved anew', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    await ctx.drain();
    const later = await addMeeting(ctx, w.registrar, '2026-12-07');
    const cancelledToo = await addMeeting(ctx, w.registrar, '2026-12-14');
    const registrar = await ctx.as(w.registrar);
    for (const id of [w.meetingId, cancelledToo]) {
      await ctx.http().post(`/api/v1/meetings/${id}/cancel`).set(registrar).expect(200);
    }
    // The statement of a cancelled meeting waits for the registrar to move it.
    const work = await ctx.http().get('/api/v1/my-work').set(registrar).expect(200);
    expect(work.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'move_to_meeting', link: { type: 'statement', id: s.id } }),
      ]),
    );
    afterMeeting(ctx, w.meetingDate!);
    const atCancelled = await expectNothingChanged(ctx, () =>
      decision(s, w.registrar, { ...adopted, meetingId: w.meetingId }),
    );
    expect(atCancelled.body).toMatchObject({ status: 409, code: 'statement.meeting_cancelled' });
    const move = (as: Record<string, string>, meetingId: string | null) =>
      ctx.http().post(`/api/v1/statements/${s.id}/meeting`).set(as).send({ meetingId });
    for (const [as, meetingId, status, code] of [
      [await ctx.as(w.officer), later, 403, 'access.role_required'],
      [registrar, cancelledToo, 409, 'statement.meeting_cancelled'],
      [registrar, null, 400, 'request.invalid'],
    ] as const) {
      const response = await expectNothingChanged(ctx, () => move(as, meetingId));
      expect(response.body).toMatchObject({ status, code });
    }

    const moved = await move(registrar, later);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'approved',
      approvedRevision: s.approvedRevision,
      meeting: { id: later, meetingDate: '2026-12-07' },
    });
    expect((moved.body as { approvals: unknown[] }).approvals).toHaveLength(2);
    await ctx.drain();
    const reports = (await issued(w.registrar, s.id)).filter((d) => d.kind === 'official_report');
    expect(reports.map((d) => [d.revision, d.edition, d.status])).toEqual([
      [s.approvedRevision, 1, 'signed'],
      [s.approvedRevision, 2, 'signed'],
    ]);
    const { board } = await nameOf(w.organisationId);
    const [first, second] = await Promise.all(
      reports.map(async (d) => normalise(inspectPdf(await download(w.registrar, d)).text)),
    );
    expect(first).toContain(`Till ${board} ${w.meetingDate}`);
    expect(second).toContain(`Till ${board} 2026-12-07`);
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'statement', entityId: s.id })
      .set(registrar)
      .expect(200);
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'statement.meeting_moved',
          before: { meetingId: w.meetingId, meetingDate: w.meetingDate },
          after: expect.objectContaining({ meetingId: later, meetingDate: '2026-12-07', edition: 2 }),
        }),
      ]),
    );
    afterMeeting(ctx, '2026-12-07');
    const decided = await decision(s, w.registrar, { ...adopted, meetingId: later });
    expect(decided.status).toBe(200);
  });

  it('lists a meeting’s agenda: what goes before it and what the board decided there, even when referred back', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    const registrar = await ctx.as(w.registrar);
    const agenda = async (meetingId: string, as = registrar) =>
      ctx.http().get(`/api/v1/meetings/${meetingId}/statements`).set(as);
    const before = await agenda(w.meetingId!);
    expect(before.status).toBe(200);
    expect((before.body as Statement[]).map((x) => [x.id, x.status, x.decision])).toEqual([[s.id, 'approved', null]]);
    const empty = await addMeeting(ctx, w.registrar, '2026-12-07');
    expect((await agenda(empty)).body).toEqual([]);

    afterMeeting(ctx, w.meetingDate!);
    await flow.decide(w, s, { paragraph: '7', outcome: 'referred_back', confirmation: { immediate: true } });
    const after = await agenda(w.meetingId!, await ctx.as(w.officer));
    expect(after.status).toBe(200);
    expect((after.body as Statement[]).map((x) => [x.id, x.status])).toEqual([[s.id, 'drafting']]);
    expect((after.body as Statement[])[0]!.decision).toMatchObject({ paragraph: '§ 7', outcome: 'referred_back' });

    const other = await ctx.factories.organisation();
    const otherRegistrar = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
    for (const [id, as] of [
      [w.meetingId!, await ctx.as(otherRegistrar)],
      ['6c0a3d2e-8f7b-4d1a-9e2c-1b3a5d7f9e0c', registrar],
    ] as const) {
      expect((await agenda(id, as)).body).toMatchObject({ status: 404, code: 'statement.meeting_not_found' });
    }
  });

  it('lists the organisation’s issued documents, latest first, with their diary numbers, and no other organisation’s', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    await ctx.drain();
    const own = await issued(w.registrar, s.id);
    expect(own.length).toBeGreaterThan(0);
    const all = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .set(await ctx.as(w.officer))
      .expect(200);
    const listed = all.body as (IssuedDocument & { diaryNumber: string; requestedAt: string })[];
    for (const document of own) {
      expect(listed).toContainEqual(expect.objectContaining({ id: document.id, diaryNumber: s.diaryNumber }));
    }
    const times = listed.map((d) => d.requestedAt);
    expect(times).toEqual([...times].sort().reverse());
    const other = await ctx.factories.organisation();
    const stranger = await ctx.factories.person(other.id, { roles: [Role.Registrar] });
    const theirs = await ctx
      .http()
      .get('/api/v1/issued-documents')
      .set(await ctx.as(stranger))
      .expect(200);
    expect(theirs.body).toEqual([]);
  });

  it('numbers a paragraph once in a meeting’s minutes and prints its sign once', async () => {
    const w = await statementWorld(ctx);
    const first = await flow.approved(w);
    // A second matter of the same board, for the same meeting.
    const registrar = await ctx.as(w.registrar);
    const registered = await ctx
      .http()
      .post('/api/v1/cases')
      .set(registrar)
      .send({ title: 'Ett annat ärende' })
      .expect(201);
    const caseId = (registered.body as { id: string }).id;
    await ctx.http().post(`/api/v1/cases/${caseId}/assign`).set(registrar).send({ personId: w.officer.id }).expect(200);
    const other = await flow.start(w, caseId);
    expect(other.revision.parts.meetingId).toBe(w.meetingId);
    const second = await flow.approved(w, other);
    afterMeeting(ctx, w.meetingDate!);
    expect((await decision(first, w.registrar, { ...adopted, meetingId: w.meetingId, paragraph: '§ 12' })).status).toBe(
      200,
    );
    for (const [paragraph, status, code] of [
      ['12', 409, 'statement.paragraph_taken'],
      ['§ 12', 409, 'statement.paragraph_taken'],
      ['tolv', 400, 'statement.paragraph_invalid'],
      ['§ § 13', 400, 'statement.paragraph_invalid'],
    ] as const) {
      const response = await expectNothingChanged(ctx, () =>
        decision(second, w.registrar, { ...adopted, meetingId: w.meetingId, paragraph }),
      );
      expect(response.body).toMatchObject({ status, code, field: 'paragraph' });
    }
    const ok = await decision(second, w.registrar, { ...adopted, meetingId: w.meetingId, paragraph: '13' });
    expect((ok.body as Statement).decision).toMatchObject({ paragraph: '§ 13', paragraphNumber: 13 });
  });

  it('confirms the minutes on a day between the meeting and today', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    const week = addDays(w.meetingDate!, 7);
    const early = await expectNothingChanged(ctx, async () => {
      afterMeeting(ctx, w.meetingDate!);
      return decision(s, w.registrar, {
        ...adopted,
        meetingId: w.meetingId,
        confirmation: { on: addDays(w.meetingDate!, -1) },
      });
    });
    expect(early.body).toMatchObject({ status: 422, code: 'statement.confirmation_date_invalid' });
    const decided = await flow.decide(w, s, { paragraph: '3', outcome: 'adopted', confirmation: { on: week } });
    const decisionId = decided.decision!.id;
    const confirm = async (confirmedOn: string) =>
      ctx
        .http()
        .post(`/api/v1/board-decisions/${decisionId}/confirm`)
        .set(await ctx.as(w.registrar))
        .send({ confirmedOn });
    // Not in advance, and not before the meeting.
    for (const day of [week, addDays(w.meetingDate!, -1)]) {
      const response = await expectNothingChanged(ctx, () => confirm(day));
      expect(response.body).toMatchObject({
        status: 422,
        code: 'statement.confirmation_date_invalid',
        field: 'confirmedOn',
      });
    }
    ctx.clock.set(`${week}T10:00:00+01:00`, { running: true });
    expect((await confirm(week)).status).toBe(200);
  });

  it('refuses a document date before the case was registered or more than 90 days ahead', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.start(w);
    for (const documentDate of ['2025-09-25', addDays(TODAY, 91), '2031-01-01']) {
      const response = await expectNothingChanged(ctx, async () =>
        ctx
          .http()
          .put(`/api/v1/statements/${s.id}`)
          .set(await ctx.as(w.officer))
          .send({ baseRevision: s.currentRevision, parts: { ...s.revision.parts, documentDate } }),
      );
      expect(response.body).toMatchObject({
        status: 422,
        code: 'statement.document_date_implausible',
        field: 'documentDate',
      });
    }
    await flow.save(s, w.officer, { documentDate: addDays(TODAY, 90) });
  });

  it('prints what the board decided, where and when, and who signs; each file dated when it was made', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    await ctx.drain();
    const amended = 'Nämnden godkänner tjänsteutlåtandet med tillägget att uppföljningen redovisas varje kvartal.';
    const decided = await flow.decide(w, s, {
      paragraph: '§ 12',
      outcome: 'adopted_with_amendments',
      amendedText: amended,
      confirmation: { immediate: true },
    });
    await ctx.drain();
    const { board, administration } = await nameOf(w.organisationId);
    const documents = [...(await issued(w.registrar, s.id)), ...(await issued(w.registrar, decided.decision!.id))];
    expect(documents.map((d) => d.kind).sort()).toEqual(['board_statement', 'minutes_extract', 'official_report']);
    const text: Record<string, string> = {};
    for (const document of documents) {
      const pdf = await download(w.registrar, document);
      const inspection = inspectPdf(pdf);
      text[document.kind] = normalise(inspection.text);
      // Made, and signed, when the worker made it: not on the meeting's day at noon.
      const created = /<xmp:CreateDate>([^<]+)</.exec(inspection.xmp)?.[1];
      const modified = /<xmp:ModifyDate>([^<]+)</.exec(inspection.xmp)?.[1];
      expect(Math.abs(Date.parse(created!) - Date.parse(document.signedAt))).toBeLessThan(1000);
      expect(modified).toBe(created);
      // The certificate, the signature's /Name and the panel agree: the administration's seal.
      const { pdfsig } = reportSignature(pdf);
      expect(/Signer Certificate Common Name: (.*)/.exec(pdfsig)?.[1]).toBe(administration);
      const subject = /Signer full Distinguished Name: (.*)/.exec(pdfsig)?.[1];
      expect(subject).toContain(`OU=${administration}`);
      expect(subject).toContain('O=Stockholms stad');
      expect(subject).not.toContain(board);
      expect(signatureName(pdf)).toBe(administration);
      expect(text[document.kind]).toContain(`Elektroniskt signerad av ${administration}`);
    }
    const proposal = (s.revision.parts.proposedDecision as string[])[0]!;
    expect(text.official_report).toContain(`Till ${board} ${w.meetingDate}`);
    expect(text.official_report).toContain('Godkänt av');
    expect(text.board_statement).toContain(`${board}, sammanträde ${w.meetingDate}, § 12`);
    expect(text.board_statement).toContain(amended);
    expect(text.board_statement).not.toContain(proposal);
    expect(text.board_statement).toContain(`Beslutat av ${board}, § 12`);
    expect(text.minutes_extract).toContain(`Protokoll från sammanträde ${w.meetingDate} § 12`);
    expect(text.minutes_extract).toContain(`Beslut ${amended}`);
    expect(text.minutes_extract).not.toContain(proposal);
    expect(text.minutes_extract).toContain('Rätt utdraget intygar');
    for (const printed of Object.values(text)) {
      expect(printed).not.toContain('§ §');
    }
    // The certificate in use says the same.
    const admin = await ctx.factories.person(w.organisationId, { roles: [Role.Administrator] });
    const certificate = await ctx
      .http()
      .get('/api/v1/signing-certificate')
      .set(await ctx.as(admin))
      .expect(200);
    expect(certificate.body).toMatchObject({ kind: 'development', subject: `${administration}, Stockholms stad` });
  });

  it('names the field and the rule when it refuses', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.approved(w);
    await flow.decide(w, s, { ...adopted });
    const again = await expectNothingChanged(ctx, () =>
      decision(s, w.registrar, { ...adopted, meetingId: w.meetingId, paragraph: '14' }),
    );
    expect(again.body).toMatchObject({ status: 409, code: 'statement.already_decided' });
    expect((again.body as Problem).detail).toContain(`§ 12, sammanträde ${w.meetingDate}`);

    const meeting = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post('/api/v1/meetings')
        .set(await ctx.as(w.registrar))
        .send({ meetingDate: '2027-02-10', agendaDeadline: '2027-02-11' }),
    );
    expect(meeting.body).toMatchObject({
      status: 422,
      code: 'statement.agenda_deadline_after_meeting',
      field: 'agendaDeadline',
    });
    expect((meeting.body as Problem).detail).toMatch(/^agendaDeadline 2027-02-11 ligger efter meetingDate 2027-02-10/);

    const drafting = await statementWorld(ctx);
    const draft = await flow.start(drafting);
    const base = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .put(`/api/v1/statements/${draft.id}`)
        .set(await ctx.as(drafting.officer))
        .send({ baseRevision: 'abc', parts: draft.revision.parts }),
    );
    // The rule it breaks, and no other: not an integer (rather than "too small").
    expect(base.body).toMatchObject({
      status: 400,
      errors: [{ field: 'baseRevision', problems: ['måste vara ett heltal'] }],
    });
    expect((base.body as Problem).detail).toBe('Begäran innehåller fel: baseRevision måste vara ett heltal.');

    const remiss = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(await ctx.as(w.senderOfficer))
      .send({ title: 'Ett utkast', responseDeadline: '2099-12-31' })
      .expect(201);
    const title = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/consultations/${(remiss.body as { id: string }).id}/documents`)
        .set(await ctx.as(w.senderOfficer))
        .field('title', 'x')
        .attach('file', await samplePdf(['Underlag']), { filename: 'underlag.pdf', contentType: 'application/pdf' }),
    );
    expect(title.body).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'title' }] });
    expect((title.body as Problem).detail).toContain('title');
  });

  it('lists the remiss’s sections in the pre-filled statement in the remiss’s order, whatever their ids', async () => {
    const w = await statementWorld(ctx);
    const titles = ['Mål', 'Ansvar', 'Resurser', 'Uppföljning', 'Samverkan', 'Tidplan', 'Ekonomi', 'Delaktighet'];
    const created = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(await ctx.as(w.senderOfficer))
      .send({
        title: 'Plan med många delar',
        responseDeadline: '2099-06-30',
        sections: titles.map((title) => ({ title })),
        recipients: { organisationIds: [w.organisationId] },
      })
      .expect(201);
    const remiss = created.body as { id: string; sections: { id: string; title: string }[] };
    expect(remiss.sections.map((x) => x.title)).toEqual(titles);
    await ctx
      .http()
      .post(`/api/v1/consultations/${remiss.id}/send`)
      .set(await ctx.as(w.senderOfficer))
      .expect(200);
    await ctx.drain();
    const registrar = await ctx.as(w.registrar);
    const received = await ctx.http().get(`/api/v1/consultations/${remiss.id}`).set(registrar).expect(200);
    const recipient = (received.body as { asRecipient: { id: string; diaryNumber: string } }).asRecipient;
    await ctx
      .http()
      .post(`/api/v1/consultation-recipients/${recipient.id}/assign`)
      .set(registrar)
      .send({ departmentId: w.departmentId, personId: w.officer.id })
      .expect(200);
    const found = await ctx
      .http()
      .get('/api/v1/cases')
      .query({ diaryNumber: recipient.diaryNumber })
      .set(registrar)
      .expect(200);
    const caseId = (found.body as { items: { id: string }[] }).items[0]!.id;
    const s = await flow.start(w, caseId);
    const order = remiss.sections.map((x) => x.id);
    const ids = (parts: Record<string, unknown>) => (parts.sections as { sectionId: string }[]).map((x) => x.sectionId);
    expect(ids(s.revision.parts)).toEqual(order);
    // A save that brings them in another order keeps the remiss's.
    const saved = await flow.save(s, w.officer, {
      sections: [...(s.revision.parts.sections as unknown[])].reverse(),
    });
    expect(ids(saved.revision.parts)).toEqual(order);
  });

  it('refuses text a signed document cannot print, naming the field and the characters', async () => {
    const w = await statementWorld(ctx);
    const s = await flow.start(w);
    const saved = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .put(`/api/v1/statements/${s.id}`)
        .set(await ctx.as(w.officer))
        .send({
          baseRevision: s.currentRevision,
          parts: { ...s.revision.parts, summary: 'Glad 😀 sommar', views: 'Förvaltningen säger مرحبا.' },
        }),
    );
    expect(saved.body).toMatchObject({
      status: 422,
      code: 'text.unprintable',
      fields: [
        { field: 'summary', characters: ['😀 (U+1F600)'] },
        { field: 'views', characters: [...'مرحبا'].map((c) => expect.stringContaining(c) as unknown) },
      ],
    });
    expect((saved.body as Problem).detail).toContain('summary innehåller 😀 (U+1F600)');
    const declined = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/consultation-recipients/${w.recipientId}/decline`)
        .set(await ctx.as(w.registrar))
        .send({ reason: 'Vi avstår 🙂', decidedBy: w.director.id }),
    );
    expect(declined.body).toMatchObject({ status: 422, code: 'text.unprintable', fields: [{ field: 'reason' }] });
    const remiss = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post('/api/v1/consultations')
        .set(await ctx.as(w.senderOfficer))
        .send({ title: 'Plan för שלום', responseDeadline: '2099-12-31' }),
    );
    expect(remiss.body).toMatchObject({ status: 422, code: 'text.unprintable', fields: [{ field: 'title' }] });
  });

  it('verifies exactly one PDF in the field file, no larger than the largest upload', async () => {
    const w = await statementWorld(ctx);
    const as = await ctx.as(w.officer);
    const verify = () => ctx.http().post('/api/v1/verification').set(as);
    const pdf = await samplePdf(['Tjänsteutlåtande']);
    const tooLarge = Buffer.concat([pdf, Buffer.alloc(FILE_MAX_BYTES, 0x20)]);
    const cases: [string, () => ReturnType<typeof verify>, number, string][] = [
      ['an empty file', () => verify().attach('file', Buffer.alloc(0), 'tom.pdf'), 422, 'verification.empty_file'],
      [
        'plain text',
        () =>
          verify().attach('file', Buffer.from('Detta är ingen PDF.'), {
            filename: 'x.pdf',
            contentType: 'application/pdf',
          }),
        415,
        'verification.not_pdf',
      ],
      [
        'a PNG',
        () => verify().attach('file', PNG_BYTES, { filename: 'bild.png', contentType: 'image/png' }),
        415,
        'verification.not_pdf',
      ],
      [
        'two files',
        () => verify().attach('file', pdf, 'a.pdf').attach('file', Buffer.from('x'), 'b.pdf'),
        400,
        'request.one_file_expected',
      ],
      ['another field name', () => verify().attach('document', pdf, 'a.pdf'), 400, 'request.one_file_expected'],
      [
        'a field besides the file',
        () => verify().field('note', 'x').attach('file', pdf, 'a.pdf'),
        400,
        'request.one_file_expected',
      ],
      [
        'a file above the largest upload',
        () => verify().attach('file', tooLarge, 'stor.pdf'),
        413,
        'request.file_too_large',
      ],
    ];
    for (const [, send, status, code] of cases) {
      const response = await expectNothingChanged(ctx, () => send());
      expect(response.body).toMatchObject({ status, code });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const ok = await verify().attach('file', pdf, 'a.pdf').expect(200);
    expect(ok.body).toMatchObject({ verdict: 'not_issued' });
  });
});
