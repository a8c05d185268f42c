import 'reflect-metadata';

import { closeOnSignal, loadProcessConfigOrExit, runMigrationsLocked } from '@app/platform';
import { createDataSource } from '@app/schema';
import cluster from 'node:cluster';

import { createApiApp } from './api-app.js';

const config = loadProcessConfigOrExit();

if (cluster.isPrimary) {
  // Every API instance applies pending migrations before it serves; the advisory lock lets only
  // one of several instances starting together do the work.
  const migrator = await createDataSource(config, { applicationName: 'remiss-api-migrate', poolSize: 1 }).initialize();
  try {
    await runMigrationsLocked(migrator);
  } finally {
    await migrator.destroy();
  }
}

if (cluster.isPrimary && config.http.processes > 1) {
  // API_PROCESSES > 1: this process only keeps the others, which share the port (node:cluster
  // hands each connection to one of them). One that dies takes the whole service down, so the
  // supervisor (npm start, docker) sees it and nothing serves half-started.
  let stopping = false;
  const processes = Array.from({ length: config.http.processes }, () => cluster.fork());
  const stop = (code: number): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    for (const child of processes) {
      if (child.isConnected()) {
        child.process.kill('SIGTERM');
      }
    }
    let left = processes.filter((p) => p.process.exitCode === null).length;
    if (left === 0) {
      process.exit(code);
    }
    cluster.on('exit', () => {
      left -= 1;
      if (left === 0) {
        process.exit(code);
      }
    });
  };
  cluster.on('exit', (child, exitCode) => {
    if (!stopping) {
      process.stderr.write(`API process ${child.process.pid} stopped (${exitCode}); stopping the others\n`);
      stop(exitCode || 1);
    }
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
} else {
  const { app, logger } = await createApiApp(config);
  closeOnSignal(logger, () => app.close());
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.info({
    msg: 'API listening',
    url: `http://${config.http.host}:${config.http.port}`,
    docs: '/api/docs',
    processes: config.http.processes,
  });
}
