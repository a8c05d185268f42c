// Run: npx swc apps libs migrations scripts bench -d .bench-dist --quiet --ignore "**/*.spec.ts" --ignore "**/*.int-spec.ts" --ignore "**/*.e2e-spec.ts" && node .bench-dist/bench/distribution.bench.js [--recipients=500] [--reps=5] [--concurrency=4,8] [--pool=10]
import 'reflect-metadata';

import { ConsultationService, RecipientState } from '@app/consultation';
import { OrganisationKind, OrganisationService, PersonService, RoleService } from '@app/directory';
import { type Actor, addDays, AuditService, Db, localDate, personActor, Role, systemActor } from '@app/platform';
import { CaseService, RegisteredDocumentService } from '@app/registry';
import type { INestApplicationContext } from '@nestjs/common';
import { loadavg } from 'node:os';
import pg from 'pg';
import { pino } from 'pino';

import { createWorkerApp, type WorkerApp } from '../apps/worker/src/worker-app.js';
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
import { inBatches, waitUntil } from './support/async-helpers.js';
import { median, round, stopwatch, table } from './support/stats.js';

/**
 * One remiss sent to N recipient organisations through the real pipeline (ConsultationService
 * send → outbox → relay → BullMQ → DistributionService in an in-process worker), timed from
 * `send` returning until every recipient is `registered`. Beside it, in the same run: the same
 * N organisations registering a case and the incoming remiss document one after another, each
 * in its own transaction — the core of what one distribution does, without the queue.
 */

