import { DocumentKind, IssuanceService } from '@app/issuance';
import { addDays, Db } from '@app/platform';
import { randomUUID } from 'node:crypto';

import { StatementFlow } from '../support/statement-flow.js';
import { afterMeeting, statementWorld } from '../support/statement-world.js';
import { TestContext } from '../support/test-context.js';

const TODAY = '2026-11-02';

/**
 * A row a running flow depends on can be gone by the time the flow reads it. The request then
 * answers with the domain's not-found or conflict, by its code — never a 500 — and a document the
 * worker was making is failed with a Swedish reason that names what is missing.
 */
describe('rows gone under a running flow', () => {
  let ctx: TestContext;
  let flow: StatementFlow;

  beforeAll(async () => {
    ctx = await TestContext.create();
    flow = new StatementFlow(ctx);
  });

  beforeEach(() => ctx.clock.set(`${TODAY}T09:00:00+01:00`, { running: true }));

  afterAll(() => ctx.close());

  /** Deletes a row as a restore or an operator might, past the foreign keys that would refuse it. */
  async function removeBehindTheFlow(table: string, id: string): Promise<void> {
    await ctx.get(Db).transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      const removed = await tx.query<unknown>(`DELETE FROM ${table} WHERE id = $1 RETURNING id`, [id]);
      expect(removed).toEqual([[{ id }], 1]); // the rows and their count
    });
  }

  it('answers 409 with its code when the revision sent for approval is gone', async () => {
    const w = await statementWorld(ctx);
    const started = await flow.start(w);
    const submitted = await flow.act(await flow.save(started, w.officer), w.officer, 'submit');
    const [open] = await ctx.query<{ id: string }>(
      `SELECT id FROM statement_submissions WHERE statement_id = $1 AND status = 'open'`,
      [submitted.id],
    );
    await removeBehindTheFlow('statement_submissions', open!.id);

    const response = await ctx
      .http()
      .post(`/api/v1/statements/${submitted.id}/approve`)
      .set(await ctx.as(w.head))
      .send({ revision: submitted.currentRevision, step: submitted.nextStep?.step ?? 1 });
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 409, code: 'statement.not_in_approval' });
  });

  it('answers 404 with its code when the meeting of the minutes to confirm is gone', async () => {
    const w = await statementWorld(ctx);
    const approved = await flow.approved(w);
    const week = addDays(w.meetingDate!, 7);
    const decided = await flow.decide(w, approved, { paragraph: '4', outcome: 'adopted', confirmation: { on: week } });
    await removeBehindTheFlow('board_meetings', w.meetingId!);
    afterMeeting(ctx, week);

    const response = await ctx
      .http()
      .post(`/api/v1/board-decisions/${decided.decision!.id}/confirm`)
      .set(await ctx.as(w.registrar))
      .send({ confirmedOn: week });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ status: 404, code: 'statement.meeting_not_found' });
    const [decision] = await ctx.query<{ confirmed_at: Date | null }>(
      `SELECT confirmed_at FROM board_decisions WHERE id = $1`,
      [decided.decision!.id],
    );
    expect(decision!.confirmed_at).toBeNull();
  });

  it.each([
    [DocumentKind.CoveringLetter, 'Remissen finns inte'],
    [DocumentKind.DeclineLetter, 'Remissinstansen finns inte'],
    [DocumentKind.Compilation, 'Remissen finns inte'],
  ])('fails a %s whose subject is gone, saying in Swedish what is missing', async (kind, missing) => {
    const w = await statementWorld(ctx);
    const requested = await ctx.get(Db).transaction((tx) =>
      ctx.get(IssuanceService).request(tx, {
        kind,
        subjectId: randomUUID(), // gone before the worker takes it up
        revision: 1,
        organisationId: w.organisationId,
        caseId: w.caseId,
      }),
    );
    await ctx.drain();

    const document = await ctx.get(IssuanceService).findById(requested.id);
    expect(document).toMatchObject({ status: 'failed', sha256: null });
    expect(document!.failureReason).toMatch(
      new RegExp(`^Det som dokumentet skulle göras av finns inte längre: ${missing}`),
    );
    const [job] = await ctx.query<{ outcome: string; attempts: number }>(
      `SELECT outcome, (SELECT attempts FROM issued_documents WHERE id = $2) AS attempts
       FROM outbox_jobs WHERE payload->>'documentId' = $1`,
      [requested.id, requested.id],
    );
    // A lasting failure: settled as failed on its first attempt, not retried.
    expect(job).toEqual({ outcome: 'failed', attempts: 1 });
  });
});
