import { MailService, StaffMailService } from '@app/notification';
import { type JobHandlers, JobName, QueueName } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import type { JobProcessor } from '../runtime/job-processor.js';

@Injectable()
export class MailProcessor implements JobProcessor<QueueName.Mail> {
  readonly handlers: JobHandlers<QueueName.Mail> = {
    [JobName.SendMail]: ({ payload, lastAttempt }) =>
      this.mail.send(payload.mailId, { lastAttempt }, (blobId) => this.files.read(blobId)),
    [JobName.SendDigests]: async () => {
      await this.staffMail.sendDigests();
    },
  };

  constructor(
    private readonly mail: MailService,
    private readonly staffMail: StaffMailService,
    private readonly files: FileStoreService,
  ) {}
}
