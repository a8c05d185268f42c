import { CONSULTATION_ENTITIES } from '@app/consultation';
import { DIRECTORY_ENTITIES } from '@app/directory';
import { DOCUMENT_ENTITIES } from '@app/document';
import { ISSUANCE_ENTITIES } from '@app/issuance';
import { NOTIFICATION_ENTITIES } from '@app/notification';
import { type AppConfig, dataSourceOptions, PLATFORM_ENTITIES } from '@app/platform';
import { REGISTRY_ENTITIES } from '@app/registry';
import { STATEMENT_ENTITIES } from '@app/statement';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '../../../migrations/index.js';

/** Every table of the product, gathered from the libraries that own them. */
export const SCHEMA_ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...REGISTRY_ENTITIES,
  ...CONSULTATION_ENTITIES,
  ...STATEMENT_ENTITIES,
  ...ISSUANCE_ENTITIES,
  ...DOCUMENT_ENTITIES,
];

export { MIGRATIONS };

export interface DataSourceOverrides {
  readonly url?: string;
  readonly applicationName?: string;
  readonly poolSize?: number;
}

/**
 * The one DataSource definition the API, the worker, the migration scripts and the tests use.
 * Not yet initialised.
 */
export function createDataSource(config: AppConfig, overrides: DataSourceOverrides = {}): DataSource {
  return new DataSource(dataSourceOptions(config, { entities: SCHEMA_ENTITIES, migrations: MIGRATIONS }, overrides));
}
