import { ConsultationModule } from '@app/consultation';
import { DirectoryModule } from '@app/directory';
import { DocumentModule } from '@app/document';
import { NotificationModule } from '@app/notification';
import { type AppConfig, ConfigModule, OutboxRelay, PlatformModule, type PlatformOptions } from '@app/platform';
import { RegistryModule } from '@app/registry';
import { DatabaseModule } from '@app/schema';
import { StatementModule } from '@app/statement';
import { type DynamicModule, Module } from '@nestjs/common';

import { ConsultationsProcessor } from './processors/consultations.processor.js';
import { DocumentsProcessor } from './processors/documents.processor.js';
import { MailProcessor } from './processors/mail.processor.js';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { StatementsProcessor } from './processors/statements.processor.js';
import { type EveryJobHandler, JOB_HANDLERS } from './runtime/job-processor.js';
import { Schedules } from './runtime/schedules.js';
import { WorkerRuntime } from './runtime/worker-runtime.js';

const PROCESSORS = [
  NotificationsProcessor,
  ConsultationsProcessor,
  StatementsProcessor,
  DocumentsProcessor,
  MailProcessor,
];

/** Puts the processors' handlers together; the type requires a handler for every job. */
function everyHandler(
  notifications: NotificationsProcessor,
  consultations: ConsultationsProcessor,
  statements: StatementsProcessor,
  documents: DocumentsProcessor,
  mail: MailProcessor,
): EveryJobHandler {
  return {
    ...notifications.handlers,
    ...consultations.handlers,
    ...statements.handlers,
    ...documents.handlers,
    ...mail.handlers,
  };
}

/** The job process: BullMQ processors and the outbox relay. Serves no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: PlatformOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config, { applicationName: 'remiss-worker' }),
        PlatformModule.forRoot(options),
        DirectoryModule,
        NotificationModule,
        ConsultationModule,
        StatementModule,
        DocumentModule,
        RegistryModule,
      ],
      providers: [
        ...PROCESSORS,
        { provide: JOB_HANDLERS, useFactory: everyHandler, inject: PROCESSORS },
        WorkerRuntime,
        OutboxRelay,
        Schedules,
      ],
    };
  }
}
