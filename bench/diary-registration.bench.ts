// Run: npx swc apps libs migrations scripts bench -d .bench-dist --quiet --ignore "**/*.spec.ts" --ignore "**/*.int-spec.ts" --ignore "**/*.e2e-spec.ts" && node .bench-dist/bench/diary-registration.bench.js [--runs=3] [--registrations=1000] [--sequential=200] [--pool=20]
import 'reflect-metadata';

import { AuditService, Db, NestPinoLogger, personActor, Role } from '@app/platform';
import { CaseService } from '@app/registry';
import { Factories } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadavg } from 'node:os';
import { pino } from 'pino';
import { DataSource } from 'typeorm';

import { WorkerModule } from '../apps/worker/src/worker.module.js';
import {
  log,
  machineInfo,
  ms,
  positiveInteger,
  withBenchEnvironment,
  writeRawResults,
} from './support/bench-environment.js';
import { median, percentile, round, stopwatch, table } from './support/stats.js';

/**
 * N concurrent case registrations in ONE organisation's diary series, every tenth rolled back
 * after it took its number. The series must come out gapless: the committed numbers are exactly
 * 1..0.9·N, and the organisation's audit chain verifies.
 */

class ForcedRollback extends Error {
  constructor(readonly sequence: number) {
    super(`forced rollback of number ${sequence}`);
  }
}

interface RunResult {
  readonly run: number;
  readonly mode: 'concurrent' | 'sequential';
  readonly diaryPrefix: string;
  readonly attempts: number;
  readonly committed: number;
  readonly rolledBack: number;
  readonly unexpectedErrors: readonly string[];
  readonly wallMs: number;
  /** CPU time of this Node process over the wall time (1.0 = one core busy throughout). */
  readonly nodeCpuShare: number;
  readonly loadAverage: readonly number[];
  readonly committedPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  readonly checks: Checks;
}

interface Checks {
  /** The committed sequence numbers in the database are exactly 1..expected. */
  readonly gaplessAndUnique: boolean;
  /** The numbers the committed callers got back are the same set. */
  readonly returnedNumbersMatch: boolean;
  readonly distinctDiaryNumbers: number;
  readonly counterLastNumber: number;
  readonly auditCaseRecords: number;
  readonly chainValid: boolean;
  readonly chainRecordsChecked: number;
  readonly chainVerifyMs: number;
}

/** Distinct diary prefixes (1–6 capital letters): one organisation per measurement. */
function prefix(kind: 'BENCH' | 'SEQ', run: number): string {
  return `${kind}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[run]!}`;
}

/**
 * Registers `attempts` cases in a fresh organisation — all at once (`concurrent`) or one after
 * another (`sequential`, the same-run reference) — every tenth rolled back, then checks the series.
 */
async function register(
  app: INestApplicationContext,
  run: number,
  diaryPrefix: string,
  attempts: number,
  mode: 'concurrent' | 'sequential',
): Promise<RunResult> {
  const factories = new Factories(app);
  const organisation = await factories.organisation({ name: `Bänknämnd ${diaryPrefix}`, diaryPrefix });
  const registrar = await factories.person(organisation.id, { roles: [Role.Registrar] });
  const actor = personActor(registrar.id, organisation.id, [Role.Registrar]);
  const cases = app.get(CaseService);
  const db = app.get(Db);

  const latencies = new Array<number>(attempts).fill(Number.NaN);
  const attempt = (i: number): Promise<number> => {
    const attemptStarted = performance.now();
    return db
      .transaction(async (tx) => {
        const registered = await cases.registerIn(tx, actor, organisation.id, { title: `Bänkärende ${i + 1}` });
        if (i % 10 === 9) {
          throw new ForcedRollback(registered.sequence);
        }
        return registered.sequence;
      })
      .finally(() => {
        latencies[i] = performance.now() - attemptStarted;
      });
  };
  const watch = stopwatch();
  let outcomes: PromiseSettledResult<number>[];
  if (mode === 'concurrent') {
    outcomes = await Promise.allSettled(Array.from({ length: attempts }, (_, i) => attempt(i)));
  } else {
    outcomes = [];
    for (let i = 0; i < attempts; i++) {
      outcomes.push(...(await Promise.allSettled([attempt(i)])));
    }
  }
  const { wallMs, cpuShare } = watch();

  const returned: number[] = [];
  let rolledBack = 0;
  const unexpectedErrors: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') {
      returned.push(outcome.value);
    } else if (outcome.reason instanceof ForcedRollback) {
      rolledBack++;
    } else {
      unexpectedErrors.push(String(outcome.reason));
    }
  }
  const expected = attempts - Math.floor(attempts / 10);
  const checks = await check(app, organisation.id, expected, returned);
  return {
    run,
    mode,
    diaryPrefix,
    attempts,
    committed: returned.length,
    rolledBack,
    unexpectedErrors: [...new Set(unexpectedErrors)],
    wallMs,
    nodeCpuShare: cpuShare,
    loadAverage: loadavg().map((l) => round(l, 2)),
    committedPerSecond: returned.length / (wallMs / 1000),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    checks,
  };
}

