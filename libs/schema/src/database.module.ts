import type { AppConfig } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { createDataSource, type DataSourceOverrides } from './schema.js';

/** Provides the initialised DataSource to a Nest application (API, worker, scripts). */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, overrides: DataSourceOverrides = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ retryAttempts: 3, retryDelay: 1_000 }),
          dataSourceFactory: async () => createDataSource(config, overrides).initialize(),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
