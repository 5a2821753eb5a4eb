import Papa from 'papaparse';
import { AssayError } from '../../../shared/errors';
import type { ReadContext } from '../importer';
import type { ImportSource } from '../source';

/**
 * A table as people send it, whatever the file: the sheet read, the row its header was found on,
 * the column names, and the data rows with their row numbers as the user sees them in their tool.
 * CSV goes through papaparse (delimiter detected, quoting, byte-order mark); workbooks through the
 * XLSX reader. Every tabular format (risk registers, control lists, human-risk exports) reads here.
 */

export type Cell = string | number | boolean | null;

export interface TableRow {
  /** 1-based row number in the source (the header row counts). */
  number: number;
  /** "row 12" or "sheet Risks, row 12", as problems name it. */
  location: string;
  cells: Record<string, Cell>;
}

export interface Table {
  sheet: string | null;
  headerRow: number;
  columns: string[];
  rows: TableRow[];
}

export function readCsvTable(source: ImportSource, ctx: Pick<ReadContext, 'skip' | 'problem'>): Table {
  const text = source.text();
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  if (parsed.errors.length && parsed.data.length === 0) throw new AssayError('invalid_input', `${source.name}: cannot be read as CSV (${parsed.errors[0]!.message})`);
  for (const e of parsed.errors) ctx.problem({ severity: 'warning', location: `row ${(e.row ?? 0) + 1}`, field: null, message: e.message });
  const lines = parsed.data;
  const headerIndex = lines.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  if (headerIndex === -1) throw new AssayError('invalid_input', `${source.name}: has no header row (the file is empty)`);
  const columns = lines[headerIndex]!.map((c, i) => c.trim() || `Column ${i + 1}`);
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const cells = lines[i]!;
    const number = i + 1;
    if (cells.every((c) => c.trim() === '')) {
      if (i < lines.length - 1) ctx.skip(`row ${number}`, 'blank row');
      continue;
    }
    const record: Record<string, Cell> = {};
    columns.forEach((column, c) => (record[column] = cells[c]?.trim() ? cells[c]!.trim() : null));
    rows.push({ number, location: `row ${number}`, cells: record });
  }
  return { sheet: null, headerRow: headerIndex + 1, columns, rows };
}
