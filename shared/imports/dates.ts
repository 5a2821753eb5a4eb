/**
 * Dates as spreadsheets hold them: Excel serial numbers, ISO dates, day/month/year written with
 * slashes, dots or dashes, and dates in words ("1 Mar 2026", "March 1, 2026"). Turned into ISO
 * (YYYY-MM-DD) or refused with a reason; a slash date that reads both ways (03/01/2026) says which
 * reading was taken, so the preview can tell the user.
 */

export type DateOrder = 'dmy' | 'mdy';

export type DateReading = { ok: true; date: string; note: string | null } | { ok: false; message: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Excel's serial day 1 is 1900-01-01, counted from 1899-12-30 because of Lotus' 1900 leap-year bug. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
/** 1900-01-01 .. 9999-12-31, the range Excel itself accepts. */
const MAX_SERIAL = 2_958_465;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function iso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  if (i === -1) return null;
  const full = MONTH_NAMES[i]!.toLowerCase();
  const w = word.toLowerCase().replace(/\.$/, '');
  return full.startsWith(w) || (i === 8 && w === 'sept') ? i + 1 : null;
}

/** An Excel serial date (days since 1899-12-30; a time of day is dropped). */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function toExcelSerial(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EXCEL_EPOCH) / DAY);
}

const SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/**
 * The order a column's slash dates are written in, when some value tells (a first number above 12
 * means day first; a second one above 12 means month first); null when no value decides it.
 */
export function dateOrderOf(values: readonly unknown[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = typeof v === 'string' ? SLASH.exec(v.trim()) : null;
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[3]) > 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

function words(text: string): string | null {
  const t = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  // 1 Mar 2026, 1st March 2026, 01-Mar-2026
  let m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+\.?)[ -](\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  // March 1 2026, Mar 1st 2026
  m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/**
 * One value as an ISO date. `order` is the column's order (dateOrderOf) or the user's; without one
 * an ambiguous slash date is read day first (the European habit) and the note says so.
 */
export function normaliseDate(value: unknown, order: DateOrder | null = null): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: 'is not a valid date' };
    return { ok: true, date: value.toISOString().slice(0, 10), note: null };
  }
  if (typeof value === 'number') {
    const date = fromExcelSerial(value);
    return date ? { ok: true, date, note: null } : { ok: false, message: `${value} is not a date (nor an Excel date serial between 1 and ${MAX_SERIAL})` };
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'is empty' };
  const text = value.trim();
  const bad = { ok: false as const, message: `"${text.slice(0, 40)}" is not a date Assay can read (write it as 2026-03-01, 01/03/2026 or 1 Mar 2026)` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { ok: true, date, note: null } : bad;
  }
  m = SLASH.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    // Dots are the day-first convention wherever they are used.
    const stated: DateOrder | null = m[2] === '.' ? 'dmy' : a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : order;
    const taken = stated ?? 'dmy';
    const date = taken === 'dmy' ? iso(year, b, a) : iso(year, a, b);
    if (!date) return bad;
    const note = stated ? null : `${text} could be ${readable(iso(year, b, a))} or ${readable(iso(year, a, b))}; read as ${readable(date)} (day first)`;
    return { ok: true, date, note };
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const date = fromExcelSerial(Number(text));
    if (date) return { ok: true, date, note: `${text} read as an Excel date serial (${date})` };
  }
  const date = words(text);
  return date ? { ok: true, date, note: null } : bad;
}

function readable(isoDate: string | null): string {
  if (!isoDate) return 'no date';
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m! - 1]} ${y}`;
}
