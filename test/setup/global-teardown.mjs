// Runs once after all test files: drops the databases and Redis keys this run created, and
// nothing else (everything it made carries the run id).
import { Redis } from 'ioredis';
import pg from 'pg';

import { baseUrls, maintenanceUrlOf, quoteIdent } from './run-resources.mjs';

export default async function globalTeardown() {
  const { databaseUrl, redisUrl } = baseUrls();
  const prefix = process.env.REMISS_TEST_DB_PREFIX;
  const redisPrefix = process.env.REMISS_TEST_REDIS_PREFIX;
  if (!prefix || !redisPrefix) {
    return;
  }
  const client = new pg.Client({ connectionString: maintenanceUrlOf(databaseUrl) });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
