import 'reflect-metadata';

import { loadProcessConfigOrExit } from '@app/platform';

import { createApiApp } from './api-app.js';

const config = loadProcessConfigOrExit();
const { app, logger } = await createApiApp(config);
await app.listen({ port: config.http.port, host: config.http.host });
logger.info({ msg: 'API listening', url: `http://${config.http.host}:${config.http.port}`, docs: '/api/docs' });
