// Run: npm run bench:documents -- [--docs=200] [--warm-up=100] [--processes=1,2] [--concurrency=1,2,4] [--reps=1] [--parts=50] [--cpu-prof] [--worker-node-options="…"]
import 'reflect-metadata';

import { Position } from '@app/consultation';
import { DepartmentService, REFERENCE_BOARD } from '@app/directory';
import { renderOfficialReport, renderTemplate, SigningCertificateService } from '@app/document';
import { IssuanceService } from '@app/issuance';
import {
  addSignaturePlaceholder,
  finishPdf,
  inspectPdfSignature,
  sha256,
  signatureSha256,
  type SigningIdentity,
  signPdf,
} from '@app/pdf';
import { addDays, AuditService, Clock, Db, localDate, OutboxService, QueueName, systemActor } from '@app/platform';
import { CaseService, FileStoreService, RegisteredDocumentService } from '@app/registry';
import { ApprovalService, MeetingService, type StatementParts, StatementService } from '@app/statement';
import { REFERENCE_CASE, referenceReport } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';

import type { WorkerApp } from '../apps/worker/src/worker-app.js';
import { DocumentModelsService } from '../libs/document/src/issued/document-models.service.js';
import { servicesOnly, startInProcessWorker } from './support/apps.js';
import { inBatches, waitUntil } from './support/async-helpers.js';
import {
  argument,
  type BenchEnvironment,
  log,
  machineInfo,
  ms,
  positiveInteger,
  withBenchEnvironment,
  writeRawResults,
} from './support/bench-environment.js';
import { summariseCpuProfiles, type ProfileSummary } from './support/cpu-profile.js';
import { cpuBetween, type CpuShares, readCpu } from './support/cpu.js';
import { median, percentile, round, table } from './support/stats.js';
import { seedStockholm } from './support/stockholm.js';
import { BenchWorkerProcess, stopAllWorkers } from './support/worker-processes.js';

/**
 * The reference tjänsteutlåtande rendered, signed, stored and registered through the real
 * pipeline — final approval → outbox → relay → BullMQ `documents` queue → worker process(es)
 * running DocumentIssuerService.issue. The queue holds W + N documents; the clock starts once the
 * first W are `signed` (the worker has met real documents) and stops when all are: N documents
 * per that time. The time from resuming the paused queue is reported beside it. Beside it, in the same run, the floor: the same document rendered with pdfkit
 * and the same parsed Arimo faces, given its signature placeholder, ended and signed with a
 * cached key in Node's crypto, N times one after another in this process, with no queue and no
 * database.
 */

const documents = positiveInteger('docs', 200);
/** Documents each batch's worker processes make before the clock starts. */
const warmUp = positiveInteger('warm-up', 100);
const repetitions = positiveInteger('reps', 1);
const partsSample = positiveInteger('parts', 50);
const cpuProfile = process.argv.includes('--cpu-prof');
/** Extra node options for the worker processes (an experiment, e.g. `--worker-node-options=--max-semi-space-size=32`). */
const workerNodeOptions = argument('worker-node-options', '').split(' ').filter(Boolean);
function wholeNumbers(name: string, fallback: string, max: number): number[] {
  const values = argument(name, fallback)
    .split(',')
    .map((c) => Number(c));
  if (values.some((c) => !Number.isInteger(c) || c < 1 || c > max)) {
    throw new Error(`--${name} takes whole numbers 1–${max}, comma-separated`);
  }
  return values;
}
const processCounts = wholeNumbers('processes', '1,2', 8);
const concurrencies = wholeNumbers('concurrency', '1,2,4', 64);

type PersonActor = Awaited<ReturnType<Awaited<ReturnType<typeof seedStockholm>>['actor']>>;

interface ReferenceWorld {
  readonly organisationId: string;
  readonly registrar: PersonActor;
  readonly officer: PersonActor;
  readonly head: PersonActor;
  readonly director: PersonActor;
  readonly consultedDepartmentIds: readonly string[];
  readonly meetingId: string;
}

/** A statement submitted and approved by the head of department: the director's approval is the last step. */
interface PendingStatement {
  readonly id: string;
  readonly revision: number;
}

