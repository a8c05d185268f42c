import { DirectoryModule } from '@app/directory';
import { Module } from '@nestjs/common';

import { NotificationService } from './notification.service.js';

@Module({
  imports: [DirectoryModule],
  providers: [NotificationService],
  exports: [NotificationService],
})
export class NotificationModule {}
