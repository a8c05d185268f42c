import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU seconds (user + system) a process has used so far; 0 when it is gone. Linux only. */
export async function processCpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** A reading of where the machine's CPU time went, to subtract from a later one. */
export interface CpuReading {
  /** Busy CPU seconds of the whole machine (all cores; everything but idle and iowait). */
  readonly machineBusy: number;
  /** CPU seconds of every PostgreSQL server process (backends and helpers) alive at both readings. */
  readonly postgres: number;
  readonly redis: number;
  /** CPU seconds of the given processes (the benchmark's own). */
  readonly processes: ReadonlyMap<number, number>;
  readonly at: number;
}

async function serverCpu(): Promise<{ postgres: number; redis: number }> {
  let postgres = 0;
  let redis = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name === 'postgres' || name === 'redis-server') {
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
        if (name === 'postgres') {
          postgres += seconds;
        } else {
          redis += seconds;
        }
      }
    } catch {
      // the process ended while we looked
    }
  }
  return { postgres, redis };
}

/** Reads the machine's busy time, PostgreSQL's and Redis's CPU, and that of `pids`. Linux only (/proc). */
export async function readCpu(pids: readonly number[]): Promise<CpuReading> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const [, ...values] = line.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const servers = await serverCpu();
  const processes = new Map<number, number>();
  for (const pid of pids) {
    processes.set(pid, await processCpuSeconds(pid));
  }
  return {
    machineBusy: (total - idle) / TICKS_PER_SECOND,
    ...servers,
    processes,
    at: performance.now(),
  };
}

/** CPU used between two readings, each as a share of the wall time (1.0 = one core busy throughout). */
export interface CpuShares {
  readonly wallMs: number;
  readonly machine: number;
  readonly postgres: number;
  readonly redis: number;
  /** Per process of the first reading, by pid. */
  readonly processes: Readonly<Record<string, number>>;
  /** The given processes together. */
  readonly processesTotal: number;
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuShares {
  const seconds = (after.at - before.at) / 1000;
  const processes: Record<string, number> = {};
  let processesTotal = 0;
  for (const [pid, start] of before.processes) {
    const used = (after.processes.get(pid) ?? start) - start;
    processes[String(pid)] = used / seconds;
    processesTotal += used / seconds;
  }
  return {
    wallMs: after.at - before.at,
    machine: (after.machineBusy - before.machineBusy) / seconds,
    // Backends that ended between the readings drop out; the benchmark's connections stay open.
    postgres: Math.max(0, after.postgres - before.postgres) / seconds,
    redis: Math.max(0, after.redis - before.redis) / seconds,
    processes,
    processesTotal,
  };
}
