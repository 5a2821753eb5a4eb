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
 * written as numbers; empty cells stay empty.
 */
export const renderCsv: Renderer = async (doc, ctx) => {
  const tables = reportTables(doc);
  const table = tables.find((t) => t.main) ?? tables[0];
  if (!table) throw new AssayError('invalid_input', `the ${doc.meta.title} report has no table to write as CSV`);
  if (ctx?.isCancelled?.()) throw new AssayError('refused', `the ${doc.meta.title} CSV was cancelled`);
  const rows = [table.columns.map((c) => safeText(c.label)), ...table.rows.map((row) => table.columns.map((_, i) => safeCell(row[i] ?? null)))];
  // escapeFormulae stays off: the neutralisation is ours (one rule shared with XLSX), not papaparse's.
  const text = Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false, header: false });
  ctx?.onProgress?.(1, 1);
  return Buffer.from(`${BOM}${text}\r\n`, 'utf8');
};
