import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server's maintenance database URL for a database URL (same server, database `postgres`). */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withMaintenance<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl), application_name: 'remiss-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database of the URL when it does not exist yet. Returns true when it created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  return withMaintenance(databaseUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) {
      return false;
    }
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Another process created it between the check and the CREATE.
      if ((error as { code?: string }).code === '42P04') {
        return false;
      }
      throw error;
    }
  });
}

export async function createDatabase(databaseUrl: string, name: string, template?: string): Promise<string> {
  await withMaintenance(databaseUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`),
  );
  return withDatabase(databaseUrl, name);
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await withMaintenance(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** A throwaway database on the same server, dropped when `work` ends. */
export async function withScratchDatabase<T>(databaseUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `remiss_scratch_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(databaseUrl, name);
  try {
    return await work(url);
  } finally {
    await dropDatabase(databaseUrl, name);
  }
}
