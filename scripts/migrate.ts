import { loadProcessConfigOrExit, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';

import { ensureDatabase } from './database-admin.js';

/**
 * Creates the database when it is missing and applies pending migrations under the advisory
 * lock. Used by `npm run migrate` and by `npm start` before the processes serve.
 */
export async function migrate(): Promise<string[]> {
  const config = loadProcessConfigOrExit();
  if (await ensureDatabase(config.database.url.reveal())) {
    process.stdout.write('Skapade databasen.\n');
  }
  const dataSource = await createDataSource(config, { applicationName: 'remiss-migrate', poolSize: 2 }).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const applied = await migrate();
  process.stdout.write(
    applied.length ? `Körde migreringar: ${applied.join(', ')}\n` : 'Databasen är redan uppdaterad.\n',
  );
}
