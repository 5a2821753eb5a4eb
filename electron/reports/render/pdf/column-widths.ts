import type { Cell, TableBlock } from '../../../../shared/reports/model';

/**
 * Column widths in points. The model gives relative widths; on their own they split a date or a
 * status word across lines when its column comes out narrow ("2026-12-1/9"). So each column is
 * first given room for its longest word (capped, so one SHA-256 cannot take the page), and the rest
 * of the width is shared by the model's weights.
 */

/** Rough Roboto advance widths in em: enough to tell whether a word fits a column, not to set type. */
function emWidth(ch: string): number {
  if (/[A-Z]/.test(ch)) return /[MW]/.test(ch) ? 0.9 : /[IJ]/.test(ch) ? 0.3 : 0.68;
  if (/[a-z]/.test(ch)) return /[mw]/.test(ch) ? 0.88 : /[ijlft]/.test(ch) ? 0.32 : 0.56;
  if (/[0-9]/.test(ch)) return 0.57;
  return 0.5;
}

export function wordWidth(word: string, size: number): number {
  let em = 0;
  for (const ch of word) em += emWidth(ch);
  return em * size;
}

function longestWord(value: Cell, size: number): number {
  if (value === null) return 0;
  let widest = 0;
  for (const word of String(value).split(/\s+/)) if (word) widest = Math.max(widest, wordWidth(word, size));
  return widest;
}

export interface TableType {
  bodySize: number;
  headSize: number;
  /** Left plus right cell padding. */
  padding: number;
}

/** No column claims more than this share of the width for its longest word. */
const MAX_WORD_SHARE = 0.3;
/** A word up to about this many em is short: an id, a date, a figure, a state. */
const SHORT_WORD_EM = 9;
/** pdfmake's rule widths and rounding: a little slack so the table never exceeds the text width. */
const SLACK = 2;

export function columnWidths(table: TableBlock, textWidth: number, type: TableType): number[] {
  const n = table.columns.length;
  const available = textWidth - n * type.padding - SLACK;
  const weights = table.columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : 1));
  const heads = table.columns.map((c) => Math.min(longestWord(c.label, type.headSize * 1.04) + 1, available * MAX_WORD_SHARE));
  const needs = table.columns.map((_, i) => {
    let need = heads[i]!;
    for (const row of table.rows) need = Math.max(need, longestWord(row[i] ?? null, type.bodySize) + 1);
    return Math.min(need, available * MAX_WORD_SHARE);
  });
  const byWeight = (ws: readonly number[], room: number, cols: readonly number[]) => {
    const total = cols.reduce((s, i) => s + ws[i]!, 0);
    return (i: number) => (room * ws[i]!) / total;
  };
  const sum = needs.reduce((a, b) => a + b, 0);
  if (sum > available) {
    // Words do not all fit. Short ones (ids, dates, sizes, states) and the headings' words keep
    // their room: "RSK-00/1" or "2978/2" misreads. Columns of long words (hashes, paths) share what
    // is left in proportion to what more they would need, so the breaks fall evenly among them;
    // only when even the short words cannot fit do all columns shrink alike.
    const floor = needs.map((need, i) => (need <= SHORT_WORD_EM * type.bodySize ? need : heads[i]!));
    const kept = floor.reduce((a, b) => a + b, 0);
    const more = sum - kept;
    if (kept < available && more > 0) return needs.map((need, i) => floor[i]! + ((need - floor[i]!) * (available - kept)) / more);
    return needs.map((need) => (need * available) / sum);
  }
  const fixed = new Set<number>();
  for (;;) {
    const free = [...weights.keys()].filter((i) => !fixed.has(i));
    const room = available - [...fixed].reduce((s, i) => s + needs[i]!, 0);
    const share = byWeight(weights, room, free);
    const short = free.filter((i) => share(i) < needs[i]!);
    if (short.length === 0) return weights.map((_, i) => (fixed.has(i) ? needs[i]! : share(i)));
    for (const i of short) fixed.add(i);
  }
}
