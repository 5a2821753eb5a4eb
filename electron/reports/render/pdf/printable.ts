import type { ReportDoc } from '../../../../shared/reports/model';

/**
 * Roboto, the font the PDF embeds, has no arrows: pdfkit sets such a character as an empty glyph,
 * and the reader sees "risk score 41.6  3" where the app shows "41.6 → 3". These get their plain
 * spellings in the PDF only (DOCX readers substitute a font that has them).
 */
const plain: Record<string, string> = { '→': '->', '←': '<-', '↔': '<->', '⇒': '=>', '⇐': '<=', '➔': '->', '✓': 'yes', '✔': 'yes', '✗': 'no', '✘': 'no' };
const missing = new RegExp(`[${Object.keys(plain).join('')}]`, 'gu');

export function printable(text: string): string {
  return text.replace(missing, (ch) => plain[ch] ?? ch);
}

/** Every string of the model, charts included, with printable() applied; functions and numbers kept. */
function mapStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(mapStrings) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v);
    return out as T;
  }
  return value;
}

export function printableDoc(doc: ReportDoc): ReportDoc {
  return { ...doc, sections: mapStrings(doc.sections), meta: mapStrings(doc.meta) };
}
