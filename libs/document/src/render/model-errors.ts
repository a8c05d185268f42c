import { DomainError, ErrorKind } from '@app/platform';

/**
 * A model the city's layouts refuse: a value that would print wrong in a public record. The same
 * model fails again, so a job that meets one fails the document for good, with this reason.
 */
export const modelErrors = {
  notADate: (field: string, value: string) =>
    new DomainError(
      'document.model_invalid',
      ErrorKind.Unprocessable,
      `${field} ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men är ”${value}”.`,
      { field },
    ),
  notATime: (field: string, value: string) =>
    new DomainError(
      'document.model_invalid',
      ErrorKind.Unprocessable,
      `${field} ska vara en tid skriven ÅÅÅÅ-MM-DD TT:MM eller ett datum ÅÅÅÅ-MM-DD, men är ”${value}”.`,
      { field },
    ),
  paragraphInvalid: (paragraph: number) =>
    new DomainError(
      'document.model_invalid',
      ErrorKind.Unprocessable,
      `Paragrafnumret ska vara ett positivt heltal, men är ${paragraph}.`,
      { field: 'paragraph' },
    ),
};
