import { type DynamicModule, Global, Module } from '@nestjs/common';

import { AuditReader } from './audit/audit-reader.service.js';
import { AuditService } from './audit/audit.service.js';
import { Clock, SystemClock } from './clock/clock.js';
import { Db } from './database/db.service.js';
import { LiveEvents } from './events/live-events.service.js';
import { OutboxService } from './queue/outbox.service.js';
import { QueueRegistry } from './queue/queue-registry.js';

export interface PlatformOptions {
  /** The clock to use instead of the system's (tests, rehearsals). */
  readonly clock?: Clock;
}

/**
 * The shared plumbing every domain library uses: transactions, the clock, the audit trail and
 * the outbox. Needs ConfigModule and a TypeORM DataSource in the application.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        Db,
        options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock },
        AuditService,
        AuditReader,
        OutboxService,
        QueueRegistry,
        LiveEvents,
      ],
      exports: [Db, Clock, AuditService, AuditReader, OutboxService, QueueRegistry, LiveEvents],
    };
  }
}
