import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/**
 * Secret values that have been published (in earlier versions of the source and of
 * docker-compose.yml): anyone could forge tokens or open stored keys with them, so they are
 * refused wherever they are given.
 */
export const KNOWN_SECRETS: readonly string[] = [
  'remiss-development-token-secret-not-for-production',
  'remiss-development-signing-key-secret-not-for-production',
  'change-me-to-a-long-random-secret-of-32-chars',
  'change-me-too-a-long-random-secret-of-32-chars',
];

/** Refuses a published secret in production (a development installation may still read what it sealed with one). */
function NotPublishedInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'notPublishedInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as EnvSchema | undefined)?.NODE_ENV !== 'production' || !KNOWN_SECRETS.includes(String(value)),
      defaultMessage: () => 'is a published value that anyone can use; generate a new one (openssl rand -base64 48)',
    },
  });
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable the processes read, with its default. `.env.example` documents
 * the same list; a test keeps the two in step.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** API processes sharing the port: a number, or `auto` for one per CPU core. */
  @Matches(/^(auto|[1-9]\d?)$/, { message: 'must be auto or a whole number from 1 to 99' })
  API_PROCESSES = 'auto';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/remiss';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'must be 1–64 letters, digits, colons, dashes or underscores' })
  QUEUE_PREFIX = 'remiss';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 4;

  @Transform(toInt)
  @IsInt()
  @Min(200)
  QUEUE_STALLED_INTERVAL_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_DURATION_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  QUEUE_JOB_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_INTERVAL_MS = 1_000;

  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  OUTBOX_REDELIVER_AFTER_MS = 300_000;

  @ValidateIf((env: EnvSchema) => env.NODE_ENV === 'production' || env.AUTH_TOKEN_SECRET !== undefined)
  @IsString({ message: 'is required in production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @NotPublishedInProduction()
  AUTH_TOKEN_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  AUTH_TOKEN_TTL_SECONDS = 8 * 3600;

  /** Whether the browser session's cookies are marked Secure (sent over HTTPS only); auto: in production. */
  @IsIn(['auto', 'true', 'false'])
  SESSION_COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  FILE_MAX_BYTES = 25 * 1024 * 1024;

  @Matches(/^\d+(,\d+)*$/, { message: 'must be a comma-separated list of whole days, e.g. 7,1' })
  REMINDER_DAYS_BEFORE = '7,1';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  REMINDER_SCAN_INTERVAL_MS = 15 * 60 * 1000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(16)
  RENDER_THREADS = 1;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SIGNING_TSA_URL?: string;

  /** How often an open event stream gets a comment, so that proxies keep it open, and its session is checked again. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  EVENTS_HEARTBEAT_MS = 25_000;

  /** The SMTP server mail goes through (`smtp://user:pass@host:587`, `smtps://…`); unset, each message is written as an .eml file under MAIL_DIR. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'], require_protocol: true })
  SMTP_URL?: string;

  /** The sender of every message; the organisation's registry address is its Reply-To. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Remiss <remiss@localhost>';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_RATE_PER_SECOND = 10;

  /** Where messages are written when no SMTP server is configured. */
  @IsString()
  @MinLength(1)
  MAIL_DIR = 'out/mail';

  /** Above this total size an external recipient gets a download link instead of attachments. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAIL_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

  /** The address of the web application, for the links in messages. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  /** The built web application the API serves at `/`; unset, `dist/web` of the installation. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  WEB_ROOT?: string;

  @ValidateIf((env: EnvSchema) => env.NODE_ENV === 'production' || env.AUDIT_KEY !== undefined)
  @IsString({ message: 'is required in production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @NotPublishedInProduction()
  AUDIT_KEY?: string;

  @ValidateIf((env: EnvSchema) => env.NODE_ENV === 'production' || env.SIGNING_KEY_SECRET !== undefined)
  @IsString({ message: 'is required in production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @NotPublishedInProduction()
  SIGNING_KEY_SECRET?: string;
}
