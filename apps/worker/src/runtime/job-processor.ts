import type { JobEnvelope, JobName, QueueName } from '@app/platform';

/**
 * A thin processor: one per queue, switching on the job name and calling a library service.
 * Handlers must be idempotent: BullMQ delivers at least once.
 */
export interface JobProcessor {
  readonly queue: QueueName;
  /** Every job this processor handles; the worker refuses to start if a routed job has none. */
  readonly handles: readonly JobName[];
  process(job: JobEnvelope): Promise<void>;
}

/** Injection token of the list of processors. */
export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');
