import 'reflect-metadata';

import { closeOnSignal, loadProcessConfigOrExit } from '@app/platform';

import { createWorkerApp } from './worker-app.js';

const config = loadProcessConfigOrExit();
const worker = await createWorkerApp(config);
worker.logger.info({ msg: 'worker running', queuePrefix: config.queue.prefix });

closeOnSignal(worker.logger, () => worker.close());
