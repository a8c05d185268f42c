import { loadProcessConfigOrExit } from '@app/platform';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { migrate } from './migrate.js';
import { seed, SEED_REFUSED_IN_PRODUCTION } from './seed.js';

/**
 * `npm start`: migrates (under the advisory lock), seeds the demo directory (never in
 * production), then runs the API and the worker as two processes and stops both when either
 * stops or on Ctrl-C.
 */
const config = loadProcessConfigOrExit();
const applied = await migrate();
process.stdout.write(applied.length ? `Migreringar körda: ${applied.join(', ')}\n` : 'Databasen är uppdaterad.\n');
if (config.env === 'production') {
  process.stdout.write(`${SEED_REFUSED_IN_PRODUCTION}\n`);
} else {
  await seed(config, { quiet: process.argv.includes('--quiet') });
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const children: ChildProcess[] = [
  spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], { stdio: 'inherit' }),
  spawn(process.execPath, [join(dist, 'apps/worker/src/main.js')], { stdio: 'inherit' }),
];
process.stdout.write(
  `\nRemiss körs: API på http://${config.http.host}:${config.http.port} (dokumentation på /api/docs), worker startad.\n` +
    'Avsluta med Ctrl-C.\n\n',
);

let stopping = false;
function stopAll(code: number): void {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
  const deadline = setTimeout(() => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
  }, 30_000);
  deadline.unref();
  void Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))),
  ).then(() => process.exit(code));
}
for (const child of children) {
  child.once('exit', (code) => stopAll(code ?? 1));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
