/**
 * The only place jobs are declared: every queue, every job name, every payload, and the queue
 * each job runs on. Payloads carry ids and primitives, never entities or personal data.
 */
export enum QueueName {
  Notifications = 'notifications',
  Consultations = 'consultations',
  Statements = 'statements',
  Documents = 'documents',
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
}

export interface JobPayloads {
  [JobName.RoleGranted]: { readonly roleAssignmentId: string };
  [JobName.FanOutNotification]: { readonly messageId: string };
  [JobName.DistributeToRecipient]: { readonly recipientId: string };
  [JobName.DistributeCorrection]: { readonly recipientId: string; readonly documentsVersion: number };
  [JobName.ScanReminders]: Record<string, never>;
  [JobName.DeliverAnswer]: { readonly decisionId: string };
  [JobName.RenderDocument]: { readonly documentId: string };
}

/** The compiler forces every job to be routed to a queue. */
export const QUEUE_FOR: Readonly<Record<JobName, QueueName>> = {
  [JobName.RoleGranted]: QueueName.Notifications,
  [JobName.FanOutNotification]: QueueName.Notifications,
  [JobName.DistributeToRecipient]: QueueName.Consultations,
  [JobName.DistributeCorrection]: QueueName.Consultations,
  [JobName.ScanReminders]: QueueName.Consultations,
  [JobName.DeliverAnswer]: QueueName.Statements,
  [JobName.RenderDocument]: QueueName.Documents,
};

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function jobsOn(queue: QueueName): JobName[] {
  return (Object.keys(QUEUE_FOR) as JobName[]).filter((name) => QUEUE_FOR[name] === queue);
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(QUEUE_FOR, name);
}

/** A job as a processor receives it: the outbox id, the name and the typed payload. */
export interface JobEnvelope<N extends JobName = JobName> {
  readonly id: string;
  readonly name: N;
  readonly payload: JobPayloads[N];
  readonly attempt: number;
  /** True on the last attempt the queue will make: what fails now stays failed. */
  readonly lastAttempt: boolean;
}

/** Narrows a job to the payload of its name. */
export function payload<N extends JobName>(job: JobEnvelope, name: N): JobPayloads[N] {
  if (job.name !== name) {
    throw new Error(`job ${job.id} is ${job.name}, not ${name}`);
  }
  return job.payload as JobPayloads[N];
}
