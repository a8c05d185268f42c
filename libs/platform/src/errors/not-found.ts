import { DomainError, ErrorKind } from './domain-error.js';

/**
 * A record that does not exist, or that the actor's organisation may not see (the two look the
 * same): the API answers 404 with the code. A row gone under a running flow raises it too, so a
 * catch that means "not there" catches this type alone and lets every other failure through.
 */
export class NotFoundError<Code extends string = string> extends DomainError<Code> {
  declare readonly kind: ErrorKind.NotFound;

  constructor(code: Code, detail: string, extensions: Readonly<Record<string, unknown>> = {}) {
    super(code, ErrorKind.NotFound, detail, extensions);
    this.name = 'NotFoundError';
  }
}

/**
 * The one way to say "this row must exist": the row, or the named not-found error when it is not
 * there — deleted under a running flow, or never there. Reads of rows a flow depends on go through
 * this instead of asserting, so a missing row is a 404 with its code, not a TypeError.
 */
export function mustExist<T>(row: T | null | undefined, missing: () => NotFoundError): T {
  if (row === null || row === undefined) {
    throw missing();
  }
  return row;
}

/** {@link mustExist} for a row still being read. */
export async function mustFind<T>(row: Promise<T | null | undefined>, missing: () => NotFoundError): Promise<T> {
  return mustExist(await row, missing);
}

/**
 * For `.catch` where a look-up through another record stands for the record asked about: a
 * not-found becomes the caller's own not-found, and every other failure — a lost connection, a
 * refusal — passes through unchanged.
 */
export function notFoundAs(missing: () => NotFoundError): (error: unknown) => never {
  return (error) => {
    throw error instanceof NotFoundError ? missing() : error;
  };
}
