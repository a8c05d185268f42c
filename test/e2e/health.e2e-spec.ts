import { freePort } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

describe('GET /health', () => {
  it('is 200 when PostgreSQL and Redis both answer', async () => {
    const ctx = await TestContext.create({ worker: false });
    try {
      const response = await ctx.http().get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await ctx.close();
    }
  });

  it('is 503 and names Redis when Redis does not answer', async () => {
    const ctx = await TestContext.create({
      worker: false,
      env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
    });
    try {
      const response = await ctx.http().get('/health').expect(503);
      expect(response.body).toMatchObject({
        status: 'unavailable',
        checks: { postgres: { status: 'up' }, redis: { status: 'down' } },
      });
    } finally {
      await ctx.close();
    }
  });
});
