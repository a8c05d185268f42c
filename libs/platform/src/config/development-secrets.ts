import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where an installation keeps its development key: the working directory, git-ignored. */
export const DEVELOPMENT_SECRETS_FILE = '.remiss-dev-secrets.json';

const keys = new Map<string, Buffer>();

/**
 * The development value of a secret variable for this installation, when none is configured
 * outside production: derived from one random key made on first use and kept in a local,
 * git-ignored file, so every process of the installation (API, worker, scripts, tests) agrees
 * and no two installations share it. Production never comes here: it requires every secret.
 */
export function developmentSecret(variable: string, file = DEVELOPMENT_SECRETS_FILE): string {
  const path = resolve(file);
  let key = keys.get(path);
  if (!key) {
    key = installationKey(path);
    keys.set(path, key);
  }
  return createHmac('sha256', key).update(variable).digest('base64url');
}

function installationKey(path: string): Buffer {
  const existing = readKey(path);
  if (existing) {
    return existing;
  }
  // Written aside and linked into place: of processes starting together, exactly one key wins
  // and nobody reads a half-written file.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(
    aside,
    `${JSON.stringify(
      {
        note: 'Development secrets of this installation (Remiss). Never used in production; do not commit or share.',
        key: randomBytes(48).toString('base64url'),
      },
      null,
      2,
    )}\n`,
    { mode: 0o600 },
  );
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    rmSync(aside, { force: true });
  }
  const key = readKey(path);
  if (!key) {
    throw new Error(`${path} holds no development key; delete it to have a new one made`);
  }
  return key;
}

function readKey(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const key = (JSON.parse(text) as { key?: unknown }).key;
  return typeof key === 'string' && key.length >= 43 ? Buffer.from(key, 'base64url') : undefined;
}
