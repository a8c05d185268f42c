import { Inject, Injectable, Logger } from '@nestjs/common';
import pg from 'pg';

import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Db } from '../database/db.service.js';
import type { QueueName } from './job-contract.js';
import { OUTBOX_CHANNEL } from './outbox.service.js';
import { QueueRegistry } from './queue-registry.js';

const BATCH = 500;

type JobState =
  | { readonly state: 'missing' | 'completed' | 'pending' }
  | { readonly state: 'failed'; readonly reason: string | null };

interface PendingRow {
  id: string;
  queue: QueueName;
  name: string;
  payload: unknown;
}

/**
 * Moves committed outbox rows into BullMQ, using each row's id as the job id, and marks them
 * relayed. Rows are claimed with SKIP LOCKED, so any number of workers can relay side by side.
 * If Redis is away the claiming transaction rolls back and the rows wait for the next round.
 * Relayed rows whose job never settled (Redis lost it, or it is stuck) are relayed again: at
 * once when Redis is seen to have lost its data, otherwise after OUTBOX_REDELIVER_AFTER_MS.
 */
@Injectable()
export class OutboxRelay {
  readonly #log = new Logger(OutboxRelay.name);
  #listener: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  #lastRedelivery = 0;

  constructor(
    private readonly db: Db,
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts listening for new rows and polling as a fallback. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#listen();
    this.#timer = setInterval(() => this.kick(), this.config.outbox.pollIntervalMs);
    this.#timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) {
      clearInterval(this.#timer);
    }
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#running;
  }

  /** Asks for a relay round; rounds never overlap within one process. */
  kick(): void {
    if (this.#stopped) {
      return;
    }
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#round().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  async #round(): Promise<void> {
    try {
      if (await this.#redisLostItsData()) {
        await this.#handOverLostJobs();
      }
      while ((await this.relayPending()) === BATCH) {
        // keep going while there is a full batch behind this one
      }
      if (Date.now() - this.#lastRedelivery >= Math.min(this.config.outbox.redeliverAfterMs, 60_000)) {
        this.#lastRedelivery = Date.now();
        await this.redeliverUnsettled();
      }
    } catch (error) {
      this.#log.warn({ msg: 'outbox relay round failed; rows stay pending', error: String(error) });
      await this.queues.reset();
    }
  }

  /** Relays one batch of pending rows; returns how many went to BullMQ. */
  async relayPending(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<PendingRow[]>(
        `SELECT id, queue, name, payload FROM outbox_jobs
         WHERE relayed_at IS NULL AND settled_at IS NULL AND available_at <= now()
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) {
        return 0;
      }
      await this.#enqueue(rows);
      await tx.query(
        `UPDATE outbox_jobs SET relayed_at = now(), relay_count = relay_count + 1 WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  /**
   * Relays again the rows that were relayed long ago but never settled and whose job BullMQ no
   * longer holds. The job id keeps BullMQ from holding two copies; the handlers' idempotence
   * keeps a second run harmless.
   */
  async redeliverUnsettled(): Promise<number> {
    return (await this.#redeliverRelayedBefore(null)).lost;
  }

  /**
   * Whether Redis has lost its data since this relay last looked: a marker key, written when
   * missing, is gone after Redis restarted empty (or on the first look at a new Redis). Checked
   * every round, so that jobs Redis lost are handed over at once, not after
   * OUTBOX_REDELIVER_AFTER_MS.
   */
  async #redisLostItsData(): Promise<boolean> {
    const written = await this.queues.connection().set(this.#markerKey(), new Date().toISOString(), 'NX');
    return written === 'OK';
  }

  #markerKey(): string {
    return `${this.queues.prefix}:outbox:redis-marker`;
  }

  /** Every row relayed before now and not settled whose job BullMQ no longer holds is relayed again. */
  async #handOverLostJobs(): Promise<void> {
    const [{ now }] = (await this.db.reader.query<{ now: Date }[]>(`SELECT clock_timestamp() AS now`)) as [
      { now: Date },
    ];
    let lost = 0;
    for (;;) {
      const round = await this.#redeliverRelayedBefore(now);
      lost += round.lost;
      if (round.examined < BATCH) {
        break;
      }
    }
    // A first look at a new Redis finds nothing lost, and says nothing.
    if (lost > 0) {
      this.#log.warn({ msg: 'Redis has lost its data: jobs it held are handed over again', count: lost });
    }
  }

  /**
   * One batch of relayed, unsettled rows: relayed before `cutoff`, or longer ago than
   * OUTBOX_REDELIVER_AFTER_MS when there is none. The batch is claimed (marked relayed now) and
   * committed first, so no row lock is held while Redis answers; BullMQ is then asked about the
   * whole batch in one pipeline, and what it says is written in one statement.
   */
  async #redeliverRelayedBefore(cutoff: Date | null): Promise<{ examined: number; lost: number }> {
    const [claimed] = await this.db.transaction((tx) =>
      tx.query<[PendingRow[], number]>(
        `UPDATE outbox_jobs SET relayed_at = now()
         WHERE id IN (
           SELECT id FROM outbox_jobs
           WHERE settled_at IS NULL AND relayed_at IS NOT NULL
             AND relayed_at < COALESCE($3::timestamptz, now() - make_interval(secs => $1::double precision / 1000))
           ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, queue, name, payload`,
        [this.config.outbox.redeliverAfterMs, BATCH, cutoff],
      ),
    );
    if (claimed.length === 0) {
      return { examined: 0, lost: 0 };
    }
    const jobs = await this.#jobStates(claimed);
    const lost = jobs.filter((j) => j.state === 'missing').map((j) => j.row);
    if (lost.length > 0) {
      this.#log.warn({ msg: 'relaying again jobs that BullMQ no longer holds', count: lost.length });
      await this.#enqueue(lost);
    }
    const settled = jobs.flatMap((j) =>
      j.state === 'completed' || j.state === 'failed'
        ? [{ id: j.row.id, outcome: j.state, reason: j.state === 'failed' ? j.reason : null }]
        : [],
    );
    if (lost.length > 0 || settled.length > 0) {
      await this.db.transaction(async (tx) => {
        await tx.query(`UPDATE outbox_jobs SET relay_count = relay_count + 1 WHERE id = ANY($1::uuid[])`, [
          lost.map((r) => r.id),
        ]);
        await tx.query(
          `UPDATE outbox_jobs o SET settled_at = now(), outcome = s.outcome, last_error = s.reason
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, outcome, reason)
           WHERE o.id = s.id AND o.settled_at IS NULL`,
          [settled.map((x) => x.id), settled.map((x) => x.outcome), settled.map((x) => x.reason)],
        );
      });
    }
    return { examined: claimed.length, lost: lost.length };
  }

