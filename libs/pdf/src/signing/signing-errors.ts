import { DomainError, ErrorKind } from '@app/platform';

/** Stable codes of the failures the signing library reports. */
export type SigningErrorCode =
  | 'signing.pkcs12_unreadable'
  | 'signing.unsupported_key'
  | 'signing.page_out_of_range'
  | 'signing.placeholder_missing'
  | 'signing.signature_too_large'
  | 'signing.timestamp_failed';

/** A failure while loading a signing identity, preparing a PDF or signing it. */
export class SigningError extends DomainError<SigningErrorCode> {}

/**
 * The errors of this library. A timestamp failure is `Unavailable` so that a job retries it with
 * backoff; the others are permanent for the same input.
 */
export const signingErrors = {
  pkcs12Unreadable: (reason: string) =>
    new SigningError(
      'signing.pkcs12_unreadable',
      ErrorKind.Unprocessable,
      'Signeringscertifikatet (PKCS#12) kunde inte läsas. Kontrollera filen och lösenordet.',
      { reason },
    ),
  unsupportedKey: (keyType: string) =>
    new SigningError(
      'signing.unsupported_key',
      ErrorKind.Unprocessable,
      `Signeringscertifikatets nyckeltyp (${keyType}) stöds inte. Använd en RSA-nyckel.`,
      { keyType },
    ),
  pageOutOfRange: (page: number, pageCount: number) =>
    new SigningError(
      'signing.page_out_of_range',
      ErrorKind.Invalid,
      `Signaturfältet ska ligga på sida ${page + 1}, men dokumentet har ${pageCount} sidor.`,
      { page, pageCount },
    ),
  placeholderMissing: (reason: string) =>
    new SigningError(
      'signing.placeholder_missing',
      ErrorKind.Unprocessable,
      'PDF-filen saknar en förberedd plats för signaturen och kan inte signeras.',
      { reason },
    ),
  signatureTooLarge: (reason: string) =>
    new SigningError(
      'signing.signature_too_large',
      ErrorKind.Unprocessable,
      'Signaturen får inte plats i PDF-filens signaturfält.',
      { reason },
    ),
  timestampFailed: (reason: string) =>
    new SigningError(
      'signing.timestamp_failed',
      ErrorKind.Unavailable,
      'Tidsstämpeltjänsten svarade inte som väntat. Försök igen om en stund.',
      { reason },
    ),
};
