import { loadAppConfig, pendingSchemaChanges, revertAllMigrations, runMigrationsLocked } from '@app/platform';
import { createDataSource, MIGRATIONS } from '@app/schema';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

import { createDatabase, dropDatabase } from '../../scripts/database-admin.js';
import { baseDatabaseUrl, databasePrefix } from '../setup/test-environment.js';

describe('migrations', () => {
  const name = `${databasePrefix()}migrations_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(baseDatabaseUrl(), name);
    dataSource = await createDataSource(loadAppConfig({ DATABASE_URL: url, NODE_ENV: 'test' }), {
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(baseDatabaseUrl(), name);
  });

  async function tables(): Promise<string[]> {
    const rows = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  }

  it('go up, down and up again on an empty database, ending where the entities are', async () => {
    expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
    const built = await tables();
    expect(built).toEqual(expect.arrayContaining(['organisations', 'people', 'audit_records', 'outbox_jobs']));

    expect(await revertAllMigrations(dataSource)).toBe(MIGRATIONS.length);
    expect(await tables()).toEqual(['schema_migrations']);
    const [leftovers] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
    );
    expect(leftovers!.n).toBe(0);

    expect(await runMigrationsLocked(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(built);
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });

  it('let two processes start at once: one migrates, the other finds nothing to do', async () => {
    const url = dataSource.options.type === 'postgres' ? String(dataSource.options.url) : '';
    // A pool of one, as the API's migrator has: the lock must not take its only connection.
    const second = await createDataSource(loadAppConfig({ DATABASE_URL: url, NODE_ENV: 'test' }), {
      poolSize: 1,
    }).initialize();
    try {
      await revertAllMigrations(dataSource);
      const [a, b] = await Promise.all([runMigrationsLocked(dataSource), runMigrationsLocked(second)]);
      expect(a.length + b.length).toBe(MIGRATIONS.length);
    } finally {
      await second.destroy();
    }
  });
});
