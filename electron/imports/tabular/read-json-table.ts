import { AssayError } from '../../../shared/errors';
import type { ReadContext } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import type { ImportSource } from '../source';
import type { Cell, Table, TableRow } from './shape-table';

/**
 * A JSON array of objects as a table (an export of a register, an API's results): the array at
 * the top or the one array property of the top object ({"risks": [...]}, {"results": [...]}).
 * Columns are the keys in the order first seen; lists become comma-separated text and objects
 * their name (as CISO Assistant's API gives assets and threats).
 */

function flat(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const parts = value.map(flat).filter((v) => v !== null && String(v) !== '');
    return parts.length ? parts.map(String).join(', ') : null;
  }
  const o = value as Record<string, unknown>;
  for (const key of ['name', 'str', 'ref_id', 'title', 'id', 'value']) if (typeof o[key] === 'string' || typeof o[key] === 'number') return o[key] as string | number;
  return JSON.stringify(value);
}

export function readJsonTable(source: ImportSource, ctx: Pick<ReadContext, 'skip' | 'problem'>): Table {
  const doc = parseJson(source.text(), source.name);
  let items: unknown;
  let base = '$';
  if (Array.isArray(doc)) items = doc;
  else if (doc && typeof doc === 'object') {
    const arrays = Object.entries(doc as Record<string, unknown>).filter(([, v]) => Array.isArray(v) && v.some((x) => x && typeof x === 'object' && !Array.isArray(x)));
    if (arrays.length === 1) {
      items = arrays[0]![1];
      base = jsonPath(arrays[0]![0]);
    }
  }
  if (!Array.isArray(items)) throw new AssayError('invalid_input', `${source.name}: is JSON, but not a list of records (an array of objects, or an object holding one such array)`);
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows: TableRow[] = [];
  items.forEach((item, i) => {
    const location = `${base}[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      ctx.skip(location, 'not an object');
      return;
    }
    const cells: Record<string, Cell> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
      const v = flat(value);
      cells[key] = typeof v === 'string' ? v.trim() || null : v;
    }
    if (Object.values(cells).every((v) => v === null)) ctx.skip(location, 'empty record');
    else rows.push({ number: i + 1, location, cells });
  });
  for (const r of rows) for (const c of columns) r.cells[c] ??= null;
  return { sheet: null, headerRow: 0, columns, rows };
}
