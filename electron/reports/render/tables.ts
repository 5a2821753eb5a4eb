import type { ReportDoc, ReportSection, TableBlock } from '../../../shared/reports/model';

/** Every table of a report in reading order (sections depth first), as the tabular formats export them. */
export function reportTables(doc: ReportDoc): TableBlock[] {
  const walk = (sections: readonly ReportSection[]): TableBlock[] =>
    sections.flatMap((s) => [...s.blocks.filter((b): b is TableBlock => b.kind === 'table'), ...walk(s.sections ?? [])]);
  return walk(doc.sections);
}

/** Excel refuses these in a sheet name. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/**
 * Sheet names Excel accepts, in the order given: forbidden characters become "-", at most 31
 * characters, unique without regard to case (Excel compares names case-insensitively; "History"
 * is reserved by Excel itself). An apostrophe becomes a typographic one: Excel forbids it at
 * either end, and exceljs quotes the name in the print-titles formula without doubling it.
 */
export function sheetNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(['history', ...reserved.map((r) => r.toLowerCase())]);
  return wanted.map((raw) => {
    const base = raw.replace(SHEET_FORBIDDEN, '-').replace(/'/g, '\u2019').trim() || 'Sheet';
    let name = base.slice(0, SHEET_MAX).trim();
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, SHEET_MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
