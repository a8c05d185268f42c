// The PostgreSQL server and Redis the tests use: the configured ones, else the local defaults.
export function baseUrls() {
  return {
    databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/remiss',
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

export function maintenanceUrlOf(databaseUrl) {
  return withDatabaseName(databaseUrl, 'postgres');
}

export function withDatabaseName(databaseUrl, name) {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
