import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { Redis } from 'ioredis';
import pg from 'pg';

const ROOT = join(import.meta.dirname, '../../../..');

/** The PostgreSQL server and Redis the tests use: the configured ones, else the local defaults. */
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/remiss';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The real system for one browser-test run: a database, a Redis key prefix and a port of its own,
 * migrated and seeded with the demo directory, and the built API and worker processes on it.
 * Everything it made carries the run's id, and `stop` removes exactly that.
 */
export class TestSystem {
  readonly #children: ChildProcess[] = [];
  readonly #output: string[] = [];

  private constructor(
    readonly id: string,
    readonly database: string,
    readonly redisPrefix: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestSystem> {
    for (const built of ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(join(ROOT, built))) {
        throw new Error(`${built} is missing: build first (npm run build)`);
      }
    }
    const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const system = new TestSystem(id, `remiss_web_${id}`, `remiss-web-${id}`, await freePort());
    const admin = new pg.Client({ connectionString: withDatabase(DATABASE_URL, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${system.database}"`);
    } finally {
      await admin.end();
    }
    try {
      system.#run('dist/scripts/migrate.js');
      system.#run('dist/scripts/seed.js', '--quiet');
      system.#spawn('dist/apps/api/src/main.js');
      system.#spawn('dist/apps/worker/src/main.js');
      // Migrating, seeding and starting Nest take seconds when idle, far longer on a loaded machine.
      await system.#waitUntilUp(120_000);
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  get env(): Record<string, string> {
    return {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      DATABASE_URL: withDatabase(DATABASE_URL, this.database),
      DATABASE_POOL_SIZE: '5',
      REDIS_URL,
      QUEUE_PREFIX: this.redisPrefix,
      LOG_LEVEL: 'warn',
      // Few attempts, so that the test of too many attempts is short.
      LOGIN_MAX_ATTEMPTS: '3',
      WORKER_CONCURRENCY: '2',
      OUTBOX_POLL_INTERVAL_MS: '200',
    };
  }

  #run(script: string, ...args: string[]): void {
    const result = spawnSync(process.execPath, [join(ROOT, script), ...args], {
      cwd: ROOT,
      env: this.env,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
    }
  }

  #spawn(script: string): void {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.#output.push(chunk.toString('utf8'));
      this.#output.splice(0, Math.max(0, this.#output.length - 200));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#children.push(child);
  }

  async #waitUntilUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const dead = this.#children.find((c) => c.exitCode !== null);
      if (dead) {
        throw new Error(`a process of the system exited (${dead.exitCode}):\n${this.#output.join('')}`);
      }
      try {
        const response = await fetch(`${this.url}/health`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`the API did not answer /health in time:\n${this.#output.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Stops the processes, then drops the database and the Redis keys of this run. */
  async stop(): Promise<void> {
    await Promise.all(
      this.#children.map(async (child) => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
      }),
    );
    const admin = new pg.Client({ connectionString: withDatabase(DATABASE_URL, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) {
          await redis.del(...keys);
        }
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
