import Papa from 'papaparse';
import { knownHeaders } from '../../../shared/imports/column-mapping';
import { AssayError } from '../../../shared/errors';
import type { ReadContext } from '../importer';
import type { ImportSource } from '../source';
import { type GridRow, type Table, shapeTable } from './shape-table';

/**
 * A table as people send it, whatever the file: the sheet read, the row its header was found on,
 * the column names, and the data rows with their row numbers as the user sees them in their tool.
 * CSV goes through papaparse (delimiter detected, quoting, byte-order mark); workbooks through
 * read-xlsx.ts; JSON arrays of objects through read-json-table.ts. Every tabular format (risk
 * registers, control lists, human-risk exports) reads here.
 */

export type { Cell, Table, TableRow } from './shape-table';

export function readCsvTable(source: ImportSource, ctx: Pick<ReadContext, 'skip' | 'problem'>): Table {
  const text = source.text();
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  if (parsed.errors.length && parsed.data.length === 0) throw new AssayError('invalid_input', `${source.name}: cannot be read as CSV (${parsed.errors[0]!.message})`);
  for (const e of parsed.errors) ctx.problem({ severity: 'warning', location: `row ${(e.row ?? 0) + 1}`, field: null, message: e.message });
  const grid: GridRow[] = parsed.data.map((cells, i) => ({ number: i + 1, cells }));
  const table = shapeTable(grid, { sheet: null, known: knownHeaders, skip: ctx.skip });
  if (!table) throw new AssayError('invalid_input', `${source.name}: has no header row (no row among the first 30 names two or more columns)`);
  return table;
}
