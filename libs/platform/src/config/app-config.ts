import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { developmentSecret } from './development-secrets.js';
import { EnvSchema } from './env.schema.js';
import { Secret } from './secret.js';

/** The one typed, frozen view of the process configuration. Nothing else reads `process.env`. */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly http: { readonly host: string; readonly port: number };
  readonly database: { readonly url: Secret; readonly poolSize: number };
  readonly redis: { readonly url: Secret };
  readonly queue: {
    readonly prefix: string;
    readonly concurrency: number;
    readonly stalledIntervalMs: number;
    readonly lockDurationMs: number;
    readonly attempts: number;
  };
  readonly outbox: { readonly pollIntervalMs: number; readonly redeliverAfterMs: number };
  readonly auth: {
    readonly tokenSecret: Secret;
    readonly tokenTtlSeconds: number;
    /** The browser session's cookies go over HTTPS only (and the session cookie takes the `__Host-` prefix). */
    readonly sessionCookieSecure: boolean;
    readonly loginMaxAttempts: number;
    readonly loginWindowSeconds: number;
  };
  /** The key of the audit records' MACs: kept outside the database, so that no one who can only rewrite the database can forge the trail. */
  readonly audit: { readonly key: Secret };
  readonly log: { readonly level: string };
  readonly files: { readonly maxBytes: number };
  readonly reminders: { readonly daysBefore: readonly number[]; readonly scanIntervalMs: number };
  readonly signing: { readonly tsaUrl?: string; readonly keySecret: Secret };
  /** Threads that render and sign PDFs beside the thread that runs the jobs; 0 renders in the job's own thread. */
  readonly documents: { readonly renderThreads: number };
  /** The live event stream (GET /api/v1/events): how often it sends a heartbeat and checks the session again. */
  readonly events: { readonly heartbeatMs: number };
  /** The directory of the built web application (index.html and its assets) the API serves at `/`. */
  readonly web: { readonly root: string };
  /** Outgoing e-mail: over SMTP when a server is configured, else written as .eml files to `directory`. */
  readonly mail: {
    readonly smtpUrl?: Secret;
    readonly from: string;
    readonly ratePerSecond: number;
    readonly directory: string;
    readonly maxAttachmentBytes: number;
    readonly publicUrl: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message}`));
}

/**
 * The directory of the installation: the nearest one holding package.json above this file, the
 * same from the sources (tests) and from the build in dist/ (processes, containers).
 */
export function installationRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      return process.cwd();
    }
    dir = parent;
  }
  return dir;
}

/**
 * Validates the environment once and returns the frozen config. Outside production a secret
 * left unset takes the installation's development value (see `developmentSecret`); production
 * requires each, and every process refuses a published one. Throws a ConfigError naming
 * every bad variable, so a process stops at start-up instead of failing later.
 */
export function loadAppConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvSchema, defined);
  const errors = validateSync(parsed, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(describe(errors));
  }
  return Object.freeze({
    env: parsed.NODE_ENV,
    http: { host: parsed.HOST, port: parsed.PORT },
    database: { url: new Secret(parsed.DATABASE_URL), poolSize: parsed.DATABASE_POOL_SIZE },
    redis: { url: new Secret(parsed.REDIS_URL) },
    queue: {
      prefix: parsed.QUEUE_PREFIX,
      concurrency: parsed.WORKER_CONCURRENCY,
      stalledIntervalMs: parsed.QUEUE_STALLED_INTERVAL_MS,
      lockDurationMs: parsed.QUEUE_LOCK_DURATION_MS,
      attempts: parsed.QUEUE_JOB_ATTEMPTS,
    },
    outbox: { pollIntervalMs: parsed.OUTBOX_POLL_INTERVAL_MS, redeliverAfterMs: parsed.OUTBOX_REDELIVER_AFTER_MS },
    auth: {
      tokenSecret: new Secret(parsed.AUTH_TOKEN_SECRET ?? developmentSecret('AUTH_TOKEN_SECRET')),
      tokenTtlSeconds: parsed.AUTH_TOKEN_TTL_SECONDS,
      sessionCookieSecure:
        parsed.SESSION_COOKIE_SECURE === 'auto'
          ? parsed.NODE_ENV === 'production'
          : parsed.SESSION_COOKIE_SECURE === 'true',
      loginMaxAttempts: parsed.LOGIN_MAX_ATTEMPTS,
      loginWindowSeconds: parsed.LOGIN_WINDOW_SECONDS,
    },
    audit: { key: new Secret(parsed.AUDIT_KEY ?? developmentSecret('AUDIT_KEY')) },
    log: { level: parsed.LOG_LEVEL },
    files: { maxBytes: parsed.FILE_MAX_BYTES },
    reminders: {
      daysBefore: [...new Set(parsed.REMINDER_DAYS_BEFORE.split(',').map(Number))].sort((a, b) => b - a),
      scanIntervalMs: parsed.REMINDER_SCAN_INTERVAL_MS,
    },
    signing: {
      ...(parsed.SIGNING_TSA_URL ? { tsaUrl: parsed.SIGNING_TSA_URL } : {}),
      keySecret: new Secret(parsed.SIGNING_KEY_SECRET ?? developmentSecret('SIGNING_KEY_SECRET')),
    },
    documents: { renderThreads: parsed.RENDER_THREADS },
    events: { heartbeatMs: parsed.EVENTS_HEARTBEAT_MS },
    web: { root: resolve(parsed.WEB_ROOT ?? join(installationRoot(), 'dist', 'web')) },
    mail: {
      ...(parsed.SMTP_URL ? { smtpUrl: new Secret(parsed.SMTP_URL) } : {}),
      from: parsed.MAIL_FROM,
      ratePerSecond: parsed.MAIL_RATE_PER_SECOND,
      directory: resolve(parsed.MAIL_DIR),
      maxAttachmentBytes: parsed.MAIL_MAX_ATTACHMENT_BYTES,
      publicUrl: parsed.PUBLIC_URL.replace(/\/+$/, ''),
    },
  });
}

/**
 * Reads the process environment (and `.env` in the working directory, when present) into the
 * config. The only place in the code base that touches `process.env`.
 */
export function loadProcessConfig(overrides: Readonly<Record<string, string | undefined>> = {}): AppConfig {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  // eslint-disable-next-line no-restricted-properties -- the single reader of the environment
  return loadAppConfig({ ...process.env, ...overrides });
}

/** Exits the process with the config problems when the environment is invalid. */
export function loadProcessConfigOrExit(): AppConfig {
  try {
    return loadProcessConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
