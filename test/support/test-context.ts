import { type AppConfig, loadAppConfig, SettableClock } from '@app/platform';
import { Factories, type TestPerson } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';

import { type ApiApp, createApiApp } from '../../apps/api/src/api-app.js';
import { createWorkerApp, type WorkerApp } from '../../apps/worker/src/worker-app.js';
import { createDatabase, dropDatabase } from '../../scripts/database-admin.js';
import { deleteRedisKeys } from '../../scripts/redis-admin.js';
import {
  baseDatabaseUrl,
  baseRedisUrl,
  databasePrefix,
  redisPrefix,
  templateDatabase,
} from '../setup/test-environment.js';

export interface TestContextOptions {
  /** Boot the API in-process (default true). */
  readonly api?: boolean;
  /** Boot the worker in-process (default true). */
  readonly worker?: boolean;
  /** Extra environment for the config (e.g. short stalled intervals). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * One test file's world: its own database copied from the run's template, its own Redis key
 * prefix, a settable clock, and the API and worker booted in-process. `close` removes it all.
 */
export class TestContext {
  readonly clock = new SettableClock();
  #api: ApiApp | undefined;
  #worker: WorkerApp | undefined;

  private constructor(
    readonly config: AppConfig,
    readonly env: Readonly<Record<string, string>>,
    readonly databaseName: string,
  ) {}

  static async create(options: TestContextOptions = {}): Promise<TestContext> {
    const tag = randomBytes(4).toString('hex');
    const databaseName = `${databasePrefix()}${tag}`;
    const databaseUrl = await createDatabase(baseDatabaseUrl(), databaseName, templateDatabase());
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: baseRedisUrl(),
      QUEUE_PREFIX: `${redisPrefix()}:${tag}`,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_INTERVAL_MS: '200',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      QUEUE_LOCK_DURATION_MS: '2000',
      LOGIN_MAX_ATTEMPTS: '1000',
      // The in-process apps run from the TypeScript sources, and a render thread starts only from
      // the built JavaScript: they render in the job's thread. Worker processes use threads.
      RENDER_THREADS: '0',
      ...options.env,
    };
    const ctx = new TestContext(loadAppConfig(env), env, databaseName);
    const logger = pino({ level: 'silent' });
    if (options.api ?? true) {
      ctx.#api = await createApiApp(ctx.config, { clock: ctx.clock, logger });
    }
    if (options.worker ?? true) {
      ctx.#worker = await createWorkerApp(ctx.config, { clock: ctx.clock, logger });
    }
    return ctx;
  }

  get api(): ApiApp {
    if (!this.#api) {
      throw new Error('this test context has no API');
    }
    return this.#api;
  }

  get worker(): WorkerApp {
    if (!this.#worker) {
      throw new Error('this test context has no in-process worker');
    }
    return this.#worker;
  }

  /** The Nest container of the API (or of the worker when there is no API). */
  get app(): INestApplicationContext {
    return this.#api?.app ?? this.worker.app;
  }

  get<T>(token: (abstract new (...args: never[]) => T) | symbol): T {
    return this.app.get<T>(token);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get factories(): Factories {
    return new Factories(this.app);
  }

  http(): TestAgent {
    return request(this.api.app.getHttpServer());
  }

  async login(person: Pick<TestPerson, 'email' | 'password'>, organisationId?: string): Promise<string> {
    const response = await this.http()
      .post('/api/v1/auth/login')
      .send({ email: person.email, password: person.password, ...(organisationId ? { organisationId } : {}) });
    if (response.status !== 200) {
      throw new Error(`login of ${person.email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return (response.body as { accessToken: string }).accessToken;
  }

  /** Headers for a request as the person (logs in on first use). */
  async as(person: Pick<TestPerson, 'email' | 'password'>, organisationId?: string): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.login(person, organisationId)}` };
  }

  /** Waits until every outbox job has been relayed and settled. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await this.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM outbox_jobs WHERE settled_at IS NULL`,
      );
      if (row?.open === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`outbox not drained after ${timeoutMs} ms (${row?.open} jobs open)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return await this.dataSource.query<T[]>(sql, parameters);
  }

  async close(): Promise<void> {
    await this.#worker?.close();
    await this.#api?.app.close();
    await dropDatabase(baseDatabaseUrl(), this.databaseName);
    await deleteRedisKeys(baseRedisUrl(), `${this.config.queue.prefix}*`);
  }
}
