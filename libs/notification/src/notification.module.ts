import { DirectoryModule } from '@app/directory';
import { Module } from '@nestjs/common';

import { MailTransport } from './mail/mail-transport.js';
import { MailService } from './mail/mail.service.js';
import { StaffMailService } from './mail/staff-mail.service.js';
import { NotificationService } from './notification.service.js';

@Module({
  imports: [DirectoryModule],
  providers: [NotificationService, MailTransport, MailService, StaffMailService],
  exports: [NotificationService, MailService, StaffMailService],
})
export class NotificationModule {}
