import { normaliseHeader } from '../../../shared/imports/column-mapping';

/**
 * From a grid of cells (a CSV's lines, a sheet's rows) to a table: the header row found below any
 * title block (the row that looks most like column names, known names counting most), a group row
 * above it combined into the names ("Inherent" over "Likelihood"), and data rows with blank and
 * total rows left out, each with its reason.
 */

export type Cell = string | number | boolean | null;

export interface TableRow {
  /** 1-based row number in the source, as the user sees it in their tool. */
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

export interface GridRow {
  number: number;
  cells: Cell[];
}

export interface ShapeOptions {
  sheet: string | null;
  /** Column indexes left out (hidden in the workbook). */
  skipColumns?: ReadonlySet<number>;
  /** Cells ("row:col") whose value was spread from a merge across columns: marks a group row. */
  mergedAcross?: ReadonlySet<string>;
  /** Header names the readers know, normalised: a row with them is the header. */
  known: ReadonlySet<string>;
  skip(location: string, reason: string): void;
}

/** How far down a title block and notes may push the header. */
const HEADER_SEARCH_ROWS = 30;

const text = (c: Cell) => (c === null ? '' : String(c).trim());

function headerScore(cells: readonly Cell[], known: ReadonlySet<string>): number {
  let score = 0;
  let filled = 0;
  for (const c of cells) {
    const t = text(c);
    if (t === '') continue;
    filled++;
    if (typeof c === 'string' && !/^[\d.,%/: -]+$/.test(t) && t.length <= 80) score += 1;
    if (known.has(normaliseHeader(t))) score += 3;
  }
  return filled >= 2 ? score : 0;
}

/** The index of the header row in the grid, or -1 when no row looks like one. */
export function findHeaderRow(grid: readonly GridRow[], known: ReadonlySet<string>): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const score = headerScore(grid[i]!.cells, known);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

const TOTAL = /^(grand\s+)?(sub-?\s*)?totals?\b|^sum\b|^overall\b/i;

/** Why a data row is left out, or null to keep it. */
export function skipReason(cells: readonly Cell[]): string | null {
  // Only the first filled cell matters; asked of every row, so no arrays are built for it.
  let first: string | undefined;
  for (const c of cells) {
    const t = text(c);
    if (t !== '') {
      first = t;
      break;
    }
  }
  if (first === undefined) return 'blank row';
  if (TOTAL.test(first)) return `${/sub/i.test(first) ? 'subtotal' : 'total'} row ("${first.slice(0, 40)}")`;
  return null;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} (${count})`;
  });
}

function columnNames(grid: readonly GridRow[], h: number, keep: number[], o: ShapeOptions): string[] {
  const header = grid[h]!;
  const above = h > 0 ? grid[h - 1] : undefined;
  const groups = above ? keep.map((c) => text(above.cells[c] ?? null)) : [];
  const isGroupRow =
    above !== undefined &&
    above.number === header.number - 1 &&
    new Set(groups.filter((g) => g !== '')).size >= 2 &&
    keep.some((c) => o.mergedAcross?.has(`${above.number}:${c}`));
  return uniqueNames(
    keep.map((c, i) => {
      const name = text(header.cells[c] ?? null);
      const group = isGroupRow ? groups[i]! : '';
      const joined = group && name && group !== name ? `${group} ${name}` : name || group;
      return joined || `Column ${c + 1}`;
    }),
  );
}

export function shapeTable(grid: readonly GridRow[], o: ShapeOptions): Table | null {
  const h = findHeaderRow(grid, o.known);
  if (h === -1) return null;
  const at = (n: number) => (o.sheet ? `sheet ${o.sheet}, row ${n}` : `row ${n}`);
  const width = Math.max(...grid.slice(h, h + 200).map((r) => r.cells.length));
  const keep = [...Array(width).keys()].filter((c) => !o.skipColumns?.has(c));
  // Trailing columns with neither a name nor values are not columns at all.
  while (keep.length && text(grid[h]!.cells[keep.at(-1)!] ?? null) === '' && !grid.some((r) => text(r.cells[keep.at(-1)!] ?? null) !== '')) keep.pop();
  const columns = columnNames(grid, h, keep, o);
  for (let i = 0; i < h; i++) if (grid[i]!.cells.some((c) => text(c) !== '')) o.skip(at(grid[i]!.number), 'above the header row (title or notes)');
  const rows: TableRow[] = [];
  let last = grid.length - 1;
  while (last > h && grid[last]!.cells.every((c) => text(c) === '')) last--;
  for (let i = h + 1; i < grid.length; i++) {
    const { number, cells } = grid[i]!;
    const kept = keep.map((c) => cells[c] ?? null);
    const reason = skipReason(kept);
    if (reason) {
      // Blank rows at the very end are only the sheet's unused space.
      if (reason !== 'blank row' || i < last) o.skip(at(number), reason);
      continue;
    }
    const record: Record<string, Cell> = {};
    columns.forEach((column, k) => {
      const v = kept[k] ?? null;
      record[column] = typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v;
    });
    rows.push({ number, location: at(number), cells: record });
  }
  return { sheet: o.sheet, headerRow: grid[h]!.number, columns, rows };
}