const setupActor = systemActor('bench:setup');
const sequentialActor = systemActor('bench:sequential');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A distinct diary prefix per recipient: R + two or more letters (RAA, RAB, …). */
function recipientPrefix(i: number): string {
  let text = '';
  let n = i;
  do {
    text = LETTERS[n % 26]! + text;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `R${text.padStart(2, 'A')}`;
}

interface World {
  readonly senderId: string;
  readonly officer: Actor;
  readonly senderName: string;
  readonly recipientIds: readonly string[];
}

/** A sender board with a case officer, and N recipient boards each with a registrar. */
async function buildWorld(app: INestApplicationContext, tag: string, recipients: number): Promise<World> {
  const organisations = app.get(OrganisationService);
  const people = app.get(PersonService);
  const roles = app.get(RoleService);
  const sender = await organisations.create(setupActor, {
    name: `Bänkstyrelsen ${tag}`,
    kind: OrganisationKind.ExecutiveBoard,
    diaryPrefix: 'KS',
  });
  const officer = await people.create(setupActor, sender.id, {
    name: 'Bänk Handläggare',
    email: `handlaggare.${tag}@bench.example`,
  });
  await roles.grant(setupActor, officer.id, Role.CaseOfficer, sender.id);
  const recipientIds = await inBatches(
    Array.from({ length: recipients }, (_, i) => i),
    8,
    async (i) => {
      const organisation = await organisations.create(setupActor, {
        name: `Bänknämnd ${i + 1} ${tag}`,
        kind: OrganisationKind.DistrictBoard,
        diaryPrefix: recipientPrefix(i),
      });
      // No password: nobody logs in, and argon2 would only slow the set-up down.
      const registrar = await people.create(setupActor, organisation.id, {
        name: `Bänk Registrator ${i + 1}`,
        email: `registrator.${i + 1}.${tag}@bench.example`,
      });
      await roles.grant(setupActor, registrar.id, Role.Registrar, organisation.id);
      return organisation.id;
    },
  );
  return {
    senderId: sender.id,
    officer: personActor(officer.id, sender.id, [Role.CaseOfficer]),
    senderName: sender.name,
    recipientIds,
  };
}

const UNSETTLED = `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL`;

interface DistributionResult {
  readonly createMs: number;
  readonly sendMs: number;
  /** From `send` returning until every recipient is registered. */
  readonly distributionMs: number;
  /** From `send` returning until every outbox job (distributions and their notification fan-outs) is settled. */
  readonly drainedMs: number;
  readonly recipientsPerSecond: number;
  /** CPU time of this Node process (worker and all) from `send` returning until all registered; 1.0 = one core. */
  readonly distributionCpuShare: number;
  readonly jobsWithErrors: number;
  readonly failedJobs: number;
  /** Recipients with exactly one case from this remiss and its incoming remiss document in it. */
  readonly recipientsWithOneCaseAndDocument: number;
}

async function distributeOnce(
  app: INestApplicationContext,
  poller: pg.Client,
  world: World,
  label: string,
): Promise<DistributionResult> {
  const consultations = app.get(ConsultationService);
  const creating = performance.now();
  const draft = await consultations.create(world.officer, {
    title: `Bänkremiss ${label}`,
    description: 'Remiss för prestandamätning.',
    responseDeadline: addDays(localDate(new Date()), 30),
    sections: [{ title: 'Synpunkter' }],
    recipients: { organisationIds: world.recipientIds },
  });
  const sending = performance.now();
  await consultations.send(world.officer, draft.id);
  const sent = performance.now();
  const watch = stopwatch();
  const n = world.recipientIds.length;
  const allRegistered = await waitUntil(
    poller,
    `SELECT count(*)::int AS n FROM consultation_recipients WHERE consultation_id = $1 AND state = $2`,
    [draft.id, RecipientState.Registered],
    (registered) => registered === n,
    600_000,
  );
  const { cpuShare } = watch();
  const drained = await waitUntil(poller, UNSETTLED, [], (open) => open === 0, 600_000);
  const { rows } = await poller.query<{ errors: number; failed: number }>(
    `SELECT count(*) FILTER (WHERE last_error IS NOT NULL)::int AS errors,
            count(*) FILTER (WHERE outcome = 'failed')::int AS failed
     FROM outbox_jobs WHERE payload->>'recipientId' IN
       (SELECT id::text FROM consultation_recipients WHERE consultation_id = $1)`,
    [draft.id],
  );
  const [registeredOnce] = (
    await poller.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultation_recipients r
       WHERE r.consultation_id = $1
         AND (SELECT count(*) FROM cases c WHERE c.origin_key = 'consultation-recipient:' || r.id) = 1
         AND (SELECT count(*) FROM registered_documents d
              WHERE d.origin_key = 'consultation-recipient:' || r.id || ':remiss' AND d.case_id = r.case_id) = 1`,
      [draft.id],
    )
  ).rows;
  const distributionMs = allRegistered - sent;
  return {
    createMs: sending - creating,
    sendMs: sent - sending,
    distributionMs,
    drainedMs: drained - sent,
    recipientsPerSecond: n / (distributionMs / 1000),
    distributionCpuShare: cpuShare,
    jobsWithErrors: rows[0]?.errors ?? 0,
    failedJobs: rows[0]?.failed ?? 0,
    recipientsWithOneCaseAndDocument: registeredOnce?.n ?? 0,
  };
}

/** What one distribution does at its core, by hand: a case and the incoming remiss document, per organisation, one after another. */
async function registerSequentially(
  app: INestApplicationContext,
  world: World,
  label: string,
): Promise<{ readonly wallMs: number; readonly cpuShare: number }> {
  const db = app.get(Db);
  const cases = app.get(CaseService);
  const documents = app.get(RegisteredDocumentService);
  const title = `Bänkremiss ${label} (för hand)`;
  const today = localDate(new Date());
  const watch = stopwatch();
  for (const organisationId of world.recipientIds) {
    await db.transaction(async (tx) => {
      const registered = await cases.registerIn(tx, sequentialActor, organisationId, {
        title,
        counterpart: world.senderName,
        linkedDiaryNumber: null,
        originKey: `bench-sequential:${label}:${organisationId}`,
      });
      await documents.registerIn(tx, sequentialActor, registered.id, {
        direction: 'incoming',
        kind: 'remiss',
        title: `Remiss: ${title}`,
        documentDate: today,
        counterpart: world.senderName,
        originKey: `bench-sequential:${label}:${organisationId}:remiss`,
      });
    });
  }
  return watch();
}

interface RepetitionResult extends DistributionResult {
  readonly concurrency: number;
  readonly repetition: number;
  readonly order: 'distribution first' | 'sequential first';
  readonly sequentialMs: number;
  readonly sequentialCpuShare: number;
  /** distribution / sequential, both measured in this repetition. */
  readonly ratio: number;
  readonly loadAverage: readonly number[];
}

async function startWorker(env: BenchEnvironment, concurrency: number, poolSize: number): Promise<WorkerApp> {
  return createWorkerApp(
    env.config({ WORKER_CONCURRENCY: String(concurrency), DATABASE_POOL_SIZE: String(poolSize) }),
    { logger: pino({ level: 'warn' }, pino.destination(2)) },
  );
}

const recipients = positiveInteger('recipients', 500);
const repetitions = positiveInteger('reps', 5);
const poolSize = positiveInteger('pool', 10);
const concurrencies = argument('concurrency', '4,8')
  .split(',')
  .map((c) => Number(c));
if (concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) {
  throw new Error('--concurrency takes whole numbers 1–256, comma-separated');
}

const ok = await withBenchEnvironment(async (env) => {
  const machine = await machineInfo(env);
  log(
    `distribution: one remiss to ${recipients} recipients, ${repetitions} repetitions, each measuring WORKER_CONCURRENCY ` +
      `${concurrencies.join(', ')} (rotating order, a fresh in-process worker each); DATABASE_POOL_SIZE=${poolSize}; ` +
      `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  const poller = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-poller' });
  await poller.connect();
  const results: RepetitionResult[] = [];
  let chainCheck = { verified: 0, broken: 0, senderRecords: 0 };
  let setupMs: number | undefined;
  try {
    // The set-up's own jobs (role-granted notices) must be done before anything is timed.
    const building = performance.now();
    const setupWorker = await startWorker(env, concurrencies[0]!, poolSize);
    let world: World;
    try {
      world = await buildWorld(setupWorker.app, env.tag, recipients);
      await waitUntil(poller, UNSETTLED, [], (open) => open === 0, 600_000);
    } finally {
      await setupWorker.close();
    }
    setupMs = performance.now() - building;
    log(`set-up: 1 sender and ${recipients} recipient organisations with people and roles in ${ms(setupMs)}`);

    let measurement = 0;
    for (let repetition = 1; repetition <= repetitions; repetition++) {
      // Every repetition measures each concurrency once, in rotating order, so that a drift in the
      // machine's load or in table sizes hits every setting alike.
      const shift = (repetition - 1) % concurrencies.length;
      const order = [...concurrencies.slice(shift), ...concurrencies.slice(0, shift)];
      for (const [k, concurrency] of order.entries()) {
        const worker = await startWorker(env, concurrency, poolSize);
        try {
          // Warm-up of each new worker (not counted): a small remiss and a few registrations by hand,
          // so that the timed ones do not pay for cold connections and their caches.
          const warmUp = Math.min(50, recipients);
          const small: World = { ...world, recipientIds: world.recipientIds.slice(0, warmUp) };
          await distributeOnce(worker.app, poller, small, `warm-up-r${repetition}-c${concurrency}`);
          await registerSequentially(worker.app, small, `warm-up-r${repetition}-c${concurrency}`);

          const label = `r${repetition}-c${concurrency}`;
          // Alternate which side goes first, so neither always runs on the emptier tables.
          const distributionFirst = measurement++ % 2 === 0;
          let sequential = { wallMs: 0, cpuShare: 0 };
          if (!distributionFirst) {
            sequential = await registerSequentially(worker.app, world, label);
          }
          const distribution = await distributeOnce(worker.app, poller, world, label);
          if (distributionFirst) {
            sequential = await registerSequentially(worker.app, world, label);
          }
          const result: RepetitionResult = {
            ...distribution,
            concurrency,
            repetition,
            order: distributionFirst ? 'distribution first' : 'sequential first',
            sequentialMs: sequential.wallMs,
            sequentialCpuShare: sequential.cpuShare,
            ratio: distribution.distributionMs / sequential.wallMs,
            loadAverage: loadavg().map((l) => round(l, 2)),
          };
          results.push(result);
          log(
            `rep ${repetition} WORKER_CONCURRENCY=${concurrency} (${result.order}, after a ${warmUp}-recipient warm-up): ` +
              `send ${ms(result.sendMs)}, all ${recipients} registered ${ms(result.distributionMs)} after send ` +
              `(${round(result.recipientsPerSecond)}/s), outbox drained ${ms(result.drainedMs)}; ` +
              `sequential ${ms(result.sequentialMs)}; ratio ${round(result.ratio, 2)}; ` +
              `node CPU ${round(result.distributionCpuShare, 2)} / ${round(result.sequentialCpuShare, 2)} core; ` +
              `jobs with errors ${result.jobsWithErrors}, failed ${result.failedJobs}; ` +
              `recipients with one case + remiss document ${result.recipientsWithOneCaseAndDocument}/${recipients}; ` +
              `load ${result.loadAverage.join(' ')}`,
          );
          if (repetition === repetitions && k === order.length - 1) {
            // Not timed: every chain the benchmark wrote to must still verify.
            const audit = worker.app.get(AuditService);
            const chains = await inBatches([world.senderId, ...world.recipientIds], 4, (id) => audit.verifyChain(id));
            chainCheck = {
              verified: chains.length,
              broken: chains.filter((c) => !c.valid).length,
              senderRecords: chains[0]!.recordsChecked,
            };
            log(
              `audit chains: ${chainCheck.verified - chainCheck.broken}/${chainCheck.verified} valid ` +
                `(the sender's has ${chainCheck.senderRecords} records)`,
            );
          }
        } finally {
          await worker.close();
        }
      }
    }
  } finally {
    await poller.end();
  }

  const byConcurrency = [...results].sort((a, b) => a.concurrency - b.concurrency || a.repetition - b.repetition);
  const rows: (string | number)[][] = byConcurrency.map((r) => [
    r.concurrency,
    r.repetition,
    round(r.sendMs),
    round(r.distributionMs),
    round(r.recipientsPerSecond),
    round(r.drainedMs),
    round(r.sequentialMs),
    round(r.ratio, 2),
    `${round(r.distributionCpuShare, 2)} / ${round(r.sequentialCpuShare, 2)}`,
    r.jobsWithErrors,
  ]);
  for (const concurrency of concurrencies) {
    const mine = results.filter((r) => r.concurrency === concurrency);
    rows.push([
      concurrency,
      'median',
      round(median(mine.map((r) => r.sendMs))),
      round(median(mine.map((r) => r.distributionMs))),
      round(median(mine.map((r) => r.recipientsPerSecond))),
      round(median(mine.map((r) => r.drainedMs))),
      round(median(mine.map((r) => r.sequentialMs))),
      round(median(mine.map((r) => r.ratio)), 2),
      `${round(median(mine.map((r) => r.distributionCpuShare)), 2)} / ${round(median(mine.map((r) => r.sequentialCpuShare)), 2)}`,
      '',
    ]);
  }
  log('');
  log(
    table(
      [
        'concurrency',
        'rep',
        'send ms',
        'distribution ms',
        'recipients/s',
        'drained ms',
        'sequential ms',
        'ratio',
        'node CPU dist / seq',
        'job errors',
      ],
      rows,
    ),
  );
  // Each other concurrency against the first, within the same repetition (same load, same tables).
  const baseline = concurrencies[0]!;
  const comparisons = concurrencies.slice(1).map((concurrency) => {
    const perRepetition = Array.from({ length: repetitions }, (_, i) => {
      const mine = results.find((r) => r.concurrency === concurrency && r.repetition === i + 1)!;
      const theirs = results.find((r) => r.concurrency === baseline && r.repetition === i + 1)!;
      return mine.distributionMs / theirs.distributionMs;
    });
    log(
      `distribution time, WORKER_CONCURRENCY ${concurrency} ÷ ${baseline} within each repetition: ` +
        `${perRepetition.map((x) => round(x, 2)).join(', ')}; median ${round(median(perRepetition), 2)}`,
    );
    return { concurrency, against: baseline, perRepetition, median: median(perRepetition) };
  });
  const file = await writeRawResults('distribution', {
    date: new Date().toISOString(),
    machine,
    settings: { recipients, repetitions, concurrencies, poolSize, workers: 1 },
    setupMs,
    results,
    comparisons,
    chainCheck,
  });
  log(`\nraw results: ${file}`);
  return (
    results.every((r) => r.recipientsWithOneCaseAndDocument === recipients && r.failedJobs === 0) &&
    chainCheck.verified === recipients + 1 &&
    chainCheck.broken === 0
  );
});

if (!ok) {
  log('CHECKS FAILED');
  process.exitCode = 1;
}
