import { Redis, type RedisOptions } from 'ioredis';

import type { AppConfig } from '../config/app-config.js';

/**
 * A Redis connection for BullMQ workers and blocking commands: BullMQ needs
 * `maxRetriesPerRequest: null` there, so commands wait through a reconnect instead of failing.
 */
export function blockingRedis(config: AppConfig, name: string): Redis {
  return new Redis(config.redis.url.reveal(), { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

/**
 * A Redis connection that fails fast while Redis is away (a command waits for at most one
 * reconnection attempt), for producers and for request paths that must answer rather than hang.
 */
export function failFastRedis(config: AppConfig, name: string, extra: RedisOptions = {}): Redis {
  return new Redis(config.redis.url.reveal(), {
    connectionName: name,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}