async function buildWorld(app: INestApplicationContext): Promise<ReferenceWorld> {
  const city = await seedStockholm(app);
  const organisationId = await city.organisationId(REFERENCE_BOARD);
  const registrar = await city.actor('maja.lindqvist@stockholm.se');
  const departments = app.get(DepartmentService);
  const consultedDepartmentIds: string[] = [];
  for (const name of REFERENCE_CASE.statement.preparation.consultedDepartments) {
    const department = await departments.findByName(organisationId, name);
    if (!department) {
      throw new Error(`no department ${name}`);
    }
    consultedDepartmentIds.push(department.id);
  }
  const today = localDate(new Date());
  const meeting = await app
    .get(MeetingService)
    .add(registrar, { meetingDate: addDays(today, 60), agendaDeadline: addDays(today, 45) });
  return {
    organisationId,
    registrar,
    officer: await city.actor(REFERENCE_CASE.officer.email),
    head: await city.actor(REFERENCE_CASE.headOfDepartment.email),
    director: await city.actor(REFERENCE_CASE.director.email),
    consultedDepartmentIds,
    meetingId: meeting.id,
  };
}

/** The reference tjänsteutlåtande's parts, word for word (REFERENCE_CASE), as the officer saves them. */
function referenceParts(world: ReferenceWorld): StatementParts {
  const s = REFERENCE_CASE.statement;
  return {
    title: s.title,
    heading: s.heading,
    proposedDecision: [...s.proposedDecision],
    summary: s.summary,
    background: s.background,
    matter: s.matter,
    preparation: {
      text: s.preparation.text,
      consultedDepartmentIds: [...world.consultedDepartmentIds],
      unionsInformedOn: s.preparation.unionsInformedOn,
      unionForum: s.preparation.unionForum,
    },
    views: s.views,
    position: Position.Supports,
    sections: [],
    attachments: s.attachments.map((title) => ({ title, registeredDocumentId: null })),
    officerId: world.officer.personId,
    meetingId: world.meetingId,
    documentDate: REFERENCE_CASE.recipient.documentDate,
  };
}

/**
 * One case registered at Hägersten-Älvsjö, its tjänsteutlåtande drafted with the reference text by
 * Jens Westlund, submitted, and approved by Alexander Baena: Lee Orberson's approval remains.
 */
async function pendingStatement(app: INestApplicationContext, world: ReferenceWorld): Promise<PendingStatement> {
  const registered = await app.get(Db).transaction((tx) =>
    app.get(CaseService).registerIn(tx, world.registrar, world.organisationId, {
      title: REFERENCE_CASE.sender.remissTitle,
      counterpart: REFERENCE_CASE.sender.organisation,
      responsiblePersonId: world.officer.personId,
    }),
  );
  const statements = app.get(StatementService);
  const approvals = app.get(ApprovalService);
  const created = await statements.create(world.officer, registered.id);
  const saved = await statements.save(world.officer, created.id, created.currentRevision, referenceParts(world));
  await approvals.submit(world.officer, created.id, saved.currentRevision);
  await approvals.approve(world.head, created.id, { revision: saved.currentRevision, step: 1 });
  return { id: created.id, revision: saved.currentRevision };
}

/** Milliseconds of garbage collection in this process from the call until the returned function is called. */
function gcClock(): () => Promise<number> {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      total += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return async () => {
    // GC entries reach the observer from a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    for (const entry of observer.takeRecords()) {
      total += entry.duration;
    }
    observer.disconnect();
    return total;
  };
}

interface FloorResult {
  readonly wallMs: number;
  /** Garbage collection during the floor, per document. */
  readonly gcMsPerDocument: number;
  readonly perSecond: number;
  /** Medians per document of the three steps. */
  readonly renderMs: number;
  readonly finishMs: number;
  readonly signMs: number;
  readonly bytes: number;
  readonly pages: number;
}

/**
 * The floor: N times, one after another, renderOfficialReport(referenceReport()) with the cached
 * Arimo faces, the signature placeholder over the panel, finishPdf, and signPdf with an identity
 * parsed once (the organisation's own, as the pipeline signs with).
 */
async function floor(identity: SigningIdentity, n: number): Promise<FloorResult> {
  const render: number[] = [];
  const finish: number[] = [];
  const sign: number[] = [];
  let bytes = 0;
  let pages = 0;
  const gc = gcClock();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const rendered = renderOfficialReport(referenceReport());
    pages = rendered.doc.bufferedPageRange().count;
    addSignaturePlaceholder(rendered.doc, {
      signerName: REFERENCE_CASE.recipient.administration,
      reason: `Tjänsteutlåtande ${REFERENCE_CASE.recipient.diaryNumber}, godkänt i alla steg`,
      location: REFERENCE_CASE.recipient.postalTown,
      contactInfo: REFERENCE_CASE.recipient.footerEmail,
      signingTime: new Date(),
      ...(rendered.signaturePanel
        ? { widget: { page: rendered.signaturePanel.page, rect: rendered.signaturePanel.rect } }
        : {}),
    });
    const t1 = performance.now();
    const unsigned = await finishPdf(rendered.doc);
    const t2 = performance.now();
    const pdf = await signPdf(unsigned, identity);
    const t3 = performance.now();
    render.push(t1 - t0);
    finish.push(t2 - t1);
    sign.push(t3 - t2);
    bytes = pdf.length;
  }
  const wallMs = performance.now() - started;
  return {
    wallMs,
    gcMsPerDocument: (await gc()) / n,
    perSecond: n / (wallMs / 1000),
    renderMs: median(render),
    finishMs: median(finish),
    signMs: median(sign),
    bytes,
    pages,
  };
}

