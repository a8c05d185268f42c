import {
  isJobName,
  isJobPayload,
  type JobEnvelope,
  type JobHandler,
  type JobName,
  QUEUE_FOR,
  type QueueName,
} from '@app/platform';
import type { Job } from 'bullmq';

import type { EveryJobHandler } from './job-processor.js';

/** What the dispatch reads of a BullMQ job. */
export type QueuedJob = Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade' | 'opts'>;

/**
 * The job as its handler takes it, or why it cannot be taken: a name this queue does not route
 * (left in Redis by another version) or data that is not that job's payload.
 */
export function envelopeOf(queue: QueueName, job: QueuedJob): JobEnvelope | string {
  const name = job.name;
  if (!isJobName(name) || QUEUE_FOR[name] !== queue) {
    return `unknown job ${name}`;
  }
  return envelopeNamed(name, job);
}

function envelopeNamed<N extends JobName>(name: N, job: QueuedJob): JobEnvelope<N> | string {
  const data: unknown = job.data;
  if (!isJobPayload(name, data)) {
    return `job ${name} has a malformed payload`;
  }
  const attempt = job.attemptsMade + 1;
  return { id: job.id ?? '', name, payload: data, attempt, lastAttempt: attempt >= (job.opts.attempts ?? 1) };
}

/** Hands a job to the handler of its name; the compiler pairs the two. */
export function handle<N extends JobName>(handlers: EveryJobHandler, job: JobEnvelope<N>): Promise<void> {
  const handler: JobHandler<N> = handlers[job.name];
  return handler(job);
}
