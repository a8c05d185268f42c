import { ConsultationModule } from '@app/consultation';
import { DirectoryModule } from '@app/directory';
import { DocumentModule } from '@app/document';
import { NotificationModule } from '@app/notification';
import { type AppConfig, ConfigModule, OutboxRelay, PlatformModule, type PlatformOptions } from '@app/platform';
import { DatabaseModule } from '@app/schema';
import { StatementModule } from '@app/statement';
import { type DynamicModule, Module } from '@nestjs/common';

import { ConsultationsProcessor } from './processors/consultations.processor.js';
import { DocumentsProcessor } from './processors/documents.processor.js';
import { NotificationsProcessor } from './processors/notifications.processor.js';
import { StatementsProcessor } from './processors/statements.processor.js';
import { JOB_PROCESSORS } from './runtime/job-processor.js';
import { Schedules } from './runtime/schedules.js';
import { WorkerRuntime } from './runtime/worker-runtime.js';

const PROCESSORS = [NotificationsProcessor, ConsultationsProcessor, StatementsProcessor, DocumentsProcessor];

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
      ],
      providers: [
        ...PROCESSORS,
        { provide: JOB_PROCESSORS, useFactory: (...processors: unknown[]) => processors, inject: PROCESSORS },
        WorkerRuntime,
        OutboxRelay,
        Schedules,
      ],
    };
  }
}