/** Counts the queries every pg client of this process sends (TypeORM's pool included), for the parts below. */
let queries = 0;
/** While set, the text of every query sent (first 160 characters) is kept here. */
let capturedSql: string[] | undefined;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  queries++;
  const [first] = args;
  const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
  capturedSql?.push((text ?? '').replace(/\s+/g, ' ').slice(0, 160));
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

const PART_NAMES = ['claim', 'prepare', 'identity', 'render', 'finish', 'sign', 'store', 'settle'] as const;
type PartName = (typeof PART_NAMES)[number];

interface PartTimes {
  readonly documents: number;
  /** Per part, medians per document: wall ms, CPU ms of this process, queries sent. */
  readonly parts: Readonly<Record<PartName, { wallMs: number; cpuMs: number; queries: number }>>;
  readonly totalWallMs: number;
  readonly totalCpuMs: number;
  readonly totalQueries: number;
  readonly gcMsPerDocument: number;
  /** The statements the first document's steps sent, in order. */
  readonly sqlOfOneJob: Readonly<Record<PartName, readonly string[]>>;
}

const issuer = systemActor('worker:documents');

/**
 * What one job does, step by step, with a stopwatch, CPU time and query count around each step:
 * a copy of DocumentIssuerService.issue and renderAndSign (same services, same calls, in the same
 * order; no TSA), run here one document after another on documents queued for it. The BullMQ
 * round trips and the worker's log lines are not in it.
 */
