import { DirectoryModule } from '@app/directory';
import { IssuanceModule } from '@app/issuance';
import { NotificationModule } from '@app/notification';
import { RegistryModule } from '@app/registry';
import { Module } from '@nestjs/common';

import { CompilationService } from './answer/compilation.service.js';
import { ConsultationService } from './consultation/consultation.service.js';
import { DistributionService } from './distribution/distribution.service.js';
import { ExternalMailService } from './recipient/external-mail.service.js';
import { IncomingRemissService } from './incoming/incoming-remiss.service.js';
import { LetterService } from './recipient/letter.service.js';
import { RecipientViews } from './recipient/recipient-views.js';
import { RecipientService } from './recipient/recipient.service.js';
import { StatusBoardService } from './recipient/status-board.service.js';
import { ReminderService } from './reminder/reminder.service.js';

@Module({
  imports: [DirectoryModule, RegistryModule, NotificationModule, IssuanceModule],
  providers: [
    CompilationService,
    ConsultationService,
    DistributionService,
    IncomingRemissService,
    RecipientService,
    RecipientViews,
    StatusBoardService,
    ReminderService,
    LetterService,
    ExternalMailService,
  ],
  exports: [
    CompilationService,
    ConsultationService,
    DistributionService,
    IncomingRemissService,
    RecipientService,
    StatusBoardService,
    ReminderService,
    LetterService,
    ExternalMailService,
  ],
})
export class ConsultationModule {}
