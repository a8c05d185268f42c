import { NestPinoLogger } from '@app/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';

import { createWorkerApp, type WorkerApp } from '../../apps/worker/src/worker-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import type { BenchEnvironment } from './bench-environment.js';

/** Warnings and errors only, to stderr: the benchmark's own output stays readable. */
export function quietLogger() {
  return pino({ level: 'warn' }, pino.destination(2));
}

/** The real worker in this process (relay, BullMQ workers, processors), for set-up work. */
export function startInProcessWorker(
  env: BenchEnvironment,
  settings: Readonly<Record<string, string>> = {},
): Promise<WorkerApp> {
  return createWorkerApp(env.config({ WORKER_CONCURRENCY: '4', ...settings }), { logger: quietLogger() });
}

/** The worker's services without its relay and queue workers: nothing runs but what the benchmark calls. */
export function servicesOnly(env: BenchEnvironment): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(env.config()), {
    logger: new NestPinoLogger(quietLogger()),
    abortOnError: false,
  });
}
