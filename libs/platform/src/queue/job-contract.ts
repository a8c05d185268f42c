/**
 * The only place jobs are declared: every queue, every job name, every payload, and the queue
 * each job runs on. Payloads carry ids and primitives, never entities or personal data.
 */
export enum QueueName {
  Notifications = 'notifications',
  Consultations = 'consultations',
  Statements = 'statements',
  Documents = 'documents',
  Mail = 'mail',
}

export enum JobName {
  /** A role was granted: tell the person. */
  RoleGranted = 'directory.role-granted',
  /** Deliver a notification message to every person in its audience. */
  FanOutNotification = 'notification.fan-out',
  /** Register a sent remiss in one recipient's own registry. */
  DistributeToRecipient = 'consultation.distribute',
  /** Register a correction of the remissunderlag in one recipient's case. */
  DistributeCorrection = 'consultation.distribute-correction',
  /** Look for recipients due a reminder (scheduled, not from the outbox). */
  ScanReminders = 'consultation.scan-reminders',
  /** The minutes are confirmed: register the adopted statement and deliver it to the sender. */
  DeliverAnswer = 'statement.deliver-answer',
  /** Render, sign, store and register one issued document. */
  RenderDocument = 'document.render',
  /** Send one message of the mail outbox. */
  SendMail = 'mail.send',
  /** Send the daily digests that are due (scheduled at 07:00 Stockholm time, not from the outbox). */
  SendDigests = 'mail.send-digests',
  /** Read the text of a registered document's file, for the registry's search. */
  ExtractDocumentText = 'registry.extract-text',
}

export interface JobPayloads {
  [JobName.RoleGranted]: { readonly roleAssignmentId: string };
  [JobName.FanOutNotification]: { readonly messageId: string };
  [JobName.DistributeToRecipient]: { readonly recipientId: string };
  [JobName.DistributeCorrection]: { readonly recipientId: string; readonly documentsVersion: number };
  [JobName.ScanReminders]: Record<string, never>;
  [JobName.DeliverAnswer]: { readonly decisionId: string };
  [JobName.RenderDocument]: { readonly documentId: string };
  [JobName.SendMail]: { readonly mailId: string };
  [JobName.SendDigests]: Record<string, never>;
  [JobName.ExtractDocumentText]: { readonly documentId: string };
}

/**
 * The queue each job runs on. The compiler forces every job to be routed, and `as const` keeps
 * each route exact, so `JobOn` can tell which jobs a queue's processor must handle.
 */
export const QUEUE_FOR = {
  [JobName.RoleGranted]: QueueName.Notifications,
  [JobName.FanOutNotification]: QueueName.Notifications,
  [JobName.DistributeToRecipient]: QueueName.Consultations,
  [JobName.DistributeCorrection]: QueueName.Consultations,
  [JobName.ScanReminders]: QueueName.Consultations,
  [JobName.DeliverAnswer]: QueueName.Statements,
  [JobName.RenderDocument]: QueueName.Documents,
  [JobName.SendMail]: QueueName.Mail,
  [JobName.SendDigests]: QueueName.Mail,
  [JobName.ExtractDocumentText]: QueueName.Documents,
} as const satisfies Readonly<Record<JobName, QueueName>>;

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/** The jobs routed to queue `Q`. */
export type JobOn<Q extends QueueName> = { [N in JobName]: (typeof QUEUE_FOR)[N] extends Q ? N : never }[JobName];

/** A job to be written into the outbox: a name with exactly its payload. */
export type OutboxJob<N extends JobName = JobName> = {
  [K in N]: { readonly name: K; readonly payload: JobPayloads[K] };
}[N];

/**
 * A job as a processor receives it: the outbox id, the name and the payload of that name. Without
 * an argument it is the union of every job, discriminated by `name`.
 */
export type JobEnvelope<N extends JobName = JobName> = {
  [K in N]: {
    readonly id: string;
    readonly name: K;
    readonly payload: JobPayloads[K];
    readonly attempt: number;
    /** True on the last attempt the queue will make: what fails now stays failed. */
    readonly lastAttempt: boolean;
  };
}[N];

/** Does the work of one job. Handlers must be idempotent: BullMQ delivers at least once. */
export type JobHandler<N extends JobName> = (job: JobEnvelope<N>) => Promise<void>;

/**
 * A handler for every job routed to queue `Q`, each taking exactly its own job: a job without a
 * handler, a handler of another job, or one of another queue's jobs does not compile.
 */
export type JobHandlers<Q extends QueueName> = { readonly [N in JobOn<Q>]: JobHandler<N> };

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(QUEUE_FOR, name);
}

type FieldKind<T> = T extends string ? 'string' : T extends number ? 'number' : never;

/**
 * The kind of each payload field, for checking what comes back from Redis before it is trusted
 * as a payload. The compiler keeps it in step with `JobPayloads`.
 */
const PAYLOAD_FIELDS: {
  readonly [N in JobName]: { readonly [F in keyof JobPayloads[N]]-?: FieldKind<JobPayloads[N][F]> };
} = {
  [JobName.RoleGranted]: { roleAssignmentId: 'string' },
  [JobName.FanOutNotification]: { messageId: 'string' },
  [JobName.DistributeToRecipient]: { recipientId: 'string' },
  [JobName.DistributeCorrection]: { recipientId: 'string', documentsVersion: 'number' },
  [JobName.ScanReminders]: {},
  [JobName.DeliverAnswer]: { decisionId: 'string' },
  [JobName.RenderDocument]: { documentId: 'string' },
  [JobName.SendMail]: { mailId: 'string' },
  [JobName.SendDigests]: {},
  [JobName.ExtractDocumentText]: { documentId: 'string' },
};

/** True when `data` has every field of job `name`'s payload, each of its kind. */
export function isJobPayload<N extends JobName>(name: N, data: unknown): data is JobPayloads[N] {
  if (typeof data !== 'object' || data === null) {
    return false;
  }
  const fields: Readonly<Record<string, string>> = PAYLOAD_FIELDS[name];
  return Object.entries(fields).every(([field, kind]) => typeof Reflect.get(data, field) === kind);
}
