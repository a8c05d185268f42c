import { ConsultationModule } from '@app/consultation';
import { DirectoryModule } from '@app/directory';
import { IssuanceModule } from '@app/issuance';
import { NotificationModule } from '@app/notification';
import { RegistryModule } from '@app/registry';
import { Module } from '@nestjs/common';

import { ApprovalChainService } from './approval/approval-chain.service.js';
import { ApprovalService } from './approval/approval.service.js';
import { SubstituteService } from './approval/substitute.service.js';
import { DecisionService } from './decision/decision.service.js';
import { AgendaService } from './meeting/agenda.service.js';
import { MeetingService } from './meeting/meeting.service.js';
import { PreparationService } from './preparation/preparation.service.js';
import { FrozenStatementService } from './statement/frozen-statement.service.js';
import { StatementStore } from './statement/statement-store.js';
import { StatementViews } from './statement/statement-views.js';
import { StatementService } from './statement/statement.service.js';
import { WorkInboxService } from './work/work-inbox.service.js';

const SERVICES = [
  StatementService,
  ApprovalService,
  ApprovalChainService,
  SubstituteService,
  DecisionService,
  MeetingService,
  AgendaService,
  PreparationService,
  WorkInboxService,
  FrozenStatementService,
];

@Module({
  imports: [DirectoryModule, RegistryModule, ConsultationModule, NotificationModule, IssuanceModule],
  providers: [...SERVICES, StatementStore, StatementViews],
  exports: SERVICES,
})
export class StatementModule {}
