import { loadProcessConfigOrExit, pendingSchemaChanges, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';

import { withScratchDatabase } from './database-admin.js';

/**
 * The schema drift check: applies every migration to an empty scratch database and fails when
 * the entities would still change the schema, i.e. when an entity change has no migration.
 */
const config = loadProcessConfigOrExit();
const drift = await withScratchDatabase(config.database.url.reveal(), async (url) => {
  const dataSource = await createDataSource(config, {
    url,
    applicationName: 'remiss-migration-check',
    poolSize: 2,
  }).initialize();
  try {
    await runMigrationsLocked(dataSource);
    return await pendingSchemaChanges(dataSource);
  } finally {
    await dataSource.destroy();
  }
});
if (drift.up.length > 0) {
  process.stderr.write(
    `Schema drift: the entities differ from what the migrations build. Generate a migration ` +
      `(npm run migration:generate -- <Name>). Pending SQL:\n${drift.up.map((q) => `  ${q};`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write('migration:check – the migrations match the entities.\n');