async function check(
  app: INestApplicationContext,
  organisationId: string,
  expected: number,
  returned: readonly number[],
): Promise<Checks> {
  const dataSource = app.get(DataSource);
  const oneToN = Array.from({ length: expected }, (_, i) => i + 1);
  const rows = await dataSource.query<{ sequence: number; diary_number: string }[]>(
    `SELECT sequence, diary_number FROM cases WHERE organisation_id = $1 ORDER BY sequence`,
    [organisationId],
  );
  const sequences = rows.map((r) => r.sequence);
  const [counter] = await dataSource.query<{ last_number: number }[]>(
    `SELECT last_number FROM diary_counters WHERE organisation_id = $1`,
    [organisationId],
  );
  const [audited] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_records WHERE organisation_id = $1 AND action = 'case.registered'`,
    [organisationId],
  );
  const verifying = performance.now();
  const chain = await app.get(AuditService).verifyChain(organisationId);
  const chainVerifyMs = performance.now() - verifying;
  return {
    gaplessAndUnique: sequences.length === expected && sequences.every((s, i) => s === oneToN[i]),
    returnedNumbersMatch:
      returned.length === expected && [...returned].sort((a, b) => a - b).every((s, i) => s === oneToN[i]),
    distinctDiaryNumbers: new Set(rows.map((r) => r.diary_number)).size,
    counterLastNumber: counter?.last_number ?? 0,
    auditCaseRecords: audited?.n ?? 0,
    chainValid: chain.valid,
    chainRecordsChecked: chain.recordsChecked,
    chainVerifyMs,
  };
}

function describeRun(result: RunResult): void {
  log(
    `run ${result.run} ${result.mode}: ${result.committed} committed, ${result.rolledBack} rolled back ` +
      `in ${ms(result.wallMs)} → ${round(result.committedPerSecond)}/s; p50 ${round(result.latencyMs.p50)} ms, ` +
      `p95 ${round(result.latencyMs.p95)} ms, p99 ${round(result.latencyMs.p99)} ms; ` +
      `node CPU ${round(result.nodeCpuShare, 2)} core, load ${result.loadAverage.join(' ')}; ` +
      `checks ${passed(result) ? 'passed' : 'FAILED'}`,
  );
  if (!passed(result)) {
    log(JSON.stringify(result, null, 2));
  }
}

function passed(result: RunResult): boolean {
  const expected = result.attempts - Math.floor(result.attempts / 10);
  const c = result.checks;
  return (
    result.unexpectedErrors.length === 0 &&
    result.committed === expected &&
    result.rolledBack === result.attempts - expected &&
    c.gaplessAndUnique &&
    c.returnedNumbersMatch &&
    c.distinctDiaryNumbers === expected &&
    c.counterLastNumber === expected &&
    c.auditCaseRecords === expected &&
    c.chainValid
  );
}

const runs = positiveInteger('runs', 3);
const attempts = positiveInteger('registrations', 1000);
const referenceAttempts = positiveInteger('sequential', 200);
const poolSize = positiveInteger('pool', 20);
if (runs > 25) {
  throw new Error('at most 25 runs');
}

const ok = await withBenchEnvironment(async (env) => {
  const machine = await machineInfo(env);
  const config = env.config({ DATABASE_POOL_SIZE: String(poolSize) });
  log(
    `diary registration: ${attempts} concurrent registrations per run (every 10th rolled back), ${runs} runs, ` +
      `each followed by ${referenceAttempts} sequential ones as the same-run reference, ` +
      `DATABASE_POOL_SIZE=${poolSize}; ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  // The worker's module gives the real services; it is not started (no relay, no processors).
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new NestPinoLogger(pino({ level: 'warn' }, pino.destination(2))),
    abortOnError: false,
  });
  try {
    const warmUp = await register(app, 0, prefix('BENCH', 0), Math.min(100, attempts), 'concurrent');
    const warmUpSequential = await register(app, 0, prefix('SEQ', 0), Math.min(50, referenceAttempts), 'sequential');
    log(
      `warm-up (not counted): ${warmUp.committed} concurrent in ${ms(warmUp.wallMs)}, ` +
        `${warmUpSequential.committed} sequential in ${ms(warmUpSequential.wallMs)}, ` +
        `checks ${passed(warmUp) && passed(warmUpSequential) ? 'passed' : 'FAILED'}`,
    );
    const results: RunResult[] = [];
    const references: RunResult[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await register(app, run, prefix('BENCH', run), attempts, 'concurrent');
      results.push(result);
      describeRun(result);
      // The same-run reference: the same work one registration at a time, in a fresh organisation.
      const reference = await register(app, run, prefix('SEQ', run), referenceAttempts, 'sequential');
      references.push(reference);
      describeRun(reference);
    }
    const rows = results.map((r, i) => [
      r.run,
      r.committed,
      r.rolledBack,
      round(r.wallMs),
      round(r.committedPerSecond),
      round(r.latencyMs.p50),
      round(r.latencyMs.p95),
      round(r.latencyMs.p99),
      round(r.nodeCpuShare, 2),
      round(references[i]!.committedPerSecond),
      round(r.committedPerSecond / references[i]!.committedPerSecond, 2),
      r.checks.gaplessAndUnique && references[i]!.checks.gaplessAndUnique ? `1..${r.checks.counterLastNumber}` : 'NO',
      r.checks.chainValid ? `valid (${r.checks.chainRecordsChecked})` : 'BROKEN',
    ]);
    rows.push([
      'median',
      '',
      '',
      round(median(results.map((r) => r.wallMs))),
      round(median(results.map((r) => r.committedPerSecond))),
      round(median(results.map((r) => r.latencyMs.p50))),
      round(median(results.map((r) => r.latencyMs.p95))),
      round(median(results.map((r) => r.latencyMs.p99))),
      round(median(results.map((r) => r.nodeCpuShare)), 2),
      round(median(references.map((r) => r.committedPerSecond))),
      round(median(results.map((r, i) => r.committedPerSecond / references[i]!.committedPerSecond)), 2),
      '',
      '',
    ]);
    log('');
    log(
      table(
        [
          'run',
          'committed',
          'rolled back',
          'wall ms',
          'committed/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'node CPU',
          'sequential/s',
          'concurrent ÷ sequential',
          'numbers',
          'chain',
        ],
        rows,
      ),
    );
    const file = await writeRawResults('diary-registration', {
      date: new Date().toISOString(),
      machine,
      settings: { attempts, referenceAttempts, rollbackEvery: 10, poolSize, runs },
      warmUp,
      warmUpSequential,
      results,
      references,
    });
    log(`\nraw results: ${file}`);
    return [warmUp, warmUpSequential, ...results, ...references].every(passed);
  } finally {
    await app.close();
  }
});

if (!ok) {
  log('CHECKS FAILED');
  process.exitCode = 1;
}
