import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import type { BenchEnvironment } from './bench-environment.js';
import { waitFor } from './async-helpers.js';

/** The built worker, beside this file in the build (`.bench-dist`). */
const WORKER_MAIN = fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url));

export interface WorkerLogLine {
  readonly msg?: string;
  readonly jobId?: string;
  readonly job?: string;
  readonly ms?: number;
  readonly time?: number;
  readonly level?: number;
  readonly [key: string]: unknown;
}

/**
 * The real worker (`apps/worker/src/main.js` of the build) as an OS process, as
 * test/support/processes.ts starts it, with the benchmark's database, Redis and key prefix and
 * nothing else from the environment. Its JSON log lines are collected.
 */
export class BenchWorkerProcess {
  readonly logs: WorkerLogLine[] = [];
  #partial = '';
  #stderr = '';

  private constructor(readonly child: ChildProcess) {}

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /**
   * Starts a worker and waits for "worker running". `settings` are its environment variables
   * (WORKER_CONCURRENCY and the like); `nodeOptions` go before the script (e.g. `--cpu-prof`);
   * `preload` modules are loaded with `--import` before the worker's own code.
   */
  static async start(
    env: BenchEnvironment,
    settings: Readonly<Record<string, string>>,
    options: { readonly preload?: readonly string[]; readonly nodeOptions?: readonly string[] } = {},
  ): Promise<BenchWorkerProcess> {
    const args = [
      ...(options.nodeOptions ?? []),
      ...(options.preload ?? []).flatMap((m) => ['--import', m]),
      WORKER_MAIN,
    ];
    const child = spawn(process.execPath, args, {
      env: {
        // eslint-disable-next-line no-restricted-properties -- only where to find programs; the rest is given
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'test',
        DATABASE_URL: env.databaseUrl,
        REDIS_URL: env.redisUrl,
        QUEUE_PREFIX: env.queuePrefix,
        LOG_LEVEL: 'info',
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new BenchWorkerProcess(child);
    running.add(worker);
    child.once('exit', () => running.delete(worker));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => worker.#take(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (worker.#stderr += chunk));
    await worker.waitForLog((l) => l.msg === 'worker running', 60_000);
    return worker;
  }

  #take(chunk: string): void {
    const lines = (this.#partial + chunk).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        this.logs.push(JSON.parse(line) as WorkerLogLine);
      } catch {
        // not a log line
      }
    }
  }

  async waitForLog(predicate: (line: WorkerLogLine) => boolean, timeoutMs: number): Promise<WorkerLogLine> {
    await waitFor(
      () => this.logs.some(predicate) || this.child.exitCode !== null || this.child.signalCode !== null,
      timeoutMs,
      'a worker log line',
    );
    const line = this.logs.find(predicate);
    if (!line) {
      throw new Error(`worker exited (${this.child.exitCode}) before logging the line; stderr: ${this.#stderr}`);
    }
    return line;
  }

  /** Sends the signal and waits for the process to end; returns its exit code (null when killed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return this.child.exitCode;
    }
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const [code] = (await exited) as [number | null];
    clearTimeout(timer);
    return code;
  }
}

const running = new Set<BenchWorkerProcess>();

/** Stops every worker process still running (SIGTERM, SIGKILL after 10 s): a clean-up step. */
export async function stopAllWorkers(): Promise<void> {
  await Promise.all([...running].map((w) => w.stop('SIGTERM', 10_000)));
}

// A last resort when the benchmark itself exits without cleaning up: no worker outlives it.
process.once('exit', () => {
  for (const worker of running) {
    worker.child.kill('SIGKILL');
  }
});