async function timeParts(
  app: INestApplicationContext,
  poller: pg.Client,
  statements: readonly PendingStatement[],
): Promise<PartTimes> {
  const issuance = app.get(IssuanceService);
  const models = app.get(DocumentModelsService);
  const certificates = app.get(SigningCertificateService);
  const registry = app.get(RegisteredDocumentService);
  const audit = app.get(AuditService);
  const clock = app.get(Clock);
  const db = app.get(Db);
  const outbox = app.get(OutboxService);
  const { rows } = await poller.query<{ document_id: string; job_id: string }>(
    `SELECT d.id AS document_id, o.id AS job_id FROM issued_documents d
     JOIN outbox_jobs o ON o.payload->>'documentId' = d.id::text AND o.name = 'document.render'
     WHERE d.subject_id = ANY($1::uuid[]) AND d.status = 'queued'`,
    [statements.map((s) => s.id)],
  );
  const samples: Record<PartName, { wallMs: number; cpuMs: number; queries: number }[]> = Object.fromEntries(
    PART_NAMES.map((name) => [name, []]),
  ) as never;
  const totals: { wallMs: number; cpuMs: number; queries: number }[] = [];
  const gc = gcClock();
  const sqlOfOneJob = Object.fromEntries(PART_NAMES.map((name) => [name, [] as string[]])) as Record<
    PartName,
    string[]
  >;
  for (const [i, { document_id: documentId, job_id: jobId }] of rows.entries()) {
    capturedSql = i === 0 ? [] : undefined;
    let wall = performance.now();
    let cpu = process.cpuUsage();
    let sent = queries;
    const start = { wall, cpu, sent };
    const lap = (name: PartName): void => {
      const used = process.cpuUsage(cpu);
      const now = performance.now();
      samples[name].push({ wallMs: now - wall, cpuMs: (used.user + used.system) / 1000, queries: queries - sent });
      if (capturedSql) {
        sqlOfOneJob[name] = capturedSql.splice(0);
      }
      wall = now;
      cpu = process.cpuUsage();
      sent = queries;
    };
    const claimed = (await issuance.claim(documentId))!;
    lap('claim');
    const identity = await certificates.identityFor(claimed.organisationId);
    lap('identity');
    const signedAt = clock.now();
    const prepared = await models.prepare(claimed, { producedAt: signedAt, signer: identity.commonName });
    lap('prepare');
    const rendered = renderTemplate(prepared.template);
    addSignaturePlaceholder(rendered.doc, {
      signerName: prepared.signerName,
      reason: prepared.reason,
      location: prepared.location,
      contactInfo: prepared.contactInfo,
      signingTime: signedAt,
      ...(rendered.signaturePanel
        ? { widget: { page: rendered.signaturePanel.page, rect: rendered.signaturePanel.rect } }
        : {}),
    });
    lap('render');
    const unsigned = await finishPdf(rendered.doc);
    lap('finish');
    const pdf = await signPdf(unsigned, identity);
    lap('sign');
    await db.transaction(async (tx) => {
      const row = (await issuance.lockIn(tx, documentId))!;
      const registered = await registry.registerIn(
        tx,
        issuer,
        row.caseId,
        {
          direction: prepared.registration.direction,
          kind: prepared.registration.kind,
          title: prepared.registration.title,
          documentDate: prepared.registration.documentDate,
          counterpart: prepared.registration.counterpart,
          originKey: `issued-document:${row.id}`,
        },
        { bytes: pdf, fileName: prepared.registration.fileName, mediaType: 'application/pdf' },
      );
      await issuance.markSignedIn(tx, row.id, {
        sha256: sha256(pdf),
        signatureSha256: signatureSha256(pdf) ?? null,
        fileBlobId: registered.fileBlobId!,
        fileName: prepared.registration.fileName,
        registeredDocumentId: registered.id,
        certificateFingerprint: identity.fingerprintSha256,
        signedAt,
        signatories: [...prepared.signatories],
      });
      await audit.record(tx, issuer, {
        action: 'document.signed',
        entityType: 'issued_document',
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: 'signed',
          kind: row.kind,
          subjectId: row.subjectId,
          revision: row.revision,
          sha256: sha256(pdf),
          documentNumber: registered.documentNumber,
          certificate: identity.fingerprintSha256,
        },
        organisationIds: [row.organisationId],
      });
    });
    lap('store');
    await outbox.settle(jobId, 'completed');
    lap('settle');
    const used = process.cpuUsage(start.cpu);
    totals.push({
      wallMs: performance.now() - start.wall,
      cpuMs: (used.user + used.system) / 1000,
      queries: queries - start.sent,
    });
  }
  const gcMs = await gc();
  const medians = (list: readonly { wallMs: number; cpuMs: number; queries: number }[]) => ({
    wallMs: round(median(list.map((x) => x.wallMs)), 2),
    cpuMs: round(median(list.map((x) => x.cpuMs)), 2),
    queries: median(list.map((x) => x.queries)),
  });
  const total = medians(totals);
  return {
    documents: rows.length,
    parts: Object.fromEntries(PART_NAMES.map((name) => [name, medians(samples[name])])) as PartTimes['parts'],
    totalWallMs: total.wallMs,
    totalCpuMs: total.cpuMs,
    totalQueries: total.queries,
    gcMsPerDocument: round(gcMs / Math.max(1, rows.length), 2),
    sqlOfOneJob,
  };
}

interface QueryCost {
  readonly queries: number;
  /** CPU of this process per query, ms: one row by primary key through TypeORM (IssuanceService.findById) and through pg alone. */
  readonly typeormCpuMs: number;
  readonly pgCpuMs: number;
  readonly typeormWallMs: number;
  readonly pgWallMs: number;
}

/** What one small query costs this process's CPU through TypeORM and through the bare pg driver, one after another. */
async function queryCost(app: INestApplicationContext, env: BenchEnvironment, id: string, n = 500): Promise<QueryCost> {
  const issuance = app.get(IssuanceService);
  const client = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-query-cost' });
  await client.connect();
  try {
    const measure = async (one: () => Promise<unknown>) => {
      for (let i = 0; i < 50; i++) {
        await one();
      }
      const cpu = process.cpuUsage();
      const wall = performance.now();
      for (let i = 0; i < n; i++) {
        await one();
      }
      const used = process.cpuUsage(cpu);
      return { cpuMs: (used.user + used.system) / 1000 / n, wallMs: (performance.now() - wall) / n };
    };
    const typeorm = await measure(() => issuance.findById(id));
    const bare = await measure(() => client.query('SELECT * FROM issued_documents WHERE id = $1', [id]));
    return {
      queries: n,
      typeormCpuMs: round(typeorm.cpuMs, 3),
      pgCpuMs: round(bare.cpuMs, 3),
      typeormWallMs: round(typeorm.wallMs, 3),
      pgWallMs: round(bare.wallMs, 3),
    };
  } finally {
    await client.end();
  }
}

