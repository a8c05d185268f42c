import { type AppConfig, loadAppConfig, loadProcessConfig, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

import { createDatabase, dropDatabase } from '../../scripts/database-admin.js';
import { deleteRedisKeys } from '../../scripts/redis-admin.js';

/**
 * One benchmark's world: a database of its own (`remiss_bench_<tag>`), migrated from empty, and
 * a Redis key prefix of its own (`remiss-bench-<tag>`). Both are removed when the benchmark ends,
 * also when it fails or is interrupted. Nothing else on the servers is touched.
 */
export interface BenchEnvironment {
  readonly tag: string;
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  /** The app config of this benchmark: its database and prefix, silent logs, plus `env`. */
  config(env?: Readonly<Record<string, string>>): AppConfig;
  /**
   * Runs `step` at clean-up, before the database is dropped and the keys deleted (also on
   * SIGINT/SIGTERM): for processes the benchmark started, which would otherwise write on.
   */
  onCleanUp(step: () => Promise<void>): void;
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly postgres: string;
  readonly redis: string;
}

/**
 * Creates and migrates the benchmark's database, runs `work`, then drops the database and
 * deletes the Redis keys — on success, on failure, and on SIGINT/SIGTERM.
 */
export async function withBenchEnvironment<T>(work: (env: BenchEnvironment) => Promise<T>): Promise<T> {
  // Only the server addresses come from the process environment (or their defaults).
  const base = loadProcessConfig();
  const serverUrl = base.database.url.reveal();
  const redisUrl = base.redis.url.reveal();
  const tag = randomBytes(4).toString('hex');
  const databaseName = `remiss_bench_${tag}`;
  const queuePrefix = `remiss-bench-${tag}`;

  let cleaning: Promise<void> | undefined;
  const firstSteps: (() => Promise<void>)[] = [];
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      const problems: string[] = [];
      for (const step of firstSteps.splice(0).reverse()) {
        await step().catch((e: unknown) => problems.push(`clean-up step: ${String(e)}`));
      }
      await dropDatabase(serverUrl, databaseName).catch((e: unknown) => problems.push(`drop database: ${String(e)}`));
      const keys = await deleteRedisKeys(redisUrl, `${queuePrefix}:*`).catch((e: unknown) => {
        problems.push(`delete redis keys: ${String(e)}`);
        return 0;
      });
      log(`cleaned up: dropped database ${databaseName}, deleted ${keys} Redis keys under ${queuePrefix}:`);
      for (const problem of problems) {
        log(`CLEAN-UP PROBLEM: ${problem}`);
      }
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const databaseUrl = await createDatabase(serverUrl, databaseName);
    const env: BenchEnvironment = {
      tag,
      databaseName,
      databaseUrl,
      redisUrl,
      queuePrefix,
      config: (extra = {}) =>
        loadAppConfig({
          NODE_ENV: 'test',
          DATABASE_URL: databaseUrl,
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: queuePrefix,
          LOG_LEVEL: 'warn',
          ...extra,
        }),
      onCleanUp: (step) => {
        firstSteps.push(step);
      },
    };
    const migrating = performance.now();
    // Two connections: one holds the migration lock while the migrations run on the other.
    const dataSource = createDataSource(env.config(), { poolSize: 2, applicationName: 'remiss-bench-migrate' });
    await dataSource.initialize();
    try {
      const applied = await runMigrationsLocked(dataSource);
      log(`database ${databaseName}: ${applied.length} migrations in ${ms(performance.now() - migrating)}`);
    } finally {
      await dataSource.destroy();
    }
    return await work(env);
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** What the benchmark ran on. */
export async function machineInfo(env: BenchEnvironment): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-info' });
  await client.connect();
  const postgres = await client
    .query<{ v: string }>(`SELECT current_setting('server_version') AS v`)
    .then((result) => result.rows[0]?.v ?? '')
    .finally(() => client.end());
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  const redisVersion = await redis
    .info('server')
    .then((info) => /redis_version:(\S+)/.exec(info)?.[1] ?? '')
    .finally(() => redis.disconnect());
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? '',
    node: process.version,
    postgres,
    redis: redisVersion,
  };
}

/** Writes the raw results to `bench/results/*.raw.json` under the working directory (gitignored). */
export async function writeRawResults(name: string, data: unknown): Promise<string> {
  const folder = join(process.cwd(), 'bench', 'results');
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.raw.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** Reads `--name=value` from the command line. */
export function argument(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const found = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return found ? found.slice(prefix.length) : fallback;
}

export function positiveInteger(name: string, fallback: number): number {
  const value = Number(argument(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive whole number`);
  }
  return value;
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
