import { loadProcessConfig } from '@app/platform';

/**
 * The names jest's global setup gave this run (see global-setup.mjs). Everything a test file
 * creates (databases, Redis keys) starts with them, and the teardown removes only that.
 */
function fromSetup(name: string): string {
  // eslint-disable-next-line no-restricted-properties -- handed over by jest's global setup
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through jest (npm test)`);
  }
  return value;
}

export const templateDatabase = (): string => fromSetup('REMISS_TEST_TEMPLATE_DB');
export const databasePrefix = (): string => fromSetup('REMISS_TEST_DB_PREFIX');
export const redisPrefix = (): string => fromSetup('REMISS_TEST_REDIS_PREFIX');

export function baseDatabaseUrl(): string {
  return loadProcessConfig().database.url.reveal();
}

export function baseRedisUrl(): string {
  return loadProcessConfig().redis.url.reveal();
}
