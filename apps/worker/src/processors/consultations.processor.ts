import { DistributionService, ReminderService } from '@app/consultation';
import { type JobEnvelope, JobName, payload, QueueName } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class ConsultationsProcessor implements JobProcessor {
  readonly queue = QueueName.Consultations;
  readonly handles = [JobName.DistributeToRecipient, JobName.DistributeCorrection, JobName.ScanReminders];

  constructor(
    private readonly distribution: DistributionService,
    private readonly reminders: ReminderService,
  ) {}

  async process(job: JobEnvelope): Promise<void> {
    switch (job.name) {
      case JobName.DistributeToRecipient:
        return this.distribution.distribute(payload(job, JobName.DistributeToRecipient).recipientId);
      case JobName.DistributeCorrection: {
        const { recipientId, documentsVersion } = payload(job, JobName.DistributeCorrection);
        return this.distribution.distributeCorrection(recipientId, documentsVersion);
      }
      case JobName.ScanReminders:
        await this.reminders.scan();
        return;
      default:
        throw new UnrecoverableError(`unrouted job ${String(job.name)}`);
    }
  }
}
