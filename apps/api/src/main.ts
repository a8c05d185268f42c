import 'reflect-metadata';

import { closeOnSignal, loadProcessConfigOrExit, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';

import { createApiApp } from './api-app.js';

const config = loadProcessConfigOrExit();

// Every API instance applies pending migrations before it serves; the advisory lock lets only
// one of several instances starting together do the work.
const migrator = await createDataSource(config, { applicationName: 'remiss-api-migrate', poolSize: 1 }).initialize();
try {
  await runMigrationsLocked(migrator);
} finally {
  await migrator.destroy();
}

const { app, logger } = await createApiApp(config);
closeOnSignal(logger, () => app.close());
await app.listen({ port: config.http.port, host: config.http.host });
logger.info({ msg: 'API listening', url: `http://${config.http.host}:${config.http.port}`, docs: '/api/docs' });
