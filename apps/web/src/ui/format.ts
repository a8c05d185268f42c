/**
 * The one place dates and numbers are written for people: Swedish, in Stockholm's time zone.
 * Running text says "3 december 2026"; tables use ISO dates (2026-12-03), as the city's
 * registers do.
 */
const TIME_ZONE = 'Europe/Stockholm';

const longDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const isoDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const integer = new Intl.NumberFormat('sv-SE');

/** A calendar date (YYYY-MM-DD) is a day, not an instant: read it at noon so no zone moves it. */
function toInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** "3 december 2026" */
export function formatDate(value: string): string {
  return longDate.format(toInstant(value));
}

/** "2026-12-03" */
export function formatIsoDate(value: string): string {
  return isoDate.format(toInstant(value));
}

/** "3 december 2026 kl. 14:05" */
export function formatDateTime(value: string): string {
  const instant = new Date(value);
  return `${longDate.format(instant)} kl. ${time.format(instant)}`;
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** Today's date in Stockholm as YYYY-MM-DD. */
export function todayInStockholm(now: Date = new Date()): string {
  return isoDate.format(now);
}

/** Whole days from today (in Stockholm) to a date: 0 today, negative when it has passed. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = toInstant(todayInStockholm(now)).getTime();
  return Math.round((toInstant(date).getTime() - today) / 86_400_000);
}

/** "14:05" */
export function formatTime(value: string): string {
  return time.format(new Date(value));
}
