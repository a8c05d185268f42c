import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

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

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface LogLine {
  readonly msg?: string;
  readonly jobId?: string;
  readonly job?: string;
  readonly pid?: number;
  readonly [key: string]: unknown;
}

/**
 * The real worker (`dist/apps/worker/src/main.js`) as a separate OS process, so tests can kill
 * it with SIGKILL mid-job or stop it with SIGTERM. Its JSON log lines are collected.
 */
export class WorkerProcess {
  readonly logs: LogLine[] = [];
  #output = '';

  private constructor(readonly child: ChildProcess) {}

  static async start(env: Readonly<Record<string, string>>): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/apps/worker/src/main.js')], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and friends
      env: { ...process.env, ...env, RENDER_THREADS: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => worker.#take(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (worker.#output += chunk));
    // A cold start of Node, Nest and the queues: seconds when idle, far longer on a loaded machine.
    await worker.waitForLog((l) => l.msg === 'worker running', 90_000);
    return worker;
  }

  #take(chunk: string): void {
    this.#output += chunk;
    const lines = this.#output.split('\n');
    this.#output = lines.pop() ?? '';
    for (const line of lines) {
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    await waitFor(() => this.logs.some(predicate) || this.child.exitCode !== null, timeoutMs, 'a worker log line');
    const line = this.logs.find(predicate);
    if (!line) {
      throw new Error(`worker exited (${this.child.exitCode}) before logging the line; output: ${this.#output}`);
    }
    return line;
  }

  completedJobIds(): string[] {
    return this.logs.filter((l) => l.msg === 'job completed').map((l) => String(l.jobId));
  }

  /** Sends the signal and waits for the process to end; returns its exit code (null when killed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return this.child.exitCode;
    }
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  }
}

/** A private redis-server on a free port, which a test may stop and start (never the shared one). */
export class PrivateRedis {
  #child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server, unless it is running already. */
  async up(): Promise<void> {
    if (this.#child && this.#child.exitCode === null && this.#child.signalCode === null) {
      return;
    }
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    this.#child = child;
    let ready = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('Ready to accept connections')) {
        ready = true;
      }
    });
    await waitFor(() => ready, 10_000, 'redis-server to start');
  }

  async down(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/** The worker processes one test file starts; `killAll` after each test leaves none behind. */
export class WorkerProcesses {
  readonly #running: WorkerProcess[] = [];

  /** `env` is read at each start: the test context it comes from exists only after beforeAll. */
  constructor(private readonly env: () => Readonly<Record<string, string>>) {}

  async start(env: Readonly<Record<string, string>> = {}): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start({ ...this.env(), ...env });
    this.#running.push(worker);
    return worker;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.#running.splice(0).map((w) => w.stop('SIGKILL')));
  }
}
