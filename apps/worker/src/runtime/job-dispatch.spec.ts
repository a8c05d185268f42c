import { type JobEnvelope, type JobHandlers, JobName, type OutboxJob, QueueName } from '@app/platform';

import { envelopeOf, handle, type QueuedJob } from './job-dispatch.js';
import type { EveryJobHandler } from './job-processor.js';

const OUTBOX_ID = '0b7e6a52-3f6d-4c55-9d2e-1c0f4d8b9a11';

function queued(name: string, data: unknown, attemptsMade = 0): QueuedJob {
  return { id: OUTBOX_ID, name, data, attemptsMade, opts: { attempts: 3 } };
}

/** Every handler records the job it was given, under its own name. */
function recordingHandlers(seen: JobEnvelope[]): EveryJobHandler {
  const record = (job: JobEnvelope): Promise<void> => {
    seen.push(job);
    return Promise.resolve();
  };
  const notifications: JobHandlers<QueueName.Notifications> = {
    [JobName.RoleGranted]: record,
    [JobName.FanOutNotification]: record,
  };
  const consultations: JobHandlers<QueueName.Consultations> = {
    [JobName.DistributeToRecipient]: record,
    [JobName.DistributeCorrection]: record,
    [JobName.ScanReminders]: record,
  };
  const statements: JobHandlers<QueueName.Statements> = { [JobName.DeliverAnswer]: record };
  const documents: JobHandlers<QueueName.Documents> = {
    [JobName.RenderDocument]: record,
    [JobName.ExtractDocumentText]: record,
  };
  const mail: JobHandlers<QueueName.Mail> = { [JobName.SendMail]: record, [JobName.SendDigests]: record };
  return { ...notifications, ...consultations, ...statements, ...documents, ...mail };
}

describe('job dispatch', () => {
  it('hands a job to the handler of its name with its typed payload and attempt', async () => {
    const seen: JobEnvelope[] = [];
    const envelope = envelopeOf(
      QueueName.Consultations,
      queued(JobName.DistributeCorrection, { recipientId: 'r-1', documentsVersion: 2 }, 2),
    );
    if (typeof envelope === 'string') {
      throw new Error(envelope);
    }
    await handle(recordingHandlers(seen), envelope);
    expect(seen).toEqual([
      {
        id: OUTBOX_ID,
        name: JobName.DistributeCorrection,
        payload: { recipientId: 'r-1', documentsVersion: 2 },
        attempt: 3,
        lastAttempt: true,
      },
    ]);
  });

  it('refuses a name it does not know, or one routed to another queue', () => {
    expect(envelopeOf(QueueName.Documents, queued('document.print', { documentId: 'd-1' }))).toBe(
      'unknown job document.print',
    );
    expect(envelopeOf(QueueName.Documents, queued(JobName.DeliverAnswer, { decisionId: 'x' }))).toBe(
      `unknown job ${JobName.DeliverAnswer}`,
    );
  });

  it('refuses data that is not the payload of the job it names', () => {
    for (const data of [null, 'd-1', {}, { documentId: 7 }, { decisionId: 'd-1' }]) {
      expect(envelopeOf(QueueName.Documents, queued(JobName.RenderDocument, data))).toBe(
        `job ${JobName.RenderDocument} has a malformed payload`,
      );
    }
    expect(envelopeOf(QueueName.Consultations, queued(JobName.ScanReminders, {}))).toMatchObject({
      name: JobName.ScanReminders,
      lastAttempt: false,
    });
  });
});

/*
 * What the compiler refuses. `npm run check` compiles this file: each `@ts-expect-error` fails
 * the type check if the line under it ever compiles.
 */
describe('job handler types', () => {
  const done = (): Promise<void> => Promise.resolve();

  it('hold only a handler of exactly its own payload for every job of the queue', () => {
    const complete: JobHandlers<QueueName.Notifications> = {
      [JobName.RoleGranted]: ({ payload }) => done().then(() => void payload.roleAssignmentId),
      [JobName.FanOutNotification]: ({ payload }) => done().then(() => void payload.messageId),
    };

    // @ts-expect-error a job routed to the queue has no handler
    const missing: JobHandlers<QueueName.Notifications> = { [JobName.RoleGranted]: done };

    const readsAnotherPayload: JobHandlers<QueueName.Notifications> = {
      // @ts-expect-error the handler reads a field of another job's payload
      [JobName.RoleGranted]: ({ payload }) => done().then(() => void payload.messageId),
      [JobName.FanOutNotification]: done,
    };

    const takesAnotherJob: JobHandlers<QueueName.Notifications> = {
      // @ts-expect-error the handler is written for another job
      [JobName.RoleGranted]: (job: JobEnvelope<JobName.FanOutNotification>) => done().then(() => void job),
      [JobName.FanOutNotification]: done,
    };

    const handlesAnotherQueue: JobHandlers<QueueName.Statements> = {
      [JobName.DeliverAnswer]: done,
      // @ts-expect-error a job of another queue
      [JobName.RenderDocument]: done,
    };

    // @ts-expect-error the documents queue's processor is missing
    const incomplete: EveryJobHandler = { ...complete, [JobName.DeliverAnswer]: done };

    // @ts-expect-error an outbox job carries the payload of its own name
    const misaddressed: OutboxJob = { name: JobName.DistributeToRecipient, payload: { documentId: 'd-1' } };

    expect([
      complete,
      missing,
      readsAnotherPayload,
      takesAnotherJob,
      handlesAnotherQueue,
      incomplete,
      misaddressed,
    ]).toHaveLength(7);
  });
});
