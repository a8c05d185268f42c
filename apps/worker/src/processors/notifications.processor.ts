import { NotificationService } from '@app/notification';
import { type JobEnvelope, JobName, payload, QueueName } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class NotificationsProcessor implements JobProcessor {
  readonly queue = QueueName.Notifications;
  readonly handles = [JobName.RoleGranted, JobName.FanOutNotification];

  constructor(private readonly notifications: NotificationService) {}

  async process(job: JobEnvelope): Promise<void> {
    switch (job.name) {
      case JobName.RoleGranted:
        return this.notifications.announceRoleGranted(payload(job, JobName.RoleGranted).roleAssignmentId);
      case JobName.FanOutNotification:
        await this.notifications.fanOut(payload(job, JobName.FanOutNotification).messageId);
        return;
      default:
        throw new UnrecoverableError(`unrouted job ${String(job.name)}`);
    }
  }
}