interface PipelineResult {
  readonly repetition: number;
  readonly processes: number;
  readonly concurrency: number;
  /** Documents in the batch: the warm-up's and the timed ones. */
  readonly documents: number;
  /** Documents signed in the timed window (N, or a few fewer when the poll saw more than W signed at its start). */
  readonly timedDocuments: number;
  /** From the moment W rows were seen `signed` until every row of the batch is. */
  readonly wallMs: number;
  /** timedDocuments ÷ wallMs. */
  readonly perSecond: number;
  /** From resuming the queue until every row of the batch is `signed`: the worker processes from cold. */
  readonly fromStartMs: number;
  /** The floor measured just before the batch and just after it (worker processes stopped). */
  readonly floor: FloorResult;
  readonly floorAfter: FloorResult;
  /** The mean of the two floors' wall times. */
  readonly floorMs: number;
  /** Pipeline time per document ÷ floor time per document (wallMs ÷ timedDocuments over floorMs ÷ N). */
  readonly ratio: number;
  /** The same from resuming the queue (fromStartMs ÷ documents over floorMs ÷ N). */
  readonly fromStartRatio: number;
  /** Per-job time the worker logged ("job completed" ms: claim to settled), median and p95. */
  readonly jobMs: { readonly p50: number; readonly p95: number; readonly first: readonly number[] };
  readonly jobsPerProcess: readonly number[];
  readonly cpu: CpuShares;
  readonly loadAverage: readonly number[];
}

const SIGNED_OR_FAILED = `SELECT CASE WHEN count(*) FILTER (WHERE status = 'failed') > 0 THEN -1
                                      ELSE count(*) FILTER (WHERE status = 'signed') END::int AS n
                          FROM issued_documents WHERE kind = 'official_report' AND subject_id = ANY($1::uuid[])`;

/**
 * Gives the batch's statements their last approval with the documents queue paused, and waits
 * until the N render jobs sit in the paused queue and every other job (the approval notices) is
 * done, so that nothing but the documents runs in the timed part.
 */
async function queueBatch(
  app: INestApplicationContext,
  world: ReferenceWorld,
  poller: pg.Client,
  queue: Queue,
  batch: readonly PendingStatement[],
): Promise<void> {
  await queue.pause();
  const approvals = app.get(ApprovalService);
  await inBatches(batch, 4, (s) => approvals.approve(world.director, s.id, { revision: s.revision, step: 2 }));
  await waitUntil(
    poller,
    `SELECT count(*)::int AS n FROM outbox_jobs o JOIN issued_documents d ON o.payload->>'documentId' = d.id::text
     WHERE o.name = 'document.render' AND o.relayed_at IS NOT NULL AND d.subject_id = ANY($1::uuid[])`,
    [batch.map((s) => s.id)],
    (n) => n === batch.length,
    300_000,
  );
  await waitUntil(
    poller,
    `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL AND name <> 'document.render'`,
    [],
    (n) => n === 0,
    300_000,
  );
  const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
  const waiting = (counts.wait ?? 0) + (counts.prioritized ?? 0);
  if (!(await queue.isPaused()) || waiting !== batch.length || (counts.active ?? 0) !== 0) {
    throw new Error(`expected ${batch.length} waiting render jobs, found ${JSON.stringify(counts)}`);
  }
}

