import { ConsultationService, RecipientService } from '@app/consultation';
import { OrganisationKind } from '@app/directory';
import { sha256 } from '@app/pdf';
import { FileStoreService } from '@app/registry';
import { addDays, JobName, localDate, personActor, Role } from '@app/platform';

import { type WorkerProcess, WorkerProcesses } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

/** Rendering and signing with the worker as separate OS processes that may die mid-document. */
describe('issuing signed documents across worker processes', () => {
  let ctx: TestContext;
  const workers = new WorkerProcesses(() => ctx.env);

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
  });

  afterEach(() => workers.killAll());

  afterAll(() => ctx.close());

  const startWorker = (env: Record<string, string> = {}): Promise<WorkerProcess> => workers.start(env);

  it('ends with exactly one stored PDF per document kind and revision when the worker is killed while signing', async () => {
    const sender = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
    const officer = await ctx.factories.person(sender.id, { roles: [Role.CaseOfficer] });
    const registrars = [];
    for (let i = 0; i < 24; i++) {
      const org = await ctx.factories.organisation();
      registrars.push(await ctx.factories.person(org.id, { roles: [Role.Registrar] }));
    }
    const consultations = ctx.get(ConsultationService);
    const actor = personActor(officer.id, sender.id, [Role.CaseOfficer]);
    const draft = await consultations.create(actor, {
      title: 'Strategi för klimatanpassning',
      responseDeadline: addDays(localDate(new Date()), 40),
      sections: [{ title: 'Skyfall' }, { title: 'Värmeböljor' }],
      recipients: { organisationIds: registrars.map((r) => r.organisationId) },
    });
    await consultations.send(actor, draft.id);
    const first = await startWorker({ WORKER_CONCURRENCY: '4' });
    await ctx.drain(60_000);

    // Every recipient declines: one avstående each, all queued at once.
    const recipients = await ctx.query<{ id: string; organisation_id: string }>(
      `SELECT id, organisation_id FROM consultation_recipients WHERE consultation_id = $1`,
      [draft.id],
    );
    for (const r of recipients) {
      const registrar = registrars.find((p) => p.organisationId === r.organisation_id)!;
      await ctx
        .get(RecipientService)
        .decline(personActor(registrar.id, registrar.organisationId, [Role.Registrar]), r.id, {
          reason: 'Nämnden avstår från att yttra sig.',
          decidedBy: registrar.id,
        });
    }
    const rendered = (): number =>
      first.logs.filter((l) => l.msg === 'job completed' && l.job === JobName.RenderDocument).length;
    const before = rendered();
    await first.waitForLog(() => rendered() > before, 60_000);
    expect(await first.stop('SIGKILL')).toBeNull();
    const [partial] = await ctx.query<{ signed: number; open: number }>(
      `SELECT count(*) FILTER (WHERE status = 'signed')::int AS signed, count(*) FILTER (WHERE status <> 'signed')::int AS open
       FROM issued_documents WHERE kind = 'decline_letter'`,
    );
    expect(partial!.open).toBeGreaterThan(0);

    await startWorker({ WORKER_CONCURRENCY: '4' });
    await startWorker({ WORKER_CONCURRENCY: '4' });
    await ctx.drain(120_000);

    const issued = await ctx.query<{
      kind: string;
      subject_id: string;
      revision: number;
      status: string;
      sha256: string;
      file_blob_id: string;
      registered_document_id: string;
    }>(`SELECT kind, subject_id, revision, status, sha256, file_blob_id, registered_document_id FROM issued_documents`);
    const declines = issued.filter((d) => d.kind === 'decline_letter');
    expect(declines).toHaveLength(recipients.length);
    expect(new Set(declines.map((d) => d.subject_id))).toEqual(new Set(recipients.map((r) => r.id)));
    expect(issued.filter((d) => d.kind === 'covering_letter')).toHaveLength(1);
    for (const d of issued) {
      expect(d.status).toBe('signed');
    }
    // One registered document and one file per issued document, whatever ran twice.
    const registered = await ctx.query<{ origin_key: string; n: number }>(
      `SELECT origin_key, count(*)::int AS n FROM registered_documents WHERE origin_key LIKE 'issued-document:%' GROUP BY origin_key`,
    );
    expect(registered).toHaveLength(issued.length);
    expect(registered.every((r) => r.n === 1)).toBe(true);
    expect(new Set(issued.map((d) => d.registered_document_id)).size).toBe(issued.length);
    const files = ctx.get(FileStoreService);
    for (const d of issued) {
      expect(sha256(await files.read(d.file_blob_id))).toBe(d.sha256);
    }
  }, 180_000);
});
