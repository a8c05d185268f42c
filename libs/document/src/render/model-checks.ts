import { modelErrors } from './model-errors.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Checks that a date is `YYYY-MM-DD`, as it is printed as it stands: a public record must not
 * carry a malformed date.
 */
export function checkDate(value: string, field: string): string {
  if (!DATE.test(value)) {
    throw modelErrors.notADate(field, value);
  }
  return value;
}

/** Checks that an approval time is `YYYY-MM-DD HH:MM`, or a meeting's day `YYYY-MM-DD`. */
export function checkDateOrTime(value: string, field: string): string {
  if (!TIME.test(value) && !DATE.test(value)) {
    throw modelErrors.notATime(field, value);
  }
  return value;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Swedish local time, `YYYY-MM-DD HH:MM`, for approval times in the signature panel. */
export function formatStockholmTime(instant: Date): string {
  const parts = STOCKHOLM.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
