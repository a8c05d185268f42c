import type { JobHandler, JobHandlers, JobName, QueueName } from '@app/platform';

/**
 * A thin processor: one per queue, with a handler for each job routed to it that calls a library
 * service. Handlers must be idempotent: BullMQ delivers at least once.
 */
export interface JobProcessor<Q extends QueueName> {
  readonly handlers: JobHandlers<Q>;
}

/** The handlers of every queue's processor together: the worker cannot be built without one per job. */
export type EveryJobHandler = { readonly [N in JobName]: JobHandler<N> };

/** Injection token of every job's handler. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
