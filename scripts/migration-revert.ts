import { loadProcessConfigOrExit } from '@app/platform';
import { createDataSource } from '@app/schema';

/** Reverts the newest applied migration. */
const config = loadProcessConfigOrExit();
const dataSource = await createDataSource(config, { applicationName: 'remiss-migrate', poolSize: 2 }).initialize();
try {
  await dataSource.undoLastMigration({ transaction: 'each' });
  process.stdout.write('Återställde den senaste migreringen.\n');
} finally {
  await dataSource.destroy();
}