async function runBatch(
  env: BenchEnvironment,
  poller: pg.Client,
  queue: Queue,
  batch: readonly PendingStatement[],
  processes: number,
  concurrency: number,
  profileDir: string | undefined,
): Promise<Omit<PipelineResult, 'repetition' | 'floor' | 'floorAfter' | 'floorMs' | 'ratio' | 'fromStartRatio'>> {
  const workers = await Promise.all(
    Array.from({ length: processes }, () =>
      BenchWorkerProcess.start(
        env,
        { WORKER_CONCURRENCY: String(concurrency) },
        { nodeOptions: [...workerNodeOptions, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])] },
      ),
    ),
  );
  try {
    // "worker running" comes after the worker's render threads have started and warmed up. Let the relays' first rounds and the connection set-up settle before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = batch.map((s) => s.id);
    const pids = [process.pid, ...workers.map((w) => w.pid)];
    const started = performance.now();
    await queue.resume();
    let signedAtStart = 0;
    const warm = await waitUntil(
      poller,
      SIGNED_OR_FAILED,
      [ids],
      (n) => {
        signedAtStart = n;
        return n >= warmUp || n === -1;
      },
      600_000,
    );
    const before = await readCpu(pids);
    const done = await waitUntil(poller, SIGNED_OR_FAILED, [ids], (n) => n === batch.length || n === -1, 600_000);
    const after = await readCpu(pids);
    const { rows } = await poller.query<{ n: number }>(SIGNED_OR_FAILED, [ids]);
    if (rows[0]?.n !== batch.length) {
      const failed = await poller.query<{ failure_reason: string }>(
        `SELECT failure_reason FROM issued_documents WHERE subject_id = ANY($1::uuid[]) AND status = 'failed' LIMIT 3`,
        [ids],
      );
      throw new Error(`documents failed: ${failed.rows.map((r) => r.failure_reason).join('; ')}`);
    }
    const wallMs = done - warm;
    const timedDocuments = batch.length - signedAtStart;
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    const jobs = workers.map((w) =>
      w.logs.filter((l) => l.msg === 'job completed' && l.job === 'document.render').map((l) => Number(l.ms)),
    );
    const all = jobs.flat();
    return {
      processes,
      concurrency,
      documents: batch.length,
      timedDocuments,
      wallMs,
      perSecond: timedDocuments / (wallMs / 1000),
      fromStartMs: done - started,
      jobMs: { p50: median(all), p95: percentile(all, 95), first: jobs.map((j) => j[0] ?? Number.NaN) },
      jobsPerProcess: jobs.map((j) => j.length),
      cpu: cpuBetween(before, after),
      loadAverage: loadavg().map((l) => round(l, 2)),
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
  }
}

interface Checks {
  readonly expected: number;
  readonly signedRows: number;
  readonly registeredDocuments: number;
  readonly fileHashesMatch: number;
  readonly signaturesIntact: number;
  readonly storedPages: number;
  readonly storedBytes: number;
  readonly jobErrors: number;
}

