import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import { waitFor } from './async-helpers.js';

/** The built API, beside this file in the build (`.bench-dist`). */
export const API_MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));
/** The floor server, beside this file in the build. */
export const FLOOR_MAIN = fileURLToPath(new URL('./floor-server.js', import.meta.url));
/** The query counter, loaded with `--import` into a measured server. */
export const QUERY_COUNTER = new URL('./query-counter.js', import.meta.url).href;

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
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
 * An HTTP server the benchmark measures (the API, the floor) as an OS process with exactly the
 * environment given (plus PATH), an IPC channel for the query counter, and its output kept for
 * the error message should it die.
 */
export class BenchServerProcess {
  #output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(
    script: string,
    settings: Readonly<Record<string, string>>,
    options: { readonly preload?: readonly string[]; readonly timeoutMs?: number } = {},
  ): Promise<BenchServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...(options.preload ?? []).flatMap((m) => ['--import', m]), script], {
      env: {
        // eslint-disable-next-line no-restricted-properties -- only where to find programs; the rest is given
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ...settings,
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new BenchServerProcess(child, `http://127.0.0.1:${port}`);
    running.add(server);
    child.once('exit', () => running.delete(server));
    const keep = (chunk: string): void => {
      server.#output = (server.#output + chunk).slice(-20_000);
    };
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`${script} exited (${child.exitCode}); output: ${server.#output}`);
        }
        try {
          return (await fetch(`${server.url}/health`)).ok;
        } catch {
          return false;
        }
      },
      options.timeoutMs ?? 90_000,
      `${script} to answer /health`,
      200,
    );
    return server;
  }

  /** The statements the process has sent to PostgreSQL so far (needs the query counter preloaded). */
  async queries(): Promise<number> {
    const answer = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the query counter did not answer')), 120_000);
      this.child.once('message', (message: { queries: number }) => {
        clearTimeout(timer);
        resolve(message.queries);
      });
    });
    this.child.send('queries?');
    return answer;
  }

  /** Sends SIGTERM and waits for the process to end (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

const running = new Set<BenchServerProcess>();

/** Stops every server process still running: a clean-up step. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

// A last resort when the benchmark itself exits without cleaning up: no server outlives it.
process.once('exit', () => {
  for (const server of running) {
    server.child.kill('SIGKILL');
  }
});
