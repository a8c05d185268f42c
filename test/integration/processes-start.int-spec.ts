import { KNOWN_SECRETS } from '@app/platform';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

import { withScratchDatabase } from '../../scripts/database-admin.js';
import { baseDatabaseUrl } from '../setup/test-environment.js';
import { freePort } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

/**
 * The API as `npm start` runs it: its own OS process, which migrates under the lock before it
 * serves. In-process tests build the same app but skip this start-up path.
 */
describe('the API process', () => {
  let ctx: TestContext;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    ctx = await TestContext.create({ api: false, worker: false });
  });

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = once(api, 'exit');
      api.kill('SIGTERM');
      await exited;
    }
    await ctx.close();
  });

  it('migrates, listens and answers its health check', async () => {
    const port = await freePort();
    api = spawn(process.execPath, [join(process.cwd(), 'dist/apps/api/src/main.js')], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and friends
      env: { ...process.env, ...ctx.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && api.exitCode === null) {
      status = await fetch(`http://127.0.0.1:${port}/health`)
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    const exited = once(api, 'exit');
    api.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  }, 60_000);
});

/** Runs a built entry point to its end and returns its exit code and what it wrote to stderr. */
async function runToEnd(
  entry: string,
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [join(process.cwd(), entry)], {
    // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and friends
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, stderr, stdout };
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    return rows.rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('the processes in production', () => {
  let ctx: TestContext;
  const own = {
    AUTH_TOKEN_SECRET: randomBytes(36).toString('base64'),
    SIGNING_KEY_SECRET: randomBytes(36).toString('base64'),
    AUDIT_KEY: randomBytes(36).toString('base64'),
  };

  beforeAll(async () => {
    ctx = await TestContext.create({ api: false, worker: false });
  });

  afterAll(() => ctx.close());

  const production = (secrets: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(
      Object.entries({ ...ctx.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...secrets }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );

  it('refuse to start with any published secret, or with none', async () => {
    // Every published secret in every secret variable, over as few starts as that takes (each
    // start reports every bad variable), and a start with none.
    const variables = Object.keys(own);
    const configurations = [
      ...KNOWN_SECRETS.map((_, i) =>
        Object.fromEntries(variables.map((v, j) => [v, KNOWN_SECRETS[(i + j) % KNOWN_SECRETS.length]!])),
      ),
      Object.fromEntries(variables.map((v) => [v, undefined])),
    ];
    const runs = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'].flatMap((entry) =>
      configurations.map((secrets) => ({ entry, secrets })),
    );
    // On an empty database: the refusal comes before anything is migrated or written.
    const { results, tables } = await withScratchDatabase(baseDatabaseUrl(), async (url) => {
      const ended: Awaited<ReturnType<typeof runToEnd>>[] = [];
      // Two at a time: each start loads the whole application before it reads its configuration.
      for (let i = 0; i < runs.length; i += 2) {
        ended.push(
          ...(await Promise.all(
            runs.slice(i, i + 2).map((r) => runToEnd(r.entry, { ...production(r.secrets), DATABASE_URL: url })),
          )),
        );
      }
      return { results: ended, tables: await countTables(url) };
    });
    expect(tables).toBe(0);
    results.forEach((result, i) => {
      const { entry, secrets } = runs[i]!;
      expect({ entry, secrets, code: result.code }).toEqual({ entry, secrets, code: 78 });
      for (const variable of variables) {
        expect(result.stderr).toMatch(
          new RegExp(
            `^  - ${variable}: ${secrets[variable] ? 'is a published value' : 'is required in production'}`,
            'm',
          ),
        );
      }
    });
  }, 180_000);

  it('starts with secrets of its own', async () => {
    const port = await freePort();
    const api = spawn(process.execPath, [join(process.cwd(), 'dist/apps/api/src/main.js')], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and friends
      env: { ...process.env, ...production(own), HOST: '127.0.0.1', PORT: String(port) },
      stdio: 'ignore',
    });
    try {
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (Date.now() < deadline && api.exitCode === null && status !== 200) {
        status = await fetch(`http://127.0.0.1:${port}/health`)
          .then((r) => r.status)
          .catch(() => 0);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    } finally {
      if (api.exitCode === null) {
        const exited = once(api, 'exit');
        api.kill('SIGTERM');
        await exited;
      }
    }
  }, 60_000);

  it('never loads the demo directory', async () => {
    const seeded = await runToEnd('dist/scripts/seed.js', production(own));
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toContain('Demokatalogen läses aldrig in i produktion');
    const client = new pg.Client({ connectionString: ctx.env.DATABASE_URL });
    await client.connect();
    try {
      expect((await client.query(`SELECT id FROM people`)).rows).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});

describe('the development secrets of an installation', () => {
  it('are made once, whichever of the processes starting together comes first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remiss-dev-secrets-'));
    try {
      const module = pathToFileURL(join(process.cwd(), 'dist/libs/platform/src/config/development-secrets.js')).href;
      const file = join(dir, 'secrets.json');
      const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(m.developmentSecret('AUTH_TOKEN_SECRET', ${JSON.stringify(file)})))`;
      const results = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
          const [code] = (await once(child, 'close')) as [number | null];
          return { code, out, err };
        }),
      );
      expect(results.map((r) => ({ code: r.code, err: r.err }))).toEqual(results.map(() => ({ code: 0, err: '' })));
      expect(new Set(results.map((r) => r.out)).size).toBe(1);
      expect(results[0]!.out.length).toBeGreaterThanOrEqual(32);
      expect(readdirSync(dir)).toEqual(['secrets.json']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);
});
