import { DomainError, ErrorKind } from '@app/platform';
import { ParseUUIDPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';

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
