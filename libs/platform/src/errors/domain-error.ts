/**
 * What kind of failure a DomainError is. The HTTP layer maps each kind to one status code;
 * services never speak HTTP.
 */
export enum ErrorKind {
  /** Malformed input: a field of the wrong shape, an unknown field. */
  Invalid = 'invalid',
  /** Well-formed input that breaks a rule of the domain. */
  Unprocessable = 'unprocessable',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  /** The record is not in the state the request needs (stale revision, already sent, …). */
  Conflict = 'conflict',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  TooManyRequests = 'too_many_requests',
  /** A dependency (database, Redis) is not reachable: the caller may retry. */
  Unavailable = 'unavailable',
}

/**
 * The one error type services throw. `code` is stable and machine-readable
 * (`registry.case_closed`); `detail` is Swedish, written for the person who has to act on it.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }
}

/**
 * Whether retrying a job cannot mend this failure. A domain error is lasting — a row gone (a
 * not-found), a rule the data breaks — unless it says a dependency is away (`Unavailable`).
 * Anything else (a lost connection, a timeout, a bug) may pass, and is retried.
 */
export function isLastingFailure(error: unknown): boolean {
  return error instanceof PermanentJobFailure || (error instanceof DomainError && error.kind !== ErrorKind.Unavailable);
}

/**
 * A job failure that retrying cannot mend (a document whose data cannot be rendered): the worker
 * records it and stops retrying. Any other error is retried with back-off.
 */
export class PermanentJobFailure extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'PermanentJobFailure';
  }
}
