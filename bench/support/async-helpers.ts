import type pg from 'pg';

/**
 * Polls `sql` (a query returning one row with an integer `n`) on a connection of its own, outside
 * any pool the measured code uses, every `intervalMs` until `done(n)`; returns that moment
 * (`performance.now()`). Throws after `timeoutMs`.
 */
export async function waitUntil(
  poller: pg.Client,
  sql: string,
  parameters: unknown[],
  done: (n: number) => boolean,
  timeoutMs: number,
  intervalMs = 20,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await poller.query<{ n: number }>(sql, parameters);
    const n = rows[0]?.n ?? 0;
    if (done(n)) {
      return performance.now();
    }
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${sql} (last ${n})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until `check` says yes, every `intervalMs`; throws after `timeoutMs` naming `what`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 25,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Runs `work` over `items`, `width` at a time; the results in the items' order. */
export async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map((item, j) => work(item, start + j)))));
  }
  return results;
}
