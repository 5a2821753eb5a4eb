import type ExcelJS from 'exceljs';
import { knownHeaders } from '../../../shared/imports/column-mapping';
import { AssayError } from '../../../shared/errors';
import type { ReadContext } from '../importer';
import type { ImportSource } from '../source';
import { type Cell, type GridRow, type Table, findHeaderRow, shapeTable } from './shape-table';
import { inspectWorkbookZip } from './zip-guard';

/**
 * Workbooks as consultants send them: the zip checked first (zip-guard.ts), then the data sheet
 * told apart from notes, instructions and cover sheets (or the sheet the user names), merged cells
 * spread to every cell they cover, hidden columns left out, and formulas taken as the value Excel
 * saved with them (never evaluated: a formula with no saved value is reported and left empty).
 */

type Ctx = Pick<ReadContext, 'skip' | 'problem' | 'options'>;

const NOTES_SHEET = /note|instruction|read ?me|cover|about|guide|legend|lookup|scale|matrix|change ?log|version|help|definition|list/i;

const iso = (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10));

/** A cell's value as text, number or boolean; formulas give their saved result. */
function cellValue(value: ExcelJS.CellValue, where: string, ctx: Ctx): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return iso(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      ctx.problem({ severity: 'warning', location: where, field: null, message: 'a formula with no saved result; left empty (Assay never calculates formulas: open and save the file in Excel to store the results)' });
      return null;
    }
    if (typeof result === 'object' && !(result instanceof Date)) {
      ctx.problem({ severity: 'warning', location: where, field: null, message: `a formula whose saved result is an error (${String((result as { error?: string }).error)}); left empty` });
      return null;
    }
    return result instanceof Date ? iso(result) : result;
  }
  if ('error' in value) {
    ctx.problem({ severity: 'warning', location: where, field: null, message: `the cell holds an error (${String(value.error)}); left empty` });
    return null;
  }
  if ('text' in value) {
    const t = (value as { text: unknown }).text;
    return typeof t === 'string' ? t : flatRich(t);
  }
  return null;
}

function flatRich(value: unknown): string | null {
  const rich = (value as { richText?: { text: string }[] } | null)?.richText;
  return rich ? rich.map((r) => r.text).join('') : null;
}

interface SheetGrid {
  grid: GridRow[];
  hidden: Set<number>;
  mergedAcross: Set<string>;
}

function sheetGrid(ws: ExcelJS.Worksheet, ctx: Ctx): SheetGrid {
  const grid: GridRow[] = [];
  const mergedAcross = new Set<string>();
  const width = ws.columnCount;
  const hidden = new Set<number>();
  for (let c = 1; c <= width; c++) if (ws.getColumn(c).hidden) hidden.add(c - 1);
  ws.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const source = cell.isMerged && cell.master && cell.master.address !== cell.address ? cell.master : cell;
      if (source !== cell && Number(source.col) !== c) mergedAcross.add(`${number}:${c - 1}`);
      if (source !== cell && Number(source.col) !== c && Number(source.row) === number) mergedAcross.add(`${number}:${Number(source.col) - 1}`);
      cells.push(cellValue(source.value, `sheet ${ws.name}, ${cell.address}`, ctx));
    }
    grid.push({ number, cells });
  });
  return { grid, hidden, mergedAcross };
}

function dataRows(g: SheetGrid): number {
  const h = findHeaderRow(g.grid, knownHeaders);
  return h === -1 ? 0 : g.grid.slice(h + 1).filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== '')).length;
}

/** Chooses the sheet: the one named in the options, else the visible sheet with the most data under a header. */
function chooseSheet(wb: ExcelJS.Workbook, name: string, ctx: Ctx): { ws: ExcelJS.Worksheet; g: SheetGrid } {
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw new AssayError('invalid_input', `${name}: the workbook has no sheets`);
  const wanted = ctx.options.sheet;
  if (wanted) {
    const ws = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!ws) throw new AssayError('invalid_input', `${name}: has no sheet "${wanted}" (its sheets: ${sheets.map((s) => s.name).join(', ')})`);
    for (const s of sheets) if (s !== ws) ctx.skip(`sheet ${s.name}`, `not the sheet chosen (${ws.name})`);
    return { ws, g: sheetGrid(ws, ctx) };
  }
  const quiet: Ctx = { ...ctx, problem: () => undefined };
  const scored = sheets.map((ws) => {
    const g = sheetGrid(ws, quiet);
    const rows = ws.state === 'visible' ? dataRows(g) : 0;
    return { ws, rows, notes: NOTES_SHEET.test(ws.name) };
  });
  const best = [...scored].sort((x, y) => Number(x.notes) - Number(y.notes) || y.rows - x.rows).find((s) => s.rows > 0);
  if (!best) throw new AssayError('invalid_input', `${name}: no sheet has a header row with data under it (sheets: ${sheets.map((s) => s.name).join(', ')})`);
  for (const s of scored) {
    if (s === best) continue;
    const why = s.ws.state !== 'visible' ? 'hidden sheet' : s.notes ? 'notes or instructions sheet' : s.rows === 0 ? 'no table on this sheet' : `a second table; the data sheet read is ${best.ws.name} (choose another with the sheet option)`;
    ctx.skip(`sheet ${s.ws.name}`, why);
  }
  return { ws: best.ws, g: sheetGrid(best.ws, ctx) };
}

export async function readXlsxTable(source: ImportSource, ctx: Ctx): Promise<Table> {
  const bytes = source.bytes();
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new AssayError('invalid_input', `${source.name}: is an Excel 97–2003 workbook (.xls) or a password-protected one; save it as .xlsx without a password and import it again`);
  await inspectWorkbookZip(bytes, source.name);
  // Loaded on first use: the command line starts without the workbook library unless a workbook is read.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AssayError('invalid_input', `${source.name}: is not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const { ws, g } = chooseSheet(wb, source.name, ctx);
  const columnName = (c: number) => String(ws.getRow(1).getCell(c + 1).address).replace(/\d+$/, '');
  const table = shapeTable(g.grid, { sheet: ws.name, skipColumns: g.hidden, mergedAcross: g.mergedAcross, known: knownHeaders, skip: ctx.skip });
  if (!table) throw new AssayError('invalid_input', `${source.name}: sheet ${ws.name} has no header row (no row among the first 30 names two or more columns)`);
  const headerCells = g.grid.find((r) => r.number === table.headerRow)?.cells ?? [];
  for (const c of g.hidden) if (c < headerCells.length || g.grid.some((r) => r.cells[c] != null))
    ctx.skip(`sheet ${ws.name}, column ${columnName(c)}${headerCells[c] ? ` "${String(headerCells[c])}"` : ''}`, 'hidden column');
  return table;
}
