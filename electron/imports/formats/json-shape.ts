import { clip } from '../../catalog/user-framework';
import type { ReadContext } from '../importer';
import { parseJson } from '../safe-json';
import type { ImportSource } from '../source';

/**
 * Reading other tools' JSON without trusting its shape: every access goes through these, so a
 * string where an object was expected, a missing array or a number as an id gives "absent" and a
 * problem from the reader, never a crash.
 */

/** Whitespace collapsed and cut with an ellipsis: titles and summaries, never full dumps. */
export { clip };

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty trimmed string; numbers are accepted as text (ids written as numbers). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Longer text keeps its paragraphs; only the length is bounded. */
export function clipBlock(text: string, max: number): string {
  const t = text.trim().replace(/\n{3,}/g, '\n\n');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** The whole source as one JSON document, through the defensive parser (depth limit, prototype keys refused). */
export function readJson(source: ImportSource): unknown {
  return parseJson(source.text(), source.name);
}

/** An object where the format needs one; otherwise an error naming the place, and undefined. */
export function need(value: unknown, ctx: ReadContext, location: string, field: string | null, what: string): Json | undefined {
  const o = obj(value);
  if (!o) ctx.problem({ severity: 'error', location, field, message: `expected ${what}, found ${describe(value)}` });
  return o;
}

/** An array where the format needs one (absent counts as empty); otherwise an error naming the place. */
export function list(value: unknown, ctx: ReadContext, location: string, field: string, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) ctx.problem({ severity: 'error', location, field, message: `expected a list of ${what}, found ${describe(value)}` });
  return arr(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${clip(value, 40)}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

/** The date and time as ISO 8601 (UTC) when the text is one; null otherwise. */
export function isoTime(value: unknown): string | null {
  const s = str(value);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) || t < Date.parse('1971-01-01') ? null : new Date(t).toISOString();
}

/** The calendar date as written (a deadline "2024-01-01T05:00:00-04:00" is due on 2024-01-01 where it was set). */
export function dateOnly(value: unknown): string | null {
  const s = str(value);
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m && !Number.isNaN(Date.parse(m[1]!)) ? m[1]! : null;
}

/** The same context, counting the errors reported through it: a reader returns nothing half-read when a part was refused. */
export function countingErrors(ctx: ReadContext): ReadContext & { readonly errors: number } {
  let errors = 0;
  return {
    options: ctx.options,
    catalog: ctx.catalog,
    get errors() {
      return errors;
    },
    problem: (p) => {
      if (p.severity === 'error') errors++;
      ctx.problem(p);
    },
    skip: (location, reason) => ctx.skip(location, reason),
    progress: (done, total, phase) => ctx.progress(done, total, phase),
    isCancelled: () => ctx.isCancelled(),
    savedMapping: (name) => ctx.savedMapping(name),
    pseudonymise: (value) => ctx.pseudonymise(value),
  };
}
