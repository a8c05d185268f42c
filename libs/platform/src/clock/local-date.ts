/**
 * Calendar dates in the municipality's time zone. Deadlines, meeting dates and registration
 * dates are calendar days in Stockholm, whatever the server's zone.
 */
export const MUNICIPAL_TIME_ZONE = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: MUNICIPAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of the instant in Stockholm. */
export function localDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** The calendar year of the instant in Stockholm. */
export function localYear(instant: Date): number {
  return Number(localDate(instant).slice(0, 4));
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `date` (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) {
    return false;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
