import { DirectoryModule } from '@app/directory';
import { NotificationModule } from '@app/notification';
import { type AppConfig, ConfigModule, PlatformModule, type PlatformOptions } from '@app/platform';
import { DatabaseModule } from '@app/schema';
import { type DynamicModule, Module } from '@nestjs/common';

import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { LoginRateLimiter } from './auth/login-rate-limiter.js';
import { TokenService } from './auth/token.service.js';
import { DepartmentsController } from './directory/departments.controller.js';
import { OrganisationsController } from './directory/organisations.controller.js';
import { PeopleController } from './directory/people.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthProbe } from './health/health.probe.js';
import { NotificationsController } from './notifications/notifications.controller.js';

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
      ],
      controllers: [
        HealthController,
        AuthController,
        OrganisationsController,
        DepartmentsController,
        PeopleController,
        NotificationsController,
        AuditController,
      ],
      providers: [TokenService, LoginRateLimiter, HealthProbe],
    };
  }
}
