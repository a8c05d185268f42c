import { ConsultationService, ReminderService } from '@app/consultation';
import { OrganisationKind } from '@app/directory';
import { addDays, JobName, localDate, personActor, Role } from '@app/platform';

import { type WorkerProcess, WorkerProcesses } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

/** Distribution and reminders with the worker as separate OS processes. */
describe('distribution and reminders across worker processes', () => {
  let ctx: TestContext;
  const workers = new WorkerProcesses(() => ctx.env);

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { REMINDER_SCAN_INTERVAL_MS: '250' } });
  });

  afterEach(() => workers.killAll());

  afterAll(() => ctx.close());

  const startWorker = (env: Record<string, string> = {}): Promise<WorkerProcess> => workers.start(env);

  /** A sender and `n` recipient boards (each with a registrar), and a remiss to them sent. */
  async function sendRemiss(
    n: number,
    deadline: string,
    staffed: (i: number) => boolean = () => true,
  ): Promise<{ consultationId: string; recipients: string[] }> {
    const sender = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
    const officer = await ctx.factories.person(sender.id, { roles: [Role.CaseOfficer] });
    const recipients: string[] = [];
    for (let i = 0; i < n; i++) {
      const org = await ctx.factories.organisation();
      if (staffed(i)) {
        await ctx.factories.person(org.id, { roles: [Role.Registrar] });
      }
      recipients.push(org.id);
    }
    const actor = personActor(officer.id, sender.id, [Role.CaseOfficer]);
    const consultations = ctx.get(ConsultationService);
    const draft = await consultations.create(actor, {
      title: 'Översiktsplan för Stockholm',
      responseDeadline: deadline,
      sections: [{ title: 'Bebyggelse' }],
      recipients: { organisationIds: recipients },
    });
    await consultations.send(actor, draft.id);
    return { consultationId: draft.id, recipients };
  }

  it('ends with exactly one case per recipient when the worker is killed during distribution', async () => {
    const first = await startWorker({ WORKER_CONCURRENCY: '2' });
    const { consultationId, recipients } = await sendRemiss(40, addDays(localDate(new Date()), 30));
    await first.waitForLog((l) => l.msg === 'job completed' && l.job === JobName.DistributeToRecipient);
    expect(await first.stop('SIGKILL')).toBeNull();
    const [partial] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultation_recipients WHERE consultation_id = $1 AND case_id IS NOT NULL`,
      [consultationId],
    );
    expect(partial!.n).toBeLessThan(recipients.length);
    await startWorker({ WORKER_CONCURRENCY: '4' });
    await ctx.drain(60_000);
    const perRecipient = await ctx.query<{ organisation_id: string; cases: number; state: string }>(
      `SELECT r.organisation_id, r.state, (SELECT count(*)::int FROM cases c WHERE c.origin_key = 'consultation-recipient:' || r.id) AS cases
       FROM consultation_recipients r WHERE r.consultation_id = $1`,
      [consultationId],
    );
    expect(perRecipient).toHaveLength(40);
    for (const row of perRecipient) {
      expect(row).toMatchObject({ cases: 1, state: 'registered' });
    }
    const [documents] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registered_documents WHERE origin_key LIKE 'consultation-recipient:%:remiss'
         AND case_id IN (SELECT case_id FROM consultation_recipients WHERE consultation_id = $1)`,
      [consultationId],
    );
    expect(documents!.n).toBe(40);
    // Two worker processes start and 40 boards register: on a loaded machine that takes more than a minute.
  }, 180_000);

  it('sends each reminder once per recipient and threshold with two workers scanning', async () => {
    const today = localDate(new Date());
    const { consultationId } = await sendRemiss(3, addDays(today, 30));
    const one = await startWorker();
    await ctx.drain();
    // Deadlines a week away, tomorrow, and yesterday: one reminder of each kind is due.
    const recipients = await ctx.query<{ id: string }>(
      `SELECT id FROM consultation_recipients WHERE consultation_id = $1 ORDER BY id`,
      [consultationId],
    );
    const deadlines = [addDays(today, 7), addDays(today, 1), addDays(today, -1)];
    for (const [i, r] of recipients.entries()) {
      await ctx.query(`UPDATE consultation_recipients SET response_deadline = $2 WHERE id = $1`, [r.id, deadlines[i]]);
    }
    const two = await startWorker();
    // Scans run every 250 ms, taken by either worker: wait for eight of them since the deadlines
    // changed, and race three more in-process.
    const scans = (): number =>
      [one, two].flatMap((w) => w.logs).filter((l) => l.msg === 'job completed' && l.job === JobName.ScanReminders)
        .length;
    const before = scans();
    await Promise.all([
      two.waitForLog(() => scans() >= before + 8, 60_000),
      ...[1, 2, 3].map(() => ctx.get(ReminderService).scan()),
    ]);
    await ctx.drain();
    const sent = await ctx.query<{ recipient_id: string; kind: string; n: number }>(
      `SELECT recipient_id, kind, count(*)::int AS n FROM consultation_reminders
       WHERE recipient_id = ANY($1::uuid[]) GROUP BY recipient_id, kind ORDER BY kind`,
      [recipients.map((r) => r.id)],
    );
    expect(sent.map((s) => [s.kind, s.n]).sort()).toEqual([
      ['before:1', 1],
      ['before:7', 1],
      ['overdue', 1],
    ]);
    const notified = await ctx.query<{ n: number; people: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT n.person_id)::int AS people FROM notifications n
       JOIN notification_messages m ON m.id = n.message_id WHERE m.kind IN ('consultation_reminder', 'consultation_overdue')
       AND m.link_id = ANY($1::text[])`,
      [recipients.map((r) => r.id)],
    );
    expect(notified[0]).toEqual({ n: 3, people: 3 });
  });

  it('reminds every recipient when one has nobody to tell yet: that one’s future registrars get it', async () => {
    const today = localDate(new Date());
    const { consultationId } = await sendRemiss(4, addDays(today, 1), (i) => i !== 1);
    const reminded = await ctx.get(ReminderService).scan();
    expect(reminded).toBe(4);
    const messages = await ctx.query<{ roles: string[] | null; people: string[] | null }>(
      `SELECT m.audience_roles AS roles, m.audience_person_ids AS people
       FROM notification_messages m JOIN consultation_recipients r ON m.link_id = r.id::text
       WHERE r.consultation_id = $1 AND m.kind = 'consultation_reminder'`,
      [consultationId],
    );
    expect(messages).toHaveLength(4);
    expect(messages.filter((m) => m.people?.length === 1)).toHaveLength(3);
    expect(messages.filter((m) => m.roles?.join() === Role.Registrar)).toHaveLength(1);
    expect(await ctx.get(ReminderService).scan()).toBe(0); // each once
  });
});
