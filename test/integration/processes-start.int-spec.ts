import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

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
