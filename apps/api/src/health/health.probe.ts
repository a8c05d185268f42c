import { APP_CONFIG, type AppConfig, Db, failFastRedis } from '@app/platform';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface DependencyCheck {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: { readonly postgres: DependencyCheck; readonly redis: DependencyCheck };
}

const TIMEOUT_MS = 2_000;

async function timed(work: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Asks PostgreSQL and Redis whether they answer. */
@Injectable()
export class HealthProbe implements OnApplicationShutdown {
  readonly #redis: Redis;

  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.#redis = failFastRedis(config, `${config.queue.prefix}:health`);
    this.#redis.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      timed(() => this.db.reader.query('SELECT 1')),
      timed(() => this.#redis.ping()),
    ]);
    return {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'unavailable',
      checks: { postgres, redis },
    };
  }

  onApplicationShutdown(): void {
    this.#redis.disconnect();
  }
}
