import 'reflect-metadata';

import { loadProcessConfigOrExit } from '@app/platform';

import { createWorkerApp } from './worker-app.js';

const config = loadProcessConfigOrExit();
const worker = await createWorkerApp(config);
worker.logger.info({ msg: 'worker running', queuePrefix: config.queue.prefix });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      return;
    }
    stopping = true;
    worker.logger.info({ msg: 'shutting down: finishing active jobs', signal });
    void worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        worker.logger.error({ msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  });
}
