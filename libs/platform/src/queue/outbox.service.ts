import { Injectable } from '@nestjs/common';

import { assertInTransaction, Db, type Tx } from '../database/db.service.js';
import { type JobName, type JobPayloads, type OutboxJob, QUEUE_FOR } from './job-contract.js';
import { OutboxJobEntity } from './outbox-job.entity.js';

/** The PostgreSQL channel the outbox announces new rows on; delivered only when the writer commits. */
export const OUTBOX_CHANNEL = 'remiss_outbox';

export interface OutboxAddOptions {
  /** Not to be relayed before this instant. */
  readonly availableAt?: Date;
}

/**
 * Writes jobs into the outbox inside the caller's transaction, so a state change and the work
 * it causes commit together or not at all.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly db: Db) {}

  async add<N extends JobName>(
    tx: Tx,
    name: N,
    payload: JobPayloads[N],
    options: OutboxAddOptions = {},
  ): Promise<string> {
    const job: OutboxJob<N> = { name, payload };
    const [id] = await this.addMany<N>(tx, [{ ...job, ...options }]);
    if (id === undefined) {
      throw new Error('the outbox returned no id for the job it inserted');
    }
    return id;
  }

  async addMany<N extends JobName>(tx: Tx, jobs: readonly (OutboxJob<N> & OutboxAddOptions)[]): Promise<string[]> {
    assertInTransaction(tx, 'An outbox job');
    if (jobs.length === 0) {
      return [];
    }
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(OutboxJobEntity)
      .values(
        jobs.map((j) => ({
          queue: QUEUE_FOR[j.name],
          name: j.name,
          payload: j.payload,
          ...(j.availableAt ? { availableAt: j.availableAt } : {}),
        })),
      )
      .returning(['id'])
      .execute();
    await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  /** Records that a job has been done (or has failed for good). A settled job is never relayed again. */
  async settle(id: string, outcome: 'completed' | 'failed', error?: string): Promise<void> {
    await this.db.reader
      .createQueryBuilder()
      .update(OutboxJobEntity)
      .set({ settledAt: () => 'now()', outcome, lastError: error ?? null })
      .where('id = :id AND settled_at IS NULL', { id })
      .execute();
  }

  /** Notes a failed attempt that will be retried. */
  async noteFailure(id: string, error: string): Promise<void> {
    await this.db.reader.update(OutboxJobEntity, { id }, { lastError: error.slice(0, 2000) });
  }
}
