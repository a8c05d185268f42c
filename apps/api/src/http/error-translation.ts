import { DomainError, ErrorKind, isPgError, PgErrorCode } from '@app/platform';
import { HttpException } from '@nestjs/common';

import { internalProblem, type Problem, problemOf, statusProblem } from './problem.js';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Turns anything thrown while serving a request into the problem document to send, and says
 * whether it is a server fault to be logged. Domain errors carry their own Swedish detail;
 * framework errors get one here.
 */
export function translateError(error: unknown, instance?: string): { problem: Problem; serverFault: boolean } {
  if (error instanceof DomainError) {
    return { problem: problemOf(error as DomainError<string>, instance), serverFault: false };
  }
  if (isPgError(error, PgErrorCode.SerializationFailure) || isPgError(error, PgErrorCode.DeadlockDetected)) {
    return {
      problem: problemOf(
        new DomainError(
          'request.concurrent_change',
          ErrorKind.Conflict,
          'Någon annan ändrade samma sak samtidigt. Försök igen.',
        ),
        instance,
      ),
      serverFault: false,
    };
  }
  if (isPgError(error, PgErrorCode.UniqueViolation)) {
    // The services check for duplicates first; this is two requests racing past that check.
    return {
      problem: problemOf(
        new DomainError(
          'request.duplicate',
          ErrorKind.Conflict,
          'Det du försöker skapa finns redan, troligen skapat av någon annan samtidigt. Hämta det och försök igen.',
        ),
        instance,
      ),
      serverFault: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      const detail =
        status === 400 && /JSON/i.test(error.message) ? 'Innehållet är inte giltig JSON.' : detailFor(status);
      return { problem: statusProblem(status, codeFor(status), detail, instance), serverFault: false };
    }
  }
  const fastify = error as FastifyLikeError;
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    const detail =
      fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fastify.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      /JSON/i.test(fastify.message ?? '')
        ? 'Innehållet är inte giltig JSON.'
        : fastify.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Innehållstypen stöds inte här. Skicka JSON (application/json).'
          : fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastify.code === 'FST_REQ_FILE_TOO_LARGE'
            ? 'Innehållet är för stort.'
            : fastify.code === 'FST_FILES_LIMIT'
              ? 'Formuläret har fler filer än den här adressen tar emot.'
              : fastify.code === 'FST_PARTS_LIMIT' || fastify.code === 'FST_FIELDS_LIMIT'
                ? 'Formuläret har fler fält än den här adressen tar emot.'
                : detailFor(status);
    return { problem: statusProblem(status, codeFor(status), detail, instance), serverFault: false };
  }
  return { problem: internalProblem(instance), serverFault: true };
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return 'request.invalid';
    case 401:
      return 'auth.required';
    case 403:
      return 'access.forbidden';
    case 404:
      return 'route.not_found';
    case 405:
      return 'route.method_not_allowed';
    case 413:
      return 'request.too_large';
    case 415:
      return 'request.unsupported_media_type';
    case 429:
      return 'request.too_many';
    default:
      return `http.${status}`;
  }
}

function detailFor(status: number): string {
  switch (status) {
    case 400:
      return 'Begäran är felaktigt utformad.';
    case 401:
      return 'Logga in och skicka med din token (Authorization: Bearer …).';
    case 403:
      return 'Du har inte behörighet till detta.';
    case 404:
      return 'Det finns ingen sådan adress eller resurs.';
    case 405:
      return 'Metoden stöds inte för den här adressen.';
    case 413:
      return 'Innehållet är för stort.';
    case 415:
      return 'Innehållstypen stöds inte.';
    case 429:
      return 'För många försök. Vänta en stund och försök igen.';
    default:
      return 'Begäran kunde inte utföras.';
  }
}
