import type { MixedList } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';

import type { AppConfig } from '../config/app-config.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  readonly migrations: MixedList<Function>;
}

/** The name of the table that records applied migrations. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Options of the one DataSource the API, the worker and the migration scripts share.
 * `synchronize` is off everywhere: the schema changes only through migrations.
 */
export function dataSourceOptions(
  config: AppConfig,
  schema: SchemaParts,
  overrides: { readonly url?: string; readonly applicationName?: string; readonly poolSize?: number } = {},
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: overrides.url ?? config.database.url.reveal(),
    applicationName: overrides.applicationName ?? 'remiss',
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: overrides.poolSize ?? config.database.poolSize,
    logging: false,
  };
}
