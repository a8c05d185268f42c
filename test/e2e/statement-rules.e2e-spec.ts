import { Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { asBytes } from '../support/files.js';
import { pdfText } from '../support/pdf-tools.js';
import { expectNothingChanged } from '../support/snapshot.js';
import { type Statement, StatementFlow } from '../support/statement-flow.js';
import { addMeeting, afterMeeting, statementWorld, type StatementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

describe('the rules of a statement', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });

  // Every test starts on the same day; those that record a board's decision move to its meeting.
  beforeEach(() => ctx.clock.set('2025-03-03T09:00:00+01:00', { running: true }));

  afterAll(() => ctx.close());

  const flow = (): StatementFlow => new StatementFlow(ctx);
  const start = (w: StatementWorld): Promise<Statement> => flow().start(w);
  const save = (s: Statement, as: TestPerson, changes?: Record<string, unknown>): Promise<Statement> =>
    flow().save(s, as, changes);
  const act = (
    s: Statement,
    as: TestPerson,
    action: 'submit' | 'approve' | 'request-changes',
    revision?: number,
    expected?: number,
  ): Promise<Statement> => flow().act(s, as, action, revision, expected);
  const decide = (w: StatementWorld, s: Statement, decision: Record<string, unknown>): Promise<Statement> =>
    flow().decide(w, s, decision);
  const approved = (w: StatementWorld): Promise<Statement> => flow().approved(w);

  /** The registrar adds a person to write in the world's case beside its responsible officer. */
  async function addCoWorker(w: StatementWorld, person: TestPerson): Promise<void> {
    await ctx
      .http()
      .put(`/api/v1/cases/${w.caseId}/co-workers/${person.id}`)
      .set(await ctx.as(w.registrar))
      .expect(200);
  }

  it('answers a stale save 409 with the current revision, and a concurrent burst lets exactly one through', async () => {
    const w = await statementWorld(ctx);
    const s = await start(w);
    const headers = await ctx.as(w.officer);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ctx
          .http()
          .put(`/api/v1/statements/${s.id}`)
          .set(headers)
          .send({ baseRevision: 1, parts: { ...s.revision.parts, summary: `Samtidig ändring ${i}` } }),
      ),
    );
    const ok = responses.filter((r) => r.status === 200);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const c of conflicts) {
      expect(c.body).toMatchObject({ code: 'statement.stale_revision', currentRevision: 2 });
    }
    const revisions = await ctx.http().get(`/api/v1/statements/${s.id}/revisions`).set(headers).expect(200);
    expect((revisions.body as unknown[]).length).toBe(2);
    const winner = (ok[0]!.body as Statement).revision.parts.summary;
    expect((revisions.body as { parts: { summary: string } }[])[1]!.parts.summary).toBe(winner);
  });

  it('keeps a save and a submission of the same revision at once consistent, whichever commits first', async () => {
    const w = await statementWorld(ctx);
    let s = await start(w);
    const headers = await ctx.as(w.officer);
    for (let round = 0; round < 8; round++) {
      const base = s.currentRevision;
      const [saved, submitted] = await Promise.all([
        ctx
          .http()
          .put(`/api/v1/statements/${s.id}`)
          .set(headers)
          .send({ baseRevision: base, parts: { ...s.revision.parts, summary: `Runda ${round}` } }),
        ctx.http().post(`/api/v1/statements/${s.id}/submit`).set(headers).send({ revision: base }),
      ]);
      expect(saved.status).toBe(200);
      expect([200, 409]).toContain(submitted.status);
      // The text changed after (or instead of) the submission: it is a draft again, with no
      // submission left open, and its new revision can be submitted.
      s = (await ctx.http().get(`/api/v1/statements/${s.id}`).set(headers).expect(200)).body as Statement;
      expect(s).toMatchObject({ status: 'drafting', currentRevision: base + 1, nextStep: null });
      const open = await ctx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM statement_submissions WHERE statement_id = $1 AND status = 'open'`,
        [s.id],
      );
      expect(open[0]!.n).toBe(0);
    }
    await act(s, w.officer, 'submit');
  });

  it('starts one statement per case when several are started at once, and answers the others 409', async () => {
    const w = await statementWorld(ctx);
    const headers = await ctx.as(w.officer);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => ctx.http().post('/api/v1/statements').set(headers).send({ caseId: w.caseId })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(r.body).toMatchObject({ code: 'statement.already_exists' });
    }
    const rows = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements WHERE case_id = $1`, [
      w.caseId,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('withdraws the approvals when the text changes after one, and binds each approval to its revision', async () => {
    const w = await statementWorld(ctx);
    let s = await save(await start(w), w.officer);
    s = await act(s, w.officer, 'submit');
    s = await act(s, w.head, 'approve');
    s = await save(s, w.officer, { views: 'Ny synpunkt efter godkännandet.' });
    expect(s.status).toBe('drafting');
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${s.id}`)
      .set(await ctx.as(w.officer))
      .expect(200);
    expect((view.body as { approvals: unknown[] }).approvals).toEqual([]);
    await act(s, w.officer, 'submit');
    const again = await act(s, w.head, 'approve');
    expect(
      (again as unknown as { approvals: { revisionNumber: number }[] }).approvals.map((a) => a.revisionNumber),
    ).toEqual([s.currentRevision]);
  });

  it('lets a substitute take the step of the person they stand in for, recorded in the audit trail', async () => {
    const w = await statementWorld(ctx);
    const stand = await ctx.factories.person(w.organisationId, {
      roles: [Role.CaseOfficer],
      departmentId: w.otherDepartmentId,
    });
    await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(w.director))
      .send({ substituteId: stand.id, validFrom: '2025-03-01', validTo: '2025-03-31' })
      .expect(201);
    let s = await save(await start(w), w.officer);
    s = await act(s, w.officer, 'submit');
    s = await act(s, w.head, 'approve');
    const done = await act(s, stand, 'approve');
    expect(done.status).toBe('approved');
    const approvals = (
      done as unknown as { approvals: { approver: { id: string }; onBehalfOf: { id: string } | null }[] }
    ).approvals;
    expect(approvals[1]).toMatchObject({ approver: { id: stand.id }, onBehalfOf: { id: w.director.id } });
    const audit = await ctx
      .http()
      .get('/api/v1/audit/records')
      .query({ entityType: 'statement', entityId: s.id })
      .set(await ctx.as(w.registrar))
      .expect(200);
    expect(
      (audit.body as { action: string; after: { onBehalfOf?: string } }[]).find(
        (a) => a.action === 'statement.step_approved' && a.after.onBehalfOf === w.director.id,
      ),
    ).toBeDefined();
    // The signature says on whose behalf it was given, in the answer and in the signed document.
    expect((done as unknown as { signatories: unknown[] }).signatories[0]).toMatchObject({
      name: stand.name,
      onBehalfOf: { id: w.director.id, name: w.director.name, title: 'förvaltningschef' },
    });
    await ctx.drain();
    const registrar = await ctx.as(w.registrar);
    const [report] = (
      await ctx.http().get('/api/v1/issued-documents').query({ subjectId: s.id }).set(registrar).expect(200)
    ).body as { id: string; status: string }[];
    expect(report).toMatchObject({ status: 'signed' });
    const file = await ctx
      .http()
      .get(`/api/v1/issued-documents/${report!.id}/file`)
      .set(registrar)
      .buffer(true)
      .parse(asBytes)
      .expect(200);
    const text = pdfText(file.body as Buffer);
    expect(text).toContain(`${stand.name} handläggare för ${w.director.name}, förvaltningschef`);
    expect(text).toContain(`${stand.name}, handläggare, för ${w.director.name}, förvaltningschef`);
  });

  it('lets exactly one approval through per step when a head of department who is also the director’s substitute races another head (50 rounds)', async () => {
    const w = await statementWorld(ctx);
    // A second head of the officer's department, who also stands in for the director.
    const deputy = await ctx.factories.person(w.organisationId, {
      roles: [Role.HeadOfDepartment],
      departmentId: w.departmentId,
      title: 'avdelningschef',
    });
    await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(w.director))
      .send({ substituteId: deputy.id, validFrom: '2025-03-01', validTo: '2025-03-31' })
      .expect(201);
    const [headHeaders, deputyHeaders, directorHeaders] = [
      await ctx.as(w.head),
      await ctx.as(deputy),
      await ctx.as(w.director),
    ];
    let s = await start(w);
    for (let round = 0; round < 50; round++) {
      s = await act(await save(s, w.officer, { summary: `Runda ${round}` }), w.officer, 'submit');
      expect(s.nextStep).toMatchObject({ step: 1 });
      // Both click "Godkänn" on step 1 at the same moment.
      const [a, b] = await Promise.all(
        [headHeaders, deputyHeaders].map((headers) =>
          ctx
            .http()
            .post(`/api/v1/statements/${s.id}/approve`)
            .set(headers)
            .send({ revision: s.currentRevision, step: 1 }),
        ),
      );
      const statuses = [a!.status, b!.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = [a!, b!].find((r) => r.status === 409)!;
      expect(loser.body).toMatchObject({ code: 'statement.step_taken', takenStep: 1 });
      const approvals = await ctx.query<{ step: number; n: number }>(
        `SELECT a.step, count(*)::int AS n FROM statement_approvals a
         JOIN statement_submissions sub ON sub.id = a.submission_id
         WHERE a.statement_id = $1 AND sub.status = 'open' AND a.decision = 'approved'
         GROUP BY a.step ORDER BY a.step`,
        [s.id],
      );
      expect(approvals).toEqual([{ step: 1, n: 1 }]);
      const now = (await ctx.http().get(`/api/v1/statements/${s.id}`).set(directorHeaders).expect(200))
        .body as Statement;
      expect(now).toMatchObject({ status: 'in_approval', nextStep: { step: 2 } });
      // The director sends it back, so the next round starts from a fresh submission.
      s = await act(now, w.director, 'request-changes');
    }
    // Fifty rounds of six requests each: more than the default minute on a loaded machine.
  }, 300_000);

  it('answers a decision on a step that has moved on 409 and changes nothing', async () => {
    const w = await statementWorld(ctx);
    let s = await act(await save(await start(w), w.officer), w.officer, 'submit');
    const seenByBoth = s;
    s = await act(s, w.head, 'approve');
    // The director's substitute still shows step 1; approving it must not take step 2.
    const stand = await ctx.factories.person(w.organisationId, {
      roles: [Role.HeadOfDepartment],
      departmentId: w.departmentId,
    });
    await ctx
      .http()
      .post('/api/v1/substitutes')
      .set(await ctx.as(w.director))
      .send({ substituteId: stand.id, validFrom: '2025-03-01', validTo: '2025-03-31' })
      .expect(201);
    const headers = await ctx.as(stand);
    for (const path of ['approve', 'request-changes']) {
      const refused = await expectNothingChanged(ctx, () =>
        ctx
          .http()
          .post(`/api/v1/statements/${s.id}/${path}`)
          .set(headers)
          .send({ revision: seenByBoth.currentRevision, step: 1, comment: 'Ändra.' }),
      );
      expect(refused.body).toMatchObject({ status: 409, code: 'statement.step_taken', takenStep: 1 });
      expect((refused.body as { detail: string }).detail).toContain(w.head.name);
    }
    // The last step taken: a second approval of it says so too, not that the statement is done.
    s = await act(s, w.director, 'approve');
    expect(s.status).toBe('approved');
    const late = await ctx
      .http()
      .post(`/api/v1/statements/${s.id}/approve`)
      .set(headers)
      .send({ revision: s.currentRevision, step: 2 })
      .expect(409);
    expect(late.body).toMatchObject({ code: 'statement.step_taken', takenStep: 2 });
  });

  it('sends a statement back to drafting on återremiss, and delivers only when the minutes are confirmed', async () => {
    const w = await statementWorld(ctx);
    let s = await approved(w);
    const later = await addMeeting(ctx, w.registrar, '2025-04-17');
    const referred = await decide(w, s, {
      paragraph: '7',
      outcome: 'referred_back',
      confirmation: { on: '2025-03-27' },
    });
    expect(referred).toMatchObject({ status: 'drafting', approvedRevision: null });
    s = await save(referred, w.officer, { views: 'Omarbetad efter återremiss.', meetingId: later });
    s = await act(s, w.officer, 'submit');
    s = await act(s, w.head, 'approve');
    s = await act(s, w.director, 'approve');
    afterMeeting(ctx, '2025-04-17');
    const adopted = await decide(w, s, {
      meetingId: later,
      paragraph: '§ 9',
      outcome: 'adopted_with_amendments',
      amendedText: 'Med tillägget att samverkan ska ske kvartalsvis.',
      reservations: 'M reserverar sig.',
      confirmation: { on: '2025-04-24' },
    });
    expect(adopted).toMatchObject({
      status: 'adopted',
      decision: {
        meetingId: later,
        meetingDate: '2025-04-17',
        paragraphNumber: 9,
        paragraph: '§ 9',
        confirmed: false,
        confirmationDate: '2025-04-24',
      },
    });
    await ctx.drain();
    const recipient = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${w.recipientId}`)
      .set(await ctx.as(w.senderOfficer))
      .expect(200);
    expect(recipient.body).toMatchObject({ state: 'decided' });
    const decisionId = adopted.decision!.id;
    // The registrar has the adopted decision's minutes to confirm, not the återremiss's.
    const work = await ctx
      .http()
      .get('/api/v1/my-work')
      .set(await ctx.as(w.registrar))
      .expect(200);
    const toConfirm = (work.body as { kind: string; link: { id: string } }[]).filter(
      (i) => i.kind === 'confirm_minutes',
    );
    expect(toConfirm.map((i) => i.link.id)).toEqual([decisionId]);
    ctx.clock.set('2025-04-24T10:00:00+02:00', { running: true });
    await ctx
      .http()
      .post(`/api/v1/board-decisions/${decisionId}/confirm`)
      .set(await ctx.as(w.registrar))
      .send({ confirmedOn: '2025-04-24' })
      .expect(200);
    await ctx.drain();
    const answered = await ctx
      .http()
      .get(`/api/v1/consultation-recipients/${w.recipientId}`)
      .set(await ctx.as(w.senderOfficer))
      .expect(200);
    expect(answered.body).toMatchObject({ state: 'answered' });
    const again = await expectNothingChanged(ctx, async () =>
      ctx
        .http()
        .post(`/api/v1/board-decisions/${decisionId}/confirm`)
        .set(await ctx.as(w.registrar))
        .send({ confirmedOn: '2025-04-24' }),
    );
    expect(again.status).toBe(409);
  });

  it('keeps the preparation: questions to other departments, their answers, the departments consulted', async () => {
    const w = await statementWorld(ctx);
    const s = await start(w);
    const asked = await ctx
      .http()
      .post(`/api/v1/statements/${s.id}/preparation-requests`)
      .set(await ctx.as(w.officer))
      .send({ departmentId: w.otherDepartmentId, question: 'Hur påverkas er verksamhet?', deadline: '2025-03-14' })
      .expect(201);
    const id = (asked.body as { id: string }).id;
    const work = await ctx
      .http()
      .get('/api/v1/my-work')
      .set(await ctx.as(w.otherHead))
      .expect(200);
    expect((work.body as { kind: string }[]).map((i) => i.kind)).toContain('answer_preparation');
    await ctx
      .http()
      .post(`/api/v1/preparation-requests/${id}/answer`)
      .set(await ctx.as(w.head))
      .send({ answer: 'Fel avdelning svarar.' })
      .expect(403);
    await ctx
      .http()
      .post(`/api/v1/preparation-requests/${id}/answer`)
      .set(await ctx.as(w.otherHead))
      .send({ answer: 'Marginellt.' })
      .expect(200);
    const view = await ctx
      .http()
      .get(`/api/v1/statements/${s.id}`)
      .set(await ctx.as(w.officer))
      .expect(200);
    expect((view.body as { consultedDepartments: { id: string }[] }).consultedDepartments.map((d) => d.id)).toEqual([
      w.otherDepartmentId,
    ]);
  });

  it('shows when the deadline falls before the board’s next usable meeting, and the options', async () => {
    const w = await statementWorld(ctx, '2025-03-20', { meeting: false });
    await ctx
      .http()
      .post('/api/v1/meetings')
      .set(await ctx.as(w.registrar))
      .send({ meetingDate: '2025-04-10', agendaDeadline: '2025-03-27' })
      .expect(201);
    const s = await start(w);
    expect((s as unknown as { schedule: unknown }).schedule).toMatchObject({
      responseDeadline: '2025-03-20',
      deadlineBeforeNextMeeting: true,
      nextUsableMeeting: { meetingDate: '2025-04-10' },
      options: [{ action: 'request_extension' }, { action: 'answer_from_administration' }],
    });
  });

  it('sends the administration’s signed tjänsteutlåtande ahead of the board’s decision', async () => {
    const w = await statementWorld(ctx, '2025-03-20');
    const s = await approved(w);
    await ctx.drain();
    await ctx
      .http()
      .post(`/api/v1/statements/${s.id}/preliminary-answer`)
      .set(await ctx.as(w.officer))
      .expect(200);
    const [report] = await ctx.query<{ sha256: string }>(
      `SELECT sha256 FROM issued_documents WHERE kind = 'official_report' AND subject_id = $1 AND status = 'signed'`,
      [s.id],
    );
    // Registered with its file in both diaries: outgoing here, incoming at the sender.
    const copies = await ctx.query<{ direction: string; sha256: string }>(
      `SELECT d.direction, b.sha256 FROM registered_documents d JOIN file_blobs b ON b.id = d.file_blob_id
       WHERE d.origin_key LIKE $1 ORDER BY d.direction`,
      [`statement-preliminary:${s.id}:%`],
    );
    expect(copies).toEqual([
      { direction: 'incoming', sha256: report!.sha256 },
      { direction: 'outgoing', sha256: report!.sha256 },
    ]);
  });

  it('counts everyone who wrote since the last approved revision as an author, whoever saved last', async () => {
    const w = await statementWorld(ctx);
    await addCoWorker(w, w.head);
    // The head writes his own views (revision 2); his approval of them is refused.
    let s = await save(await start(w), w.head, { views: 'Avdelningschefens egna synpunkter.' });
    s = await act(s, w.officer, 'submit');
    await act(s, w.head, 'approve', s.currentRevision, 403);
    // The officer fixes a typo (revision 3), which withdraws the round, and submits again: the
    // head's text is still in what is submitted, so it is still not his to approve.
    s = await save(s, w.officer, { summary: 'Sammanfattning utan stavfel.' });
    s = await act(s, w.officer, 'submit');
    const headers = await ctx.as(w.head);
    const refused = await expectNothingChanged(ctx, () =>
      ctx.http().post(`/api/v1/statements/${s.id}/approve`).set(headers).send({ revision: s.currentRevision, step: 1 }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'statement.self_approval' });
    const [submission] = await ctx.query<{ author_ids: string[] }>(
      `SELECT author_ids FROM statement_submissions WHERE statement_id = $1 AND status = 'open'`,
      [s.id],
    );
    expect([...submission!.author_ids].sort()).toEqual([w.officer.id, w.head.id].sort());
  });

  it('lets the responsible officer and the co-workers the registrar adds write in a case; others read', async () => {
    const w = await statementWorld(ctx);
    const other = await ctx.as(w.otherOfficer);
    const refusedAs = async (request: () => Promise<{ status: number; body: unknown }>): Promise<void> => {
      const response = await expectNothingChanged(ctx, request);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'registry.not_case_writer' });
    };
    // Another case officer of the same department cannot start the case's statement …
    await refusedAs(() => ctx.http().post('/api/v1/statements').set(other).send({ caseId: w.caseId }));
    let s = await start(w);
    // … nor save, submit or ask on it, register documents in its case or change the case.
    await refusedAs(() =>
      ctx
        .http()
        .put(`/api/v1/statements/${s.id}`)
        .set(other)
        .send({ baseRevision: s.currentRevision, parts: { ...s.revision.parts, summary: 'Övertaget.' } }),
    );
    await refusedAs(() =>
      ctx.http().post(`/api/v1/statements/${s.id}/submit`).set(other).send({ revision: s.currentRevision }),
    );
    await refusedAs(() =>
      ctx
        .http()
        .post(`/api/v1/statements/${s.id}/preparation-requests`)
        .set(other)
        .send({ departmentId: w.otherDepartmentId, question: 'Får jag fråga?', deadline: '2099-01-10' }),
    );
    await refusedAs(() =>
      ctx
        .http()
        .post(`/api/v1/cases/${w.caseId}/documents`)
        .set(other)
        .send({ direction: 'internal', kind: 'minnesanteckning', title: 'Anteckning' }),
    );
    await refusedAs(() => ctx.http().patch(`/api/v1/cases/${w.caseId}`).set(other).send({ title: 'Nytt namn' }));
    // Reading is open to everyone in the organisation.
    await ctx.http().get(`/api/v1/statements/${s.id}`).set(other).expect(200);
    await ctx.http().get(`/api/v1/cases/${w.caseId}/documents`).set(other).expect(200);
    // Only the registrar adds co-workers.
    await ctx
      .http()
      .put(`/api/v1/cases/${w.caseId}/co-workers/${w.otherOfficer.id}`)
      .set(await ctx.as(w.officer))
      .expect(403);
    await addCoWorker(w, w.otherOfficer);
    await addCoWorker(w, w.otherOfficer);
    const listed = await ctx.http().get(`/api/v1/cases/${w.caseId}/co-workers`).set(other).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ personId: w.otherOfficer.id, name: w.otherOfficer.name, addedBy: w.registrar.id }),
    ]);
    s = await save(s, w.otherOfficer, { summary: 'Medarbetarens text.' });
    await ctx
      .http()
      .post(`/api/v1/cases/${w.caseId}/documents`)
      .set(other)
      .send({ direction: 'internal', kind: 'minnesanteckning', title: 'Anteckning' })
      .expect(201);
    await ctx
      .http()
      .delete(`/api/v1/cases/${w.caseId}/co-workers/${w.otherOfficer.id}`)
      .set(await ctx.as(w.registrar))
      .expect(204);
    await refusedAs(() =>
      ctx
        .http()
        .put(`/api/v1/statements/${s.id}`)
        .set(other)
        .send({ baseRevision: s.currentRevision, parts: { ...s.revision.parts, summary: 'Igen.' } }),
    );
    const audit = await ctx.query<{ action: string }>(
      `SELECT action FROM audit_records WHERE entity_id = $1 AND action LIKE 'case.co_worker_%' ORDER BY seq`,
      [w.caseId],
    );
    expect(audit.map((a) => a.action)).toEqual(['case.co_worker_added', 'case.co_worker_removed']);
  });

  describe('refuses what the rules forbid with a 4xx problem, changing nothing', () => {
    type Case = [
      string,
      (w: StatementWorld) => Promise<{ path: string; body: object; as: TestPerson }>,
      number,
      string,
    ];
    const cases: Case[] = [
      [
        'approving out of order',
        async (w) => {
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          return {
            path: `/api/v1/statements/${s.id}/approve`,
            body: { revision: s.currentRevision, step: s.nextStep!.step },
            as: w.director,
          };
        },
        409,
        'statement.step_out_of_order',
      ],
      [
        'approving a revision one wrote',
        async (w) => {
          await addCoWorker(w, w.head);
          let s = await save(await start(w), w.head);
          s = await act(s, w.officer, 'submit');
          return {
            path: `/api/v1/statements/${s.id}/approve`,
            body: { revision: s.currentRevision, step: s.nextStep!.step },
            as: w.head,
          };
        },
        403,
        'statement.self_approval',
      ],
      [
        'approving a revision that has since changed',
        async (w) => {
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          const old = s.currentRevision;
          await save(s, w.officer);
          return { path: `/api/v1/statements/${s.id}/approve`, body: { revision: old, step: 1 }, as: w.head };
        },
        409,
        'statement.not_in_approval',
      ],
      [
        'approving the wrong revision number',
        async (w) => {
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          return { path: `/api/v1/statements/${s.id}/approve`, body: { revision: 1, step: 1 }, as: w.head };
        },
        409,
        'statement.revision_changed',
      ],
      [
        'declining the remiss while its statement is in approval',
        async (w) => {
          const s = await save(await start(w), w.officer);
          await act(s, w.officer, 'submit');
          return {
            path: `/api/v1/consultation-recipients/${w.recipientId}/decline`,
            body: { reason: 'Vi avstår.', decidedBy: w.director.id },
            as: w.registrar,
          };
        },
        409,
        'consultation.state_forbids',
      ],
      [
        'declining the remiss after the board has decided on its statement',
        async (w) => {
          const s = await approved(w);
          await decide(w, s, { paragraph: '3', outcome: 'adopted', confirmation: { on: '2025-03-27' } });
          return {
            path: `/api/v1/consultation-recipients/${w.recipientId}/decline`,
            body: { reason: 'Vi avstår ändå.', decidedBy: w.director.id },
            as: w.registrar,
          };
        },
        409,
        'consultation.state_forbids',
      ],
      [
        'a head of another department taking the department step',
        async (w) => {
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          return {
            path: `/api/v1/statements/${s.id}/approve`,
            body: { revision: s.currentRevision, step: s.nextStep!.step },
            as: w.otherHead,
          };
        },
        403,
        'statement.not_your_step',
      ],
      [
        'approving two steps of one revision',
        async (w) => {
          const both = await ctx.factories.person(w.organisationId, {
            roles: [Role.HeadOfDepartment, Role.Director],
            departmentId: w.departmentId,
          });
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          s = await act(s, both, 'approve');
          return {
            path: `/api/v1/statements/${s.id}/approve`,
            body: { revision: s.currentRevision, step: s.nextStep!.step },
            as: both,
          };
        },
        403,
        'statement.two_steps',
      ],
      [
        'editing a frozen statement',
        async (w) => {
          const s = await approved(w);
          return {
            path: `/api/v1/statements/${s.id}`,
            body: { baseRevision: s.currentRevision, parts: { ...s.revision.parts, summary: 'Ändrad.' } },
            as: w.officer,
          };
        },
        409,
        'statement.frozen',
      ],
      [
        'a substitute taking the second step for the person who took the first',
        async (w) => {
          const both = await ctx.factories.person(w.organisationId, {
            roles: [Role.HeadOfDepartment, Role.Director],
            departmentId: w.departmentId,
          });
          const stand = await ctx.factories.person(w.organisationId, { roles: [Role.CaseOfficer] });
          await ctx
            .http()
            .post('/api/v1/substitutes')
            .set(await ctx.as(both))
            .send({ substituteId: stand.id, validFrom: '2025-03-01', validTo: '2025-03-31' })
            .expect(201);
          let s = await save(await start(w), w.officer);
          s = await act(s, w.officer, 'submit');
          s = await act(s, both, 'approve');
          return {
            path: `/api/v1/statements/${s.id}/approve`,
            body: { revision: s.currentRevision, step: s.nextStep!.step },
            as: stand,
          };
        },
        403,
        'statement.two_steps',
      ],
      [
        'submitting again the revision the board sent back',
        async (w) => {
          const s = await approved(w);
          await decide(w, s, { paragraph: '4', outcome: 'referred_back', confirmation: { immediate: true } });
          return { path: `/api/v1/statements/${s.id}/submit`, body: { revision: s.currentRevision }, as: w.officer };
        },
        409,
        'statement.revision_already_approved',
      ],
      [
        'asking another department for input on an approved statement',
        async (w) => {
          const s = await approved(w);
          return {
            path: `/api/v1/statements/${s.id}/preparation-requests`,
            body: { departmentId: w.otherDepartmentId, question: 'Något att tillägga?', deadline: '2025-04-01' },
            as: w.officer,
          };
        },
        409,
        'statement.frozen',
      ],
      [
        'recording a decision on an unapproved statement',
        async (w) => {
          const s = await save(await start(w), w.officer);
          return {
            path: `/api/v1/statements/${s.id}/decision`,
            body: { meetingId: w.meetingId, paragraph: '3', outcome: 'adopted', confirmation: { immediate: true } },
            as: w.registrar,
          };
        },
        409,
        'statement.not_approved',
      ],
      [
        'a position for a section the remiss does not have',
        async (w) => {
          const s = await start(w);
          return {
            path: `/api/v1/statements/${s.id}`,
            body: {
              baseRevision: 1,
              parts: {
                ...s.revision.parts,
                sections: [{ sectionId: '6c0a3d2e-8f7b-4d1a-9e2c-1b3a5d7f9e0c', position: 'supports', comment: '' }],
              },
            },
            as: w.officer,
          };
        },
        422,
        'statement.section_unknown',
      ],
      [
        'an empty proposed decision',
        async (w) => {
          const s = await start(w);
          return {
            path: `/api/v1/statements/${s.id}`,
            body: { baseRevision: 1, parts: { ...s.revision.parts, proposedDecision: ['  '] } },
            as: w.officer,
          };
        },
        400,
        'statement.parts_invalid',
      ],
      [
        'a second statement for one case',
        async (w) => {
          await start(w);
          return { path: '/api/v1/statements', body: { caseId: w.caseId }, as: w.officer };
        },
        409,
        'statement.already_exists',
      ],
      [
        'submitting a stale revision',
        async (w) => {
          const s = await save(await start(w), w.officer);
          return { path: `/api/v1/statements/${s.id}/submit`, body: { revision: 1 }, as: w.officer };
        },
        409,
        'statement.stale_revision',
      ],
    ];

    it.each(cases)('%s', async (_name, build, status, code) => {
      const w = await statementWorld(ctx);
      const request = await build(w);
      const headers = await ctx.as(request.as);
      const response = await expectNothingChanged(ctx, () =>
        request.path.endsWith('/approve') ||
        request.path.endsWith('/decision') ||
        request.path.endsWith('/submit') ||
        request.path.endsWith('/decline') ||
        request.path.endsWith('/preparation-requests') ||
        request.path.endsWith('/statements')
          ? ctx.http().post(request.path).set(headers).send(request.body)
          : ctx.http().put(request.path).set(headers).send(request.body),
      );
      expect(response.body).toMatchObject({ status, code });
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    });
  });
});
