import Papa from 'papaparse';
import { AssayError } from '../../../shared/errors';
import type { Renderer } from './renderer';
import { safeCell, safeText } from './safe-cell';
import { reportTables } from './tables';

/** Excel reads a CSV as UTF-8 (accents, non-Latin names) only when it starts with the byte order mark. */
const BOM = '\uFEFF';

/**
 * A report's main table as CSV: the header row of column labels, then the rows, quoted where
 * needed and ended by CRLF (RFC 4180). Text never starts a formula (see safe-cell.ts); numbers are
 * written as numbers; empty cells stay empty. A report that splits its main table over sections
 * (the gap assessment: one per framework, same columns) gets them one after another.
 */
export const renderCsv: Renderer = async (doc, ctx) => {
  const tables = reportTables(doc);
  const mains = tables.filter((t) => t.main);
  const first = mains[0] ?? tables[0];
  if (!first) throw new AssayError('invalid_input', `the ${doc.meta.title} report has no table to write as CSV`);
  const sameColumns = (t: typeof first) => t.columns.map((c) => c.key).join('\u0000') === first.columns.map((c) => c.key).join('\u0000');
  const table = { ...first, rows: mains.length > 1 ? mains.filter(sameColumns).flatMap((t) => t.rows) : first.rows };
  if (ctx?.isCancelled?.()) throw new AssayError('refused', `the ${doc.meta.title} CSV was cancelled`);
  const rows = [table.columns.map((c) => safeText(c.label)), ...table.rows.map((row) => table.columns.map((_, i) => safeCell(row[i] ?? null)))];
  // escapeFormulae stays off: the neutralisation is ours (one rule shared with XLSX), not papaparse's.
  const text = Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false, header: false });
  ctx?.onProgress?.(1, 1);
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
};
