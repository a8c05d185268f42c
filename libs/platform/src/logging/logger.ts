import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type Logger } from 'pino';

import type { AppConfig } from '../config/app-config.js';

/**
 * Paths pino blanks in every log line: credentials and personal identity numbers never reach
 * the logs, whoever logs the object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'personalIdentityNumber',
  '*.personalIdentityNumber',
  'privateKey',
  '*.privateKey',
  'passphrase',
  '*.passphrase',
];

/** The structured JSON logger of a process (`api`, `worker`, `cli`). */
export function createLogger(config: AppConfig, processName: string): Logger {
  return pino({
    level: config.log.level,
    base: { process: processName, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[hemlig]' },
  });
}

/** Lets Nest's own Logger write through pino, as JSON with the Nest context as a field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.#write('info', message, context);
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.#write('error', message, context, trace);
  }

  warn(message: unknown, context?: string): void {
    this.#write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.#write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.#write('trace', message, context);
  }

  fatal(message: unknown, context?: string): void {
    this.#write('fatal', message, context);
  }

  setLogLevels(_levels: LogLevel[]): void {
    // the level comes from LOG_LEVEL
  }

  #write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
    trace?: string,
  ): void {
    const fields: Record<string, unknown> = context ? { context } : {};
    if (trace) {
      fields.stack = trace;
    }
    if (typeof message === 'object' && message !== null) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.logger[level]({ ...fields, ...rest }, typeof msg === 'string' ? msg : undefined);
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
