import { QueueRegistry } from '@app/platform';

import type { TestContext } from './test-context.js';

export interface StateSnapshot {
  /** One fingerprint per table: its row count and an md5 over every row. */
  readonly tables: Readonly<Record<string, string>>;
  /** Job counts of every queue. */
  readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Fingerprints the whole state a request could change: every table (rows, audit records,
 * outbox rows) and every queue. Two equal snapshots mean nothing changed.
 */
export async function snapshot(ctx: TestContext): Promise<StateSnapshot> {
  const tables = await ctx.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const fingerprints: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await ctx.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
    );
    fingerprints[table_name] = `${row!.n}:${row!.digest ?? ''}`;
  }
  const queues: Record<string, Record<string, number>> = {};
  for (const queue of ctx.get(QueueRegistry).all()) {
    queues[queue.name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  }
  return { tables: fingerprints, queues };
}

/**
 * Runs `action` and fails the test if it changed any table or queue, including through jobs it
 * queued (the outbox is drained before and after). Returns what the action returned.
 */
export async function expectNothingChanged<T>(ctx: TestContext, action: () => Promise<T>): Promise<T> {
  await ctx.drain();
  const before = await snapshot(ctx);
  const result = await action();
  await ctx.drain();
  const after = await snapshot(ctx);
  expect(after).toEqual(before);
  return result;
}
