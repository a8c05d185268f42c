import { OrganisationKind } from '@app/directory';
import { QueueRegistry, Role } from '@app/platform';
import type { TestPerson } from '@app/testing';

import { PrivateRedis, WorkerProcesses } from '../support/processes.js';
import { TestContext } from '../support/test-context.js';

/**
 * A Redis that restarts empty loses the jobs it held. The worker notices at once (its marker key
 * is gone) and hands them over again, rather than after OUTBOX_REDELIVER_AFTER_MS (five minutes
 * here, as by default): the status board moves on within seconds.
 */
describe('a Redis that lost its data', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;
  let officer: TestPerson;
  let recipientIds: string[];
  const workers = new WorkerProcesses(() => ctx.env);

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await TestContext.create({
      worker: false,
      env: { REDIS_URL: redis.url, OUTBOX_REDELIVER_AFTER_MS: '300000' },
    });
    const sender = await ctx.factories.organisation({ kind: OrganisationKind.ExecutiveBoard });
    officer = await ctx.factories.person(sender.id, { roles: [Role.CaseOfficer] });
    recipientIds = [];
    for (let i = 0; i < 3; i++) {
      recipientIds.push((await ctx.factories.organisation()).id);
    }
  });

  afterAll(async () => {
    await workers.killAll();
    await redis.up();
    await ctx.close();
    await redis.down();
  });

  it('hands the lost jobs over at once, and the status board shows the remiss registered', async () => {
    await workers.start();
    const headers = await ctx.as(officer);
    const created = await ctx
      .http()
      .post('/api/v1/consultations')
      .set(headers)
      .send({
        title: 'Förslag till parkeringsplan',
        responseDeadline: '2099-06-30',
        sections: [{ title: 'Boendeparkering' }],
        recipients: { organisationIds: recipientIds },
      })
      .expect(201);
    const consultationId = (created.body as { id: string }).id;
    // The worker takes nothing from the queues for now: what is relayed stays in Redis.
    const queues = ctx.get(QueueRegistry).all();
    await Promise.all(queues.map((q) => q.pause()));
    await ctx.http().post(`/api/v1/consultations/${consultationId}/send`).set(headers).expect(200);
    await until(async () => {
      const [row] = await ctx.query<{ relayed: number; open: number }>(
        `SELECT count(*) FILTER (WHERE relayed_at IS NOT NULL)::int AS relayed, count(*)::int AS open
         FROM outbox_jobs WHERE settled_at IS NULL`,
      );
      return row!.open > 0 && row!.relayed === row!.open;
    });
    // Redis restarts empty: the relayed jobs, and the pause, are gone.
    await redis.down();
    await redis.up();
    await ctx.drain(60_000);
    const board = await ctx.http().get(`/api/v1/consultations/${consultationId}/status-board`).set(headers).expect(200);
    expect(board.body).toMatchObject({ total: 3, counts: { registered: 3 } });
  }, 120_000);
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
