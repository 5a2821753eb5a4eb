/**
 * One date format for everything Assay shows or prints: ISO 8601 calendar dates (2026-11-28) and
 * 24-hour times with the time zone (2026-11-28 14:05 UTC). Unambiguous in every locale, which a
 * compliance record needs; reuse these rather than toLocaleString.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

/**
 * A calendar date as YYYY-MM-DD. Strings that already are a date ("2026-11-28", or a partial "2026-11"
 * or "2026" as publishers give them) are returned as they are, never shifted by a time zone.
 */
export function formatDate(value: Date | string | number, timeZone = 'UTC'): string {
  if (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const p = parts(toDate(value), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A moment as "YYYY-MM-DD HH:MM <zone>", 24-hour clock; UTC unless a time zone is given (e.g. the user's). */
export function formatDateTime(value: Date | string | number, timeZone = 'UTC'): string {
  const date = toDate(value);
  if (timeZone === 'UTC')
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/**
 * A recorded moment to the second, always in UTC ("2026-11-28 14:05:09 UTC"): what a report's
 * title page states, so a reader can match it to the manifest without parsing ISO 8601.
 */
export function formatTimestamp(value: Date | string | number): string {
  const date = toDate(value);
  return `${formatDateTime(date).slice(0, -' UTC'.length)}:${pad(date.getUTCSeconds())} UTC`;
}

/** The time zone this process runs in, for showing local times with their zone. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
