import Fastify from 'fastify';
import pg from 'pg';

/**
 * The floor the read endpoints are measured against, as its own process: bare Fastify and a pg
 * pool of the API's size answering one primary-key query on `statements`, on the benchmark's
 * database. Nothing of the product runs here.
 */
// eslint-disable-next-line no-restricted-properties -- the benchmark gives exactly these two settings
const { DATABASE_URL, PORT } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, application_name: 'remiss-bench-floor' });
const server = Fastify({ logger: false });
server.get<{ Params: { id: string } }>('/floor/:id', async (request, reply) => {
  const { rows } = await pool.query('SELECT * FROM statements WHERE id = $1', [request.params.id]);
  if (rows.length === 0) {
    return reply.code(404).send({ error: 'not found' });
  }
  return rows[0] as object;
});
server.get('/health', () => ({ status: 'ok' }));
await server.listen({ port: Number(PORT), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ msg: 'floor listening' })}\n`);
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
