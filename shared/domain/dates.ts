import { z } from 'zod';

/**
 * Calendar dates as the domain rules use them: ISO strings (2026-11-28) without a time or zone, so a
 * deadline never shifts with the reader's time zone. Arithmetic is done in UTC for the same reason.
 */
export const IsoDate = z.iso.date({ error: 'a date must be a real date written as YYYY-MM-DD' });
export type IsoDate = string;

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; the round trip catches it.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return ms;
}

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** True when `date` lies strictly before `today`: a date is still in time on the day itself. */
export function isPast(date: IsoDate, today: IsoDate): boolean {
  return toUtc(date) < toUtc(today);
}
