import { ConsultationModule } from '@app/consultation';
import { DirectoryModule } from '@app/directory';
import { DocumentModule } from '@app/document';
import { NotificationModule } from '@app/notification';
import { type AppConfig, ConfigModule, PlatformModule, type PlatformOptions } from '@app/platform';
import { RegistryModule } from '@app/registry';
import { DatabaseModule } from '@app/schema';
import { StatementModule } from '@app/statement';
import { type DynamicModule, Module } from '@nestjs/common';

import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { ConsultationsController } from './consultations/consultations.controller.js';
import { IncomingRemissesController } from './consultations/incoming-remisses.controller.js';
import { ExternalDownloadsController } from './consultations/external-downloads.controller.js';
import { ExtensionRequestsController, RecipientsController } from './consultations/recipients.controller.js';
import { LoginRateLimiter } from './auth/login-rate-limiter.js';
import { SessionCookies } from './auth/session-cookies.js';
import { SessionController } from './auth/session.controller.js';
import { TokenService } from './auth/token.service.js';
import { WhoAmIService } from './auth/who-am-i.service.js';
import { DepartmentsController } from './directory/departments.controller.js';
import { EventStreams } from './events/event-streams.service.js';
import { EventsController } from './events/events.controller.js';
import { OrganisationsController } from './directory/organisations.controller.js';
import { DraftPreviewController } from './documents/draft-preview.controller.js';
import { IssuedDocumentsController } from './documents/issued-documents.controller.js';
import { PeopleController } from './directory/people.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthProbe } from './health/health.probe.js';
import { NotificationPreferencesController } from './notifications/notification-preferences.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { CasesController } from './registry/cases.controller.js';
import { DocumentsController } from './registry/documents.controller.js';
import { SearchController } from './registry/search.controller.js';
import { RegistryController } from './registry/registry.controller.js';
import { StatementsController } from './statements/statements.controller.js';
import { WorkController } from './statements/work.controller.js';

/** The HTTP process: controllers over the domain libraries. Runs no jobs. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: PlatformOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config, { applicationName: 'remiss-api' }),
        PlatformModule.forRoot(options),
        DirectoryModule,
        NotificationModule,
        RegistryModule,
        ConsultationModule,
        StatementModule,
        DocumentModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        SessionController,
        OrganisationsController,
        DepartmentsController,
        PeopleController,
        NotificationsController,
        NotificationPreferencesController,
        AuditController,
        RegistryController,
        CasesController,
        DocumentsController,
        SearchController,
        ConsultationsController,
        IncomingRemissesController,
        RecipientsController,
        ExtensionRequestsController,
        ExternalDownloadsController,
        StatementsController,
        DraftPreviewController,
        WorkController,
        IssuedDocumentsController,
        EventsController,
      ],
      providers: [TokenService, LoginRateLimiter, HealthProbe, SessionCookies, WhoAmIService, EventStreams],
    };
  }
}
