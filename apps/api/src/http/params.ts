import { DomainError, ErrorKind } from '@app/platform';
import { type PipeTransform, ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';

import { INT32_MAX, invalidFields } from './validation.js';

/** Validates a path id as a UUID, answering in Swedish. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () =>
      new DomainError('request.invalid', ErrorKind.Invalid, `${name} måste vara ett giltigt id (UUID).`, {
        errors: [{ field: name, problems: ['måste vara ett giltigt id (UUID)'] }],
      }),
  });
}

/** Validates a path segment as a whole number PostgreSQL's integer holds (a revision, a year), answering in Swedish. */
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(readonly name: string) {}

  transform(value: string): number {
    const number = /^-?\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(number)) {
      throw invalidFields([{ field: this.name, problems: ['måste vara ett heltal'] }]);
    }
    if (Math.abs(number) > INT32_MAX) {
      throw invalidFields([{ field: this.name, problems: [`är för stort (högst ${INT32_MAX})`] }]);
    }
    return number;
  }
}

export function intParam(name: string): IntParamPipe {
  return new IntParamPipe(name);
}

/** Query-string booleans: `true`/`false` (and 1/0) become booleans; anything else stays as is and fails validation. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') {
      return true;
    }
    if (value === 'false' || value === '0') {
      return false;
    }
    return value;
  });

/** Query-string integers. */
export const QueryInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
