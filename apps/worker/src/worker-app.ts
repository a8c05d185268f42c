import { RenderPool } from '@app/document';
import { type AppConfig, createLogger, NestPinoLogger, OutboxRelay, type PlatformOptions } from '@app/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger as PinoLogger } from 'pino';

import { Schedules } from './runtime/schedules.js';
import { WorkerRuntime } from './runtime/worker-runtime.js';
import { WorkerModule } from './worker.module.js';

export interface WorkerApp {
  readonly app: INestApplicationContext;
  readonly logger: PinoLogger;
  /** Stops taking jobs, lets active ones finish, and closes every connection. */
  close(): Promise<void>;
}

export interface WorkerAppOptions extends PlatformOptions {
  readonly logger?: PinoLogger;
}

/** Builds and starts the worker (used by main.ts and by the tests). */
export async function createWorkerApp(config: AppConfig, options: WorkerAppOptions = {}): Promise<WorkerApp> {
  const logger = options.logger ?? createLogger(config, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  const relay = app.get(OutboxRelay);
  // Render threads are up, fonts parsed, before the first job arrives.
  await app.get(RenderPool).start();
  app.get(WorkerRuntime).start();
  await relay.start();
  await app.get(Schedules).install();
  return {
    app,
    logger,
    close: async () => {
      await relay.stop();
      await app.close();
    },
  };
}