/** Every document of the run: signed, registered in its case, its stored file hashing to the row's sha256, its signature intact. */
async function check(
  app: INestApplicationContext,
  poller: pg.Client,
  statementIds: readonly string[],
): Promise<Checks> {
  const { rows } = await poller.query<{
    id: string;
    status: string;
    sha256: string | null;
    file_blob_id: string | null;
    registered: boolean;
  }>(
    `SELECT i.id, i.status, i.sha256, i.file_blob_id,
            EXISTS (SELECT 1 FROM registered_documents d
                    WHERE d.id = i.registered_document_id AND d.case_id = i.case_id
                      AND d.origin_key = 'issued-document:' || i.id
                      AND d.file_blob_id = i.file_blob_id) AS registered
     FROM issued_documents i WHERE i.kind = 'official_report' AND i.subject_id = ANY($1::uuid[])`,
    [statementIds],
  );
  const files = app.get(FileStoreService);
  let fileHashesMatch = 0;
  let signaturesIntact = 0;
  let storedPages = 0;
  let storedBytes = 0;
  await inBatches(rows, 8, async (row) => {
    if (!row.file_blob_id) {
      return;
    }
    const pdf = await files.read(row.file_blob_id);
    if (sha256(pdf) === row.sha256) {
      fileHashesMatch++;
    }
    const inspection = inspectPdfSignature(pdf);
    if (inspection.status === 'signed' && inspection.intact) {
      signaturesIntact++;
    }
    storedPages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    storedBytes = pdf.length;
  });
  const errors = await poller.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_jobs WHERE last_error IS NOT NULL OR outcome = 'failed'`,
  );
  return {
    expected: statementIds.length,
    signedRows: rows.filter((r) => r.status === 'signed').length,
    registeredDocuments: rows.filter((r) => r.registered).length,
    fileHashesMatch,
    signaturesIntact,
    storedPages,
    storedBytes,
    jobErrors: errors.rows[0]?.n ?? 0,
  };
}

const ok = await withBenchEnvironment(async (env) => {
  env.onCleanUp(stopAllWorkers);
  const machine = await machineInfo(env);
  const configurations = processCounts.flatMap((p) => concurrencies.map((c) => ({ processes: p, concurrency: c })));
  log(
    `documents: ${warmUp} + ${documents} reference tjänsteutlåtanden per batch (warm-up + timed), ${configurations.length} batches × ${repetitions} ` +
      `repetition(s): worker processes ${processCounts.join(', ')} × WORKER_CONCURRENCY ${concurrencies.join(', ')}; ` +
      `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  const poller = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-poller' });
  await poller.connect();
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QueueName.Documents, { connection: redis, prefix: env.queuePrefix });
  // Profiles are large (1–2 MB per process and batch): they go to the temporary folder, not the repository.
  const profileDir = cpuProfile
    ? join(tmpdir(), `remiss-bench-${env.tag}-cpu-prof-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    : undefined;
  const results: PipelineResult[] = [];
  const profiles: { processes: number; concurrency: number; summary: ProfileSummary }[] = [];
  let setupWorker: WorkerApp | undefined = await startInProcessWorker(env);
  let checks: Checks | undefined;
  let parts: PartTimes | undefined;
  let partsFloor: FloorResult | undefined;
  let cost: QueryCost | undefined;
  let setupMs: number | undefined;
  try {
    const app = setupWorker.app;
    const building = performance.now();
    const world = await buildWorld(app);
    const total = (warmUp + documents) * configurations.length * repetitions + partsSample;
    const pending = await inBatches(
      Array.from({ length: total }, (_, i) => i),
      6,
      () => pendingStatement(app, world),
    );
    // The organisation's development certificate is made now, not on the first timed document.
    const identity = await app.get(SigningCertificateService).identityFor(world.organisationId);
    await waitUntil(
      poller,
      `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL`,
      [],
      (n) => n === 0,
      300_000,
    );
    setupMs = performance.now() - building;
    log(
      `set-up: Hägersten-Älvsjö seeded, ${total} statements with the reference text submitted and approved by the head ` +
        `of department (the director's approval remains), certificate ${identity.commonName}, in ${ms(setupMs)}`,
    );
    // Warm-up of the floor (not counted): this process renders like the warmed worker processes.
    await floor(identity, 10);

    let index = 0;
    for (let repetition = 1; repetition <= repetitions; repetition++) {
      for (const { processes, concurrency } of configurations) {
        const batch = pending.slice(index, index + warmUp + documents);
        index += warmUp + documents;
        // The floor, right before the batch, with nothing else of the benchmark running.
        const measuredFloor = await floor(identity, documents);
        await queueBatch(setupWorker.app, world, poller, queue, batch);
        await setupWorker.close();
        setupWorker = undefined;
        const directory = profileDir ? join(profileDir, `p${processes}-c${concurrency}-r${repetition}`) : undefined;
        if (directory) {
          await mkdir(directory, { recursive: true });
        }
        const pipeline = await runBatch(env, poller, queue, batch, processes, concurrency, directory);
        // And again right after it: the machine is shared, so the floor is taken on both sides.
        const floorAfter = await floor(identity, documents);
        const floorMs = (measuredFloor.wallMs + floorAfter.wallMs) / 2;
        const result: PipelineResult = {
          ...pipeline,
          repetition,
          floor: measuredFloor,
          floorAfter,
          floorMs,
          ratio: pipeline.wallMs / pipeline.timedDocuments / (floorMs / documents),
          fromStartRatio: pipeline.fromStartMs / pipeline.documents / (floorMs / documents),
        };
        results.push(result);
        log(
          `rep ${repetition}, ${processes} process(es) × WORKER_CONCURRENCY=${concurrency}: after ${pipeline.documents - pipeline.timedDocuments} ` +
            `warm-up documents, ${pipeline.timedDocuments} signed in ${ms(result.wallMs)} (${round(result.perSecond, 1)}/s); ` +
            `from start ${pipeline.documents} in ${ms(result.fromStartMs)} (ratio ${round(result.fromStartRatio, 2)}); floor ${ms(measuredFloor.wallMs)} before, ` +
            `${ms(floorAfter.wallMs)} after (${round(documents / (floorMs / 1000), 1)}/s; before: render ` +
            `${round(measuredFloor.renderMs, 1)} + end ${round(measuredFloor.finishMs, 1)} + sign ` +
            `${round(measuredFloor.signMs, 1)} ms, GC ${round(measuredFloor.gcMsPerDocument, 1)} ms); ratio ${round(result.ratio, 2)}; ` +
            `job p50 ${result.jobMs.p50} ms, p95 ${result.jobMs.p95} ms, jobs per process ${result.jobsPerProcess.join('/')}; ` +
            `CPU: workers ${round(result.cpu.processesTotal - (result.cpu.processes[String(process.pid)] ?? 0), 2)}, ` +
            `postgres ${round(result.cpu.postgres, 2)}, redis ${round(result.cpu.redis, 2)}, machine ${round(result.cpu.machine, 2)} ` +
            `of ${machine.cpus}; load ${result.loadAverage.join(' ')}`,
        );
        if (directory) {
          const summary = await summariseCpuProfiles(directory);
          profiles.push({ processes, concurrency, summary });
          log(`CPU profile of the worker process(es), ${directory}:\n${summary.text}`);
        }
        setupWorker = await startInProcessWorker(env);
      }
    }
    // Where a document's time goes: the job's steps timed one by one in this process, beside a floor.
    const sample = pending.slice(index, index + partsSample);
    partsFloor = await floor(identity, partsSample);
    await queueBatch(setupWorker.app, world, poller, queue, sample);
    await setupWorker.close();
    setupWorker = undefined;
    // The worker's services without its relay and queue workers, so that nothing else sends queries.
    const services = await servicesOnly(env);
    try {
      parts = await timeParts(services, poller, sample);
      const { rows: one } = await poller.query<{ id: string }>(
        `SELECT id FROM issued_documents WHERE subject_id = $1`,
        [sample[0]!.id],
      );
      cost = await queryCost(services, env, one[0]!.id);
      checks = await check(
        services,
        poller,
        pending.map((s) => s.id),
      );
    } finally {
      await services.close();
    }
    log(
      `the job's steps, one document after another in this process (${parts.documents} documents; medians per ` +
        `document; floor just before: ${round(partsFloor.wallMs / partsSample, 1)} ms per document, GC ` +
        `${round(partsFloor.gcMsPerDocument, 1)} ms):\n` +
        table(
          ['step', 'wall ms', 'CPU ms', 'queries'],
          [
            ...PART_NAMES.map((name) => [
              name,
              parts!.parts[name].wallMs,
              parts!.parts[name].cpuMs,
              parts!.parts[name].queries,
            ]),
            ['whole job', parts.totalWallMs, parts.totalCpuMs, parts.totalQueries],
            ['GC per document', parts.gcMsPerDocument, '', ''],
          ],
        ) +
        `\none row by primary key, ${cost?.queries} times: through TypeORM ${cost?.typeormCpuMs} ms CPU ` +
        `(${cost?.typeormWallMs} ms wall), through pg alone ${cost?.pgCpuMs} ms CPU (${cost?.pgWallMs} ms wall) per query`,
    );

    log(
      `checks: ${checks.signedRows}/${checks.expected} signed, ${checks.registeredDocuments} registered in their case, ` +
        `${checks.fileHashesMatch} stored files hash to the row's sha256, ${checks.signaturesIntact} signatures intact; ` +
        `${checks.storedPages} pages, ${checks.storedBytes} bytes; outbox jobs with errors ${checks.jobErrors}`,
    );
  } finally {
    await setupWorker?.close();
    await queue.close();
    redis.disconnect();
    await poller.end();
  }

  const rows: (string | number)[][] = results.map((r) => [
    r.repetition,
    r.processes,
    r.concurrency,
    `${round(r.wallMs)} (${r.timedDocuments})`,
    round(r.perSecond, 1),
    `${round(r.floor.wallMs)} / ${round(r.floorAfter.wallMs)}`,
    round(documents / (r.floorMs / 1000), 1),
    round(r.ratio, 2),
    round(r.fromStartRatio, 2),
    `${r.jobMs.p50} / ${r.jobMs.p95}`,
    round(r.cpu.processesTotal - (r.cpu.processes[String(process.pid)] ?? 0), 2),
    round(r.cpu.postgres, 2),
    round(r.cpu.machine, 2),
  ]);
  log('');
  log(
    table(
      [
        'rep',
        'processes',
        'concurrency',
        'pipeline ms (docs)',
        'docs/s',
        'floor ms before / after',
        'floor docs/s',
        'ratio',
        'from start ratio',
        'job p50/p95 ms',
        'worker CPU',
        'postgres CPU',
        'machine CPU',
      ],
      rows,
    ),
  );
  const file = await writeRawResults('documents', {
    date: new Date().toISOString(),
    machine,
    settings: {
      documents,
      warmUp,
      repetitions,
      processCounts,
      concurrencies,
      cpuProfile,
      workerNodeOptions,
      partsSample,
    },
    setupMs,
    results,
    parts,
    partsFloor,
    queryCost: cost,
    profiles,
    checks,
  });
  log(`\nraw results: ${file}`);
  const expected = (warmUp + documents) * configurations.length * repetitions + partsSample;
  return (
    checks !== undefined &&
    checks.signedRows === expected &&
    checks.registeredDocuments === expected &&
    checks.fileHashesMatch === expected &&
    checks.signaturesIntact === expected &&
    checks.jobErrors === 0
  );
});

if (!ok) {
  log('CHECKS FAILED');
  process.exitCode = 1;
}
