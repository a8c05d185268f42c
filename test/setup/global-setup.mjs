// Runs once before all test files: creates and migrates the template database every test file
// copies. Plain JavaScript, because jest loads it outside its ES module transform; it migrates
// with the built scripts (npm test builds first).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';

import { baseUrls, maintenanceUrlOf, quoteIdent, withDatabaseName } from './run-resources.mjs';

export default async function globalSetup() {
  if (!existsSync('dist/scripts/migrate.js')) {
    throw new Error('dist/ is missing: run the tests with npm test (it builds first), or npm run build');
  }
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const names = {
    REMISS_TEST_RUN_ID: id,
    REMISS_TEST_DB_PREFIX: `remiss_test_${id}_`,
    REMISS_TEST_TEMPLATE_DB: `remiss_test_${id}_template`,
    REMISS_TEST_REDIS_PREFIX: `remiss-test-${id}`,
  };
  Object.assign(process.env, names);
  const { databaseUrl } = baseUrls();
  const client = new pg.Client({ connectionString: maintenanceUrlOf(databaseUrl) });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(names.REMISS_TEST_TEMPLATE_DB)}`);
  } finally {
    await client.end();
  }
  const migrated = spawnSync(process.execPath, ['dist/scripts/migrate.js'], {
    env: {
      ...process.env,
      DATABASE_URL: withDatabaseName(databaseUrl, names.REMISS_TEST_TEMPLATE_DB),
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) {
    throw new Error(`migrating the template database failed:\n${migrated.stdout}\n${migrated.stderr}`);
  }
}
