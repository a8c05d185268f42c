import { RoleService } from '@app/directory';
import { NotificationService } from '@app/notification';
import {
  APP_CONFIG,
  type AppConfig,
  Db,
  JobName,
  OutboxRelay,
  OutboxService,
  QueueName,
  QueueRegistry,
  Role,
  systemActor,
} from '@app/platform';
import type { TestPerson } from '@app/testing';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

import { TestContext } from '../support/test-context.js';
import { type LogLine, PrivateRedis, type WorkerProcess, WorkerProcesses } from '../support/processes.js';

/**
 * The outbox end to end, with the worker as a separate OS process: jobs commit with their
 * state change, run once in effect, survive Redis being away and a worker killed mid-job.
 */
describe('outbox and worker', () => {
  let ctx: TestContext;
  let organisationId: string;
  const workers = new WorkerProcesses(() => ctx.env);

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    organisationId = (await ctx.factories.organisation()).id;
  });

  afterEach(() => workers.killAll());

  afterAll(() => ctx.close());

  const startWorker = (env: Record<string, string> = {}): Promise<WorkerProcess> => workers.start(env);

  /** A person, and a role granted to them: the grant's job tells them in their inbox. */
  async function grant(role = Role.Registrar): Promise<TestPerson & { grantId: string }> {
    const person = await ctx.factories.person(organisationId);
    const held = await ctx.get(RoleService).grant(systemActor('test'), person.id, role, organisationId);
    return { ...person, grantId: held.id };
  }

  async function notificationsOf(personId: string): Promise<number> {
    const [row] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE person_id = $1`, [
      personId,
    ]);
    return row!.n;
  }

  it('never runs a job written in a transaction that rolled back', async () => {
    await startWorker();
    const audience = await ctx.factories.person(organisationId, { roles: [Role.CaseOfficer] });
    const post = (sourceKey: string) =>
      ctx.get(Db).transaction(async (tx) => {
        await ctx.get(NotificationService).post(tx, {
          sourceKey,
          organisationId,
          audience: { roles: [Role.CaseOfficer] },
          kind: 'test',
          title: 'Prov',
          body: 'Prov',
        });
        if (sourceKey === 'rolled-back') {
          throw new Error('roll back');
        }
      });
    await expect(post('rolled-back')).rejects.toThrow('roll back');
    await post('committed');
    await ctx.drain();
    const rows = await ctx.query<{ title: string; source_key: string }>(
      `SELECT m.source_key FROM notifications n JOIN notification_messages m ON m.id = n.message_id WHERE n.person_id = $1`,
      [audience.id],
    );
    expect(rows.map((r) => r.source_key).filter((k) => k !== `role-granted:${audience.roles[0]!.id}`)).toEqual([
      'committed',
    ]);
    const [{ n }] = (await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_jobs WHERE name = $1`, [
      JobName.FanOutNotification,
    ])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('runs a committed job once in effect, also when it is relayed and run a second time', async () => {
    await startWorker();
    const person = await grant();
    await ctx.drain();
    expect(await notificationsOf(person.id)).toBe(1);
    // Lose the acknowledgement and the BullMQ job: the relay hands the job over again and the
    // handler runs a second time, finding its own earlier result.
    const [job] = await ctx.query<{ id: string }>(
      `SELECT id FROM outbox_jobs WHERE payload->>'roleAssignmentId' = $1`,
      [person.grantId],
    );
    // The outbox row is settled inside the handler, a moment before BullMQ moves the job out of
    // 'active'; a job still locked is not removed, so try until it is gone.
    const queue = ctx.get(QueueRegistry).get(QueueName.Notifications);
    const until = Date.now() + 10_000;
    while ((await queue.remove(job!.id)) !== 1) {
      if (Date.now() > until) {
        throw new Error(`job ${job!.id} could not be removed from BullMQ`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await ctx.query(`UPDATE outbox_jobs SET relayed_at = NULL, settled_at = NULL, outcome = NULL WHERE id = $1`, [
      job!.id,
    ]);
    await ctx.drain();
    const [row] = await ctx.query<{ relay_count: number; outcome: string }>(
      `SELECT relay_count, outcome FROM outbox_jobs WHERE id = $1`,
      [job!.id],
    );
    expect(row).toEqual({ relay_count: 2, outcome: 'completed' });
    expect(await notificationsOf(person.id)).toBe(1);
  });

  it('keeps jobs committed while Redis is unreachable and relays them when it is back', async () => {
    const redis = await PrivateRedis.start();
    try {
      const worker = await startWorker({ REDIS_URL: redis.url });
      await redis.down();
      const failedBefore = worker.logs.filter(relayRoundFailed).length;
      const person = await grant();
      // Relay rounds fail while Redis is away (two after the grant, so one has seen its row); the row waits in the outbox.
      await worker.waitForLog(() => worker.logs.filter(relayRoundFailed).length >= failedBefore + 2, 60_000);
      const [pending] = await ctx.query<{ relayed_at: Date | null; settled_at: Date | null }>(
        `SELECT relayed_at, settled_at FROM outbox_jobs WHERE payload->>'roleAssignmentId' = $1`,
        [person.grantId],
      );
      expect(pending).toEqual({ relayed_at: null, settled_at: null });
      expect(await notificationsOf(person.id)).toBe(0);
      await redis.up();
      await ctx.drain(30_000);
      expect(await notificationsOf(person.id)).toBe(1);
    } finally {
      await redis.down();
    }
  });

  it('finishes a job whose worker was killed mid-job exactly once, in a new worker', async () => {
    const first = await startWorker();
    // Hold the inbox table so the job blocks halfway (it has read the grant, not yet written).
    const blocker = new pg.Client({ connectionString: ctx.config.database.url.reveal() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE notifications IN SHARE MODE');
      const person = await grant();
      await first.waitForLog((l) => l.msg === 'job started' && l.job === JobName.RoleGranted);
      await waitForLockWaiter(ctx);
      expect(await first.stop('SIGKILL')).toBeNull();
      await blocker.query('ROLLBACK');
      await startWorker();
      await ctx.drain(30_000);
      expect(await notificationsOf(person.id)).toBe(1);
    } finally {
      await blocker.end();
    }
  });

  it('shares one queue between two worker processes, each job done once', async () => {
    const one = await startWorker({ WORKER_CONCURRENCY: '1' });
    const two = await startWorker({ WORKER_CONCURRENCY: '1' });
    const people = await Promise.all(Array.from({ length: 30 }, () => grant(Role.CaseOfficer)));
    await ctx.drain(60_000);
    for (const person of people) {
      expect(await notificationsOf(person.id)).toBe(1);
    }
    const done = [...one.completedJobIds(), ...two.completedJobIds()];
    expect(new Set(done).size).toBe(done.length);
    expect(done.length).toBeGreaterThanOrEqual(30);
    expect(one.completedJobIds().length).toBeGreaterThan(0);
    expect(two.completedJobIds().length).toBeGreaterThan(0);
  });

  it('finishes its active job and exits cleanly on SIGTERM', async () => {
    const worker = await startWorker();
    const blocker = new pg.Client({ connectionString: ctx.config.database.url.reveal() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE notifications IN SHARE MODE');
      const person = await grant();
      await worker.waitForLog((l) => l.msg === 'job started' && l.job === JobName.RoleGranted);
      await waitForLockWaiter(ctx);
      const exit = worker.stop('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await blocker.query('ROLLBACK');
      expect(await exit).toBe(0);
      expect(worker.logs.some((l) => l.msg === 'job completed')).toBe(true);
      expect(await notificationsOf(person.id)).toBe(1);
      const [row] = await ctx.query<{ outcome: string }>(
        `SELECT outcome FROM outbox_jobs WHERE payload->>'roleAssignmentId' = $1`,
        [person.grantId],
      );
      expect(row!.outcome).toBe('completed');
    } finally {
      await blocker.end();
    }
  });

  it('relays each row once when two relays claim side by side', async () => {
    const db = ctx.get(Db);
    const queues = ctx.get(QueueRegistry);
    const config = ctx.get<AppConfig>(APP_CONFIG);
    const outbox = ctx.get(OutboxService);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        // A message that does not exist: the handler finds nothing to deliver.
        await outbox.add(tx, JobName.FanOutNotification, { messageId: '00000000-0000-4000-8000-000000000000' });
      }
    });
    const relays = [new OutboxRelay(db, queues, config), new OutboxRelay(db, queues, config)];
    let relayed = 0;
    for (;;) {
      const counts = await Promise.all(relays.map((r) => r.relayPending()));
      relayed += counts[0]! + counts[1]!;
      if (counts.every((c) => c === 0)) {
        break;
      }
    }
    expect(relayed).toBe(300);
    const [row] = await ctx.query<{ max: number; min: number }>(
      `SELECT max(relay_count)::int AS max, min(relay_count)::int AS min FROM outbox_jobs WHERE name = $1 AND payload->>'messageId' = $2`,
      [JobName.FanOutNotification, '00000000-0000-4000-8000-000000000000'],
    );
    expect(row).toEqual({ max: 1, min: 1 });
    await startWorker();
    await ctx.drain();
  });
});

describe('outbox redelivery', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    // One attempt: a job that throws is failed for good at once.
    ctx = await TestContext.create({ worker: false, env: { QUEUE_JOB_ATTEMPTS: '1' } });
  });

  afterAll(() => ctx.close());

  it('settles the rows whose jobs finished unrecorded, from BullMQ’s word, and relays again the jobs it lost', async () => {
    const db = ctx.get(Db);
    const queues = ctx.get(QueueRegistry);
    const config = ctx.get<AppConfig>(APP_CONFIG);
    const relay = new OutboxRelay(db, queues, config);
    const [done, failing, lost] = await db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(await ctx.get(OutboxService).add(tx, JobName.FanOutNotification, { messageId: randomUUID() }));
      }
      return ids as [string, string, string];
    });
    while ((await relay.relayPending()) > 0) {
      // relay every pending row
    }
    const queue = queues.get(QueueName.Notifications);
    expect(await queue.remove(lost)).toBe(1);
    // A worker that runs the jobs but dies before recording them: the rows stay unsettled.
    const connection = new Redis(config.redis.url.reveal(), { maxRetriesPerRequest: null });
    const worker = new Worker(
      QueueName.Notifications,
      async (job) => {
        if (job.id === failing) {
          throw new Error('Mottagaren finns inte');
        }
      },
      { connection, prefix: queues.prefix },
    );
    try {
      const until = Date.now() + 60_000;
      while ((await queue.getJobState(done)) !== 'completed' || (await queue.getJobState(failing)) !== 'failed') {
        if (Date.now() > until) {
          throw new Error('the jobs did not finish in BullMQ');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await worker.close();
      connection.disconnect();
    }
    await ctx.query(`UPDATE outbox_jobs SET relayed_at = now() - interval '1 hour' WHERE id = ANY($1::uuid[])`, [
      [done, failing, lost],
    ]);

    expect(await relay.redeliverUnsettled()).toBe(1);

    const rows = await ctx.query<{
      id: string;
      outcome: string | null;
      last_error: string | null;
      relay_count: number;
      settled: boolean;
    }>(
      `SELECT id, outcome, last_error, relay_count, settled_at IS NOT NULL AS settled FROM outbox_jobs WHERE id = ANY($1::uuid[])`,
      [[done, failing, lost]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(done)).toMatchObject({ outcome: 'completed', settled: true, relay_count: 1 });
    expect(byId.get(failing)).toMatchObject({ outcome: 'failed', settled: true, relay_count: 1 });
    expect(byId.get(failing)!.last_error).toContain('Mottagaren finns inte');
    expect(byId.get(lost)).toMatchObject({ outcome: null, settled: false, relay_count: 2 });
    expect(await queue.getJob(lost)).toBeDefined();
    await queue.remove(lost);
  });
});

/** Waits until a worker's database session is blocked on a lock (the job is mid-way). */
async function waitForLockWaiter(ctx: TestContext): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'remiss-worker' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error('the job never blocked on the held lock');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function relayRoundFailed(line: LogLine): boolean {
  return line.msg === 'outbox relay round failed; rows stay pending';
}
