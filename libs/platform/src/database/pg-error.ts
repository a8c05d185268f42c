/** PostgreSQL SQLSTATE codes the services act on. */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
  ExclusionViolation: '23P01',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
  LockNotAvailable: '55P03',
  RaiseException: 'P0001',
} as const;

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  driverError?: PgLikeError;
}

function pgError(error: unknown): PgLikeError | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const e = error as PgLikeError;
  return typeof e.code === 'string' ? e : e.driverError;
}

/** True when `error` is a PostgreSQL error with the SQLSTATE (and, if given, the constraint). */
export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === code && (constraint === undefined || e.constraint === constraint);
}

/** The violated constraint's name, when the error names one. */
export function pgConstraint(error: unknown): string | undefined {
  const c = pgError(error)?.constraint;
  return typeof c === 'string' ? c : undefined;
}

/** Errors a transaction may simply be run again after. */
export function isRetryableTransactionError(error: unknown): boolean {
  return isPgError(error, PgErrorCode.SerializationFailure) || isPgError(error, PgErrorCode.DeadlockDetected);
}
