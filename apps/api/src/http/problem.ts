import { type DomainError, ErrorKind } from '@app/platform';
import { randomUUID } from 'node:crypto';

/** The HTTP status of each kind of domain error. */
export const STATUS_OF: Readonly<Record<ErrorKind, number>> = {
  [ErrorKind.Invalid]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.PayloadTooLarge]: 413,
  [ErrorKind.UnsupportedMediaType]: 415,
  [ErrorKind.Unprocessable]: 422,
  [ErrorKind.TooManyRequests]: 429,
  [ErrorKind.Unavailable]: 503,
};

const TITLE_OF: Readonly<Record<number, string>> = {
  400: 'Ogiltig begäran',
  401: 'Inloggning krävs',
  403: 'Behörighet saknas',
  404: 'Hittades inte',
  405: 'Metoden stöds inte',
  409: 'Konflikt med nuvarande läge',
  413: 'För stor',
  415: 'Filtypen stöds inte',
  422: 'Begäran kan inte utföras',
  429: 'För många försök',
  500: 'Internt fel',
  503: 'Tjänsten är inte tillgänglig just nu',
};

/** An RFC 9457 problem document with the two extension members every answer carries. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly errorId: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemOf(error: DomainError, instance?: string): Problem {
  const status = STATUS_OF[error.kind];
  return {
    ...error.extensions,
    type: `urn:remiss:problem:${error.code}`,
    title: TITLE_OF[status] ?? 'Fel',
    status,
    detail: error.detail,
    ...(instance ? { instance } : {}),
    code: error.code,
    errorId: randomUUID(),
  };
}

export function internalProblem(instance?: string): Problem {
  const errorId = randomUUID();
  return {
    type: 'urn:remiss:problem:internal',
    title: TITLE_OF[500]!,
    status: 500,
    detail: `Ett oväntat fel inträffade. Försök igen, och ange felkoden ${errorId} om du kontaktar support.`,
    ...(instance ? { instance } : {}),
    code: 'internal',
    errorId,
  };
}

/** A plain HTTP status (from the framework) as a problem. */
export function statusProblem(status: number, code: string, detail: string, instance?: string): Problem {
  return {
    type: `urn:remiss:problem:${code}`,
    title: TITLE_OF[status] ?? 'Fel',
    status,
    detail,
    ...(instance ? { instance } : {}),
    code,
    errorId: randomUUID(),
  };
}
