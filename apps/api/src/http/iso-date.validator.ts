import { isIsoDate } from '@app/platform';
import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused). */
@ValidatorConstraint({ name: 'isIsoDate', async: false })
export class IsoDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsoDate(value);
  }

  defaultMessage(): string {
    return 'måste vara ett giltigt datum (ÅÅÅÅ-MM-DD)';
  }
}
