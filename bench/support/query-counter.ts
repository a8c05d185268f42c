import pg from 'pg';

/**
 * Loaded with `--import` into a process the benchmark starts (never into the product): counts
 * every statement the process sends to PostgreSQL — BEGIN and COMMIT included, since each is a
 * round trip — and answers the count over the IPC channel, so the benchmark can report queries
 * per request without pg_stat_statements on the server.
 */
let queries = 0;
const original = pg.Client.prototype.query;
// One counted call per statement, whatever form (text, config object, callback) the caller uses.
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]): unknown {
  queries += 1;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

process.on('message', (message: unknown) => {
  if (message === 'queries?') {
    process.send?.({ queries });
  }
});
