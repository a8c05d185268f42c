import pg from 'pg';
import type { DataSource, Migration } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';

/** Any fixed number: the advisory lock every migrating process takes first. */
const MIGRATION_LOCK_KEY = 7_351_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that two processes starting
 * at once never migrate together: the second waits, then finds nothing left to do. The lock is
 * held on a connection of its own, outside the data source's pool, so that a pool of one
 * connection still has it free for the migrations.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const options = dataSource.options as PostgresDataSourceOptions;
  const lock = new pg.Client({
    connectionString: options.url,
    application_name: `${options.applicationName ?? 'remiss'}-migration-lock`,
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.end();
  }
}

/** Reverts every applied migration, newest first (used by the up → down → up test). */
export async function revertAllMigrations(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while (await hasApplied(dataSource)) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted++;
  }
  return reverted;
}

async function hasApplied(dataSource: DataSource): Promise<boolean> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const exists = await dataSource.query<{ exists: boolean }[]>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
  if (!exists[0]?.exists) {
    return false;
  }
  const rows = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * The SQL that would bring the database in line with the entities; empty when the migrations
 * and the entities agree. The drift check fails on anything here.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
}
