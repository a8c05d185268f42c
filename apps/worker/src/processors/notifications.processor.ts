import { NotificationService } from '@app/notification';
import { type JobHandlers, JobName, QueueName } from '@app/platform';
import { Injectable } from '@nestjs/common';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class NotificationsProcessor implements JobProcessor<QueueName.Notifications> {
  readonly handlers: JobHandlers<QueueName.Notifications> = {
    [JobName.RoleGranted]: ({ payload }) => this.notifications.announceRoleGranted(payload.roleAssignmentId),
    [JobName.FanOutNotification]: async ({ payload }) => {
      await this.notifications.fanOut(payload.messageId);
    },
  };

  constructor(private readonly notifications: NotificationService) {}
}
