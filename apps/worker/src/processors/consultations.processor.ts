import { DistributionService, ReminderService } from '@app/consultation';
import { type JobHandlers, JobName, QueueName } from '@app/platform';
import { Injectable } from '@nestjs/common';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class ConsultationsProcessor implements JobProcessor<QueueName.Consultations> {
  readonly handlers: JobHandlers<QueueName.Consultations> = {
    [JobName.DistributeToRecipient]: ({ payload }) => this.distribution.distribute(payload.recipientId),
    [JobName.DistributeCorrection]: ({ payload }) =>
      this.distribution.distributeCorrection(payload.recipientId, payload.documentsVersion),
    [JobName.ScanReminders]: async () => {
      await this.reminders.scan();
    },
  };

  constructor(
    private readonly distribution: DistributionService,
    private readonly reminders: ReminderService,
  ) {}
}
