import { DomainError, ErrorKind } from '@app/platform';
import { ValidationPipe, type ValidationError } from '@nestjs/common';

const MESSAGES: Readonly<Record<string, (args: string) => string>> = {
  whitelistValidation: () => 'är inte ett känt fält',
  isString: () => 'måste vara text',
  isNotEmpty: () => 'får inte vara tomt',
  isDefined: () => 'måste anges',
  isUuid: () => 'måste vara ett giltigt id (UUID)',
  isEmail: () => 'måste vara en e-postadress',
  isBoolean: () => 'måste vara true eller false',
  isInt: () => 'måste vara ett heltal',
  isNumber: () => 'måste vara ett tal',
  min: () => 'är för litet',
  max: () => 'är för stort',
  minLength: () => 'är för kort',
  maxLength: () => 'är för långt',
  isIn: () => 'har ett värde som inte är tillåtet',
  isEnum: () => 'har ett värde som inte är tillåtet',
  isArray: () => 'måste vara en lista',
  arrayMinSize: () => 'har för få element',
  arrayMaxSize: () => 'har för många element',
  arrayUnique: () => 'får inte innehålla dubbletter',
  isDateString: () => 'måste vara ett datum (ÅÅÅÅ-MM-DD)',
  isIsoDate: () => 'måste vara ett giltigt datum (ÅÅÅÅ-MM-DD)',
  matches: () => 'har fel format',
  isObject: () => 'måste vara ett objekt',
  nestedValidation: () => 'har fel form',
  isPhone: () => 'måste vara ett telefonnummer',
};

export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

/** Rules about what a value is; when one fails, rules about its size say nothing true. */
const KIND_RULES: ReadonlySet<string> = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isUuid',
  'isEmail',
  'isIsoDate',
  'isDateString',
  'isEnum',
  'isIn',
]);

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const failed = Object.keys(e.constraints ?? {});
    // "abc" as a revision number is not an integer; that it is also "too small" is noise.
    const named = failed.some((name) => KIND_RULES.has(name)) ? failed.filter((name) => KIND_RULES.has(name)) : failed;
    const own = named.map((name) => (MESSAGES[name] ?? (() => 'har ett ogiltigt värde'))(name));
    const children = flatten(e.children ?? [], field);
    return own.length > 0 ? [{ field, problems: own }, ...children] : children;
  });
}

/** The problem for failed validation: each field named, with what is wrong with it, in Swedish. */
export function validationProblem(errors: readonly ValidationError[]): DomainError {
  const fields = flatten(errors);
  return new DomainError(
    'request.invalid',
    ErrorKind.Invalid,
    `Begäran innehåller fel: ${fields.map((f) => `${f.field} ${f.problems.join(', ')}`).join('; ')}.`,
    { errors: fields },
  );
}

/**
 * Validates every body, query and path DTO: unknown fields and malformed values are refused
 * with a 400 that names each field in Swedish, and nothing is done.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: validationProblem,
  });
}