  /**
   * What BullMQ holds of each row's job, asked in one pipeline: gone, completed (the worker died
   * before it could record so), failed for good (the failed set holds only jobs out of attempts),
   * or still on its way.
   */
  async #jobStates(rows: readonly PendingRow[]): Promise<(JobState & { readonly row: PendingRow })[]> {
    const pipeline = this.queues.connection().pipeline();
    for (const row of rows) {
      const queue = this.queues.get(row.queue);
      pipeline.exists(queue.toKey(row.id));
      pipeline.zscore(queue.toKey('completed'), row.id);
      pipeline.zscore(queue.toKey('failed'), row.id);
      pipeline.hget(queue.toKey(row.id), 'failedReason');
    }
    const replies = (await pipeline.exec()) ?? [];
    for (const [error] of replies) {
      if (error) {
        throw error;
      }
    }
    const values = replies.map(([, value]) => value);
    return rows.map((row, i) => {
      const [exists, completed, failed, reason] = values.slice(i * 4, i * 4 + 4);
      if (!exists) {
        return { row, state: 'missing' };
      }
      if (completed !== null) {
        return { row, state: 'completed' };
      }
      if (failed !== null) {
        return { row, state: 'failed', reason: typeof reason === 'string' ? reason.slice(0, 2000) : null };
      }
      return { row, state: 'pending' };
    });
  }

  async #enqueue(rows: readonly PendingRow[]): Promise<void> {
    const byQueue = new Map<QueueName, PendingRow[]>();
    for (const row of rows) {
      const jobs = byQueue.get(row.queue);
      if (jobs) {
        jobs.push(row);
      } else {
        byQueue.set(row.queue, [row]);
      }
    }
    for (const [queue, jobs] of byQueue) {
      await this.queues.get(queue).addBulk(
        jobs.map((j) => ({
          name: j.name,
          data: j.payload,
          opts: {
            jobId: j.id,
            attempts: this.config.queue.attempts,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      );
    }
  }

  async #listen(): Promise<void> {
    if (this.#stopped) {
      return;
    }
    const client = new pg.Client({
      connectionString: this.config.database.url.reveal(),
      application_name: 'remiss-outbox-listener',
    });
    client.on('notification', () => this.kick());
    client.on('error', (error) => {
      this.#log.warn({ msg: 'outbox listener lost its connection; polling until it is back', error: String(error) });
      if (this.#listener === client) {
        this.#listener = undefined;
        setTimeout(() => void this.#listen().catch(() => undefined), 1_000).unref();
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.#listener = client;
    } catch (error) {
      this.#log.warn({ msg: 'outbox listener could not connect; polling instead', error: String(error) });
      await client.end().catch(() => undefined);
      setTimeout(() => void this.#listen().catch(() => undefined), 1_000).unref();
    }
  }
}
