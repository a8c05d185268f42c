import {
  ALL_QUEUES,
  APP_CONFIG,
  type AppConfig,
  blockingRedis,
  isLastingFailure,
  OutboxService,
  type QueueName,
} from '@app/platform';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

import { envelopeOf, handle } from './job-dispatch.js';
import { type EveryJobHandler, JOB_HANDLERS } from './job-processor.js';

const OUTBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Runs one BullMQ worker per queue over the registered processors. Settles each job's outbox
 * row when it completes or fails for good, so the database knows what has been done.
 */
@Injectable()
export class WorkerRuntime implements BeforeApplicationShutdown {
  readonly #log = new Logger('worker');
  readonly #workers: Worker[] = [];
  readonly #connections: Redis[] = [];
  /** Jobs whose failure the handler wrapper already logged. */
  readonly #reported = new Set<string>();

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: EveryJobHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  start(): void {
    for (const queue of ALL_QUEUES) {
      const connection = blockingRedis(this.config, `${this.config.queue.prefix}:worker:${queue}`);
      connection.on('error', () => undefined);
      this.#connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.#run(queue, job), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
        stalledInterval: this.config.queue.stalledIntervalMs,
        lockDuration: this.config.queue.lockDurationMs,
        maxStalledCount: 5,
        autorun: true,
      });
      worker.on('error', (error) => this.#log.warn({ msg: 'queue connection problem', queue, error: String(error) }));
      worker.on('failed', (job, error) => {
        if (job && !this.#reported.delete(job.id ?? '')) {
          this.#log.warn({ msg: 'job failed outside its handler', jobId: job.id, job: job.name, error: error.message });
        }
      });
      this.#workers.push(worker);
    }
    this.#log.log({ msg: 'worker started', queues: ALL_QUEUES, concurrency: this.config.queue.concurrency });
  }

  async #run(queue: QueueName, job: Job): Promise<void> {
    const id = job.id ?? '';
    // Jobs relayed from the outbox carry their row's id; scheduled jobs (reminders) have none to settle.
    const fromOutbox = OUTBOX_ID.test(id);
    const envelope = envelopeOf(queue, job);
    if (typeof envelope === 'string') {
      if (fromOutbox) {
        await this.outbox.settle(id, 'failed', envelope);
      }
      throw new UnrecoverableError(envelope);
    }
    const started = performance.now();
    this.#log.log({ msg: 'job started', jobId: id, job: job.name, attempt: envelope.attempt });
    try {
      await handle(this.handlers, envelope).catch((error: unknown) => {
        throw isLastingFailure(error)
          ? new UnrecoverableError(error instanceof Error ? error.message : String(error))
          : error;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof UnrecoverableError || envelope.lastAttempt;
      this.#log.warn({
        msg: final ? 'job failed for good' : 'job failed; will retry',
        jobId: id,
        job: job.name,
        error: message,
      });
      this.#reported.add(id);
      if (fromOutbox) {
        await (final ? this.outbox.settle(id, 'failed', message) : this.outbox.noteFailure(id, message)).catch(
          () => undefined,
        );
      }
      throw error;
    }
    if (fromOutbox) {
      await this.outbox.settle(id, 'completed');
    }
    this.#log.log({ msg: 'job completed', jobId: id, job: job.name, ms: Math.round(performance.now() - started) });
  }

  /**
   * Lets active jobs finish (or hands them back), then disconnects: before the shutdown hooks
   * of what the jobs use (render threads, database), which close after.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.#workers.map((w) => w.close()));
    for (const c of this.#connections) {
      c.disconnect();
    }
    this.#workers.length = 0;
    this.#connections.length = 0;
  }
}
