import { DomainError, ErrorKind } from '@app/platform';
import { ValidationPipe } from '@nestjs/common';
import { ValidationError, type ValidatorOptions } from 'class-validator';

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
  notNullable: () => 'får inte vara null (utelämna fältet för att lämna det orört)',
  int32: () => `är för stort (högst ${INT32_MAX})`,
};

/** The largest integer a field takes: PostgreSQL's integer, which ids, numbers and offsets are stored as. */
export const INT32_MAX = 2_147_483_647;

/** Where @nestjs/swagger keeps a DTO property's documentation, `nullable` included. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function declaredNullable(instance: object, property: string): boolean {
  const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, Object.getPrototypeOf(instance) as object, property) as
    { nullable?: boolean } | undefined;
  return documented?.nullable === true;
}

/** A DTO made by the validation pipe (a class instance), as opposed to a plain value. */
function isDto(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object;
}

function problem(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  const error = new ValidationError();
  error.property = property;
  error.constraints = constraints;
  error.children = children;
  return error;
}

function valueErrors(property: string, value: unknown, nullable: boolean): ValidationError[] {
  if (value === null) {
    return nullable ? [] : [problem(property, { notNullable: 'notNullable' })];
  }
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > INT32_MAX) {
    return [problem(property, { int32: 'int32' })];
  }
  if (Array.isArray(value)) {
    const children = value.flatMap((item, i) => valueErrors(String(i), item, false));
    return children.length > 0 ? [problem(property, {}, children)] : [];
  }
  if (isDto(value)) {
    const children = shapeErrors(value);
    return children.length > 0 ? [problem(property, {}, children)] : [];
  }
  return [];
}

/**
 * What class-validator lets through and the services cannot take, for every DTO alike: `null`
 * for a field that is optional but not documented as nullable (IsOptional skips null as it
 * skips a missing value), and integers beyond PostgreSQL's integer. Nested DTOs are checked too.
 */
export function shapeErrors(dto: object): ValidationError[] {
  return Object.entries(dto).flatMap(([property, value]) =>
    valueErrors(property, value, declaredNullable(dto, property)),
  );
}

/** The validation pipe, with the checks of `shapeErrors` on top of each DTO's own rules. */
class DtoValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    return [...(await super.validate(object, validatorOptions)), ...shapeErrors(object)];
  }
}

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

/** Each field class-validator found fault with, and what is wrong with it, in Swedish. */
export function validationProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const failed = Object.keys(e.constraints ?? {});
    // "abc" as a revision number is not an integer; that it is also "too small" is noise.
    const named = failed.some((name) => KIND_RULES.has(name)) ? failed.filter((name) => KIND_RULES.has(name)) : failed;
    const own = named.map((name) => (MESSAGES[name] ?? (() => 'har ett ogiltigt värde'))(name));
    const children = validationProblems(e.children ?? [], field);
    return own.length > 0 ? [{ field, problems: own }, ...children] : children;
  });
}

/** The 400 that names each field and what is wrong with it, in Swedish. */
export function invalidFields(fields: readonly FieldProblem[]): DomainError {
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
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => invalidFields(validationProblems(errors)),
  });
}
