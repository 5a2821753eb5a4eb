import { type DateOrder, dateOrderOf, normaliseDate } from '../../../shared/imports/dates';
import { type LevelScale, type Reading, isBlankValue, levelScaleOf, readLevel } from '../../../shared/imports/field-values';
import type { ColumnMapping } from '../../../shared/imports/model';
import type { RiskLevel } from '../../../shared/domain/risk';
import type { ReadContext } from '../importer';
import type { Table, TableRow } from './shape-table';

/**
 * Reads a row's fields through the mapping: text, levels on their column's scale, dates in their
 * column's order. A value that cannot be read is an error naming the row and the column, and marks
 * the row invalid; a date read one of two ways is said once per column.
 */

export interface RowFields {
  text(field: string): string | null;
  level(field: string): RiskLevel | null;
  date(field: string): string | null;
  /** Reads a value with a reader of the field's own; an unreadable value is reported. */
  read<T>(field: string, reader: (value: unknown) => Reading<T>): T | null;
  readonly invalid: boolean;
}

export function fieldReader(table: Table, mapping: ColumnMapping, ctx: Pick<ReadContext, 'problem'>): (row: TableRow) => RowFields {
  const columnOf = new Map(Object.entries(mapping.mapping).map(([column, field]) => [field, column]));
  const scales = new Map<string, LevelScale>();
  const orders = new Map<string, DateOrder | null>();
  const ambiguityTold = new Set<string>();
  const values = (column: string) => table.rows.map((r) => r.cells[column]);
  // One reader for every row, pointed at the row being read: a 100,000-row register made six
  // closures and an object per row, all garbage the moment the row was read.
  let row: TableRow;
  let invalid = false;
  const raw = (field: string) => {
    const column = columnOf.get(field);
    const v = column === undefined ? null : row.cells[column];
    return isBlankValue(v) ? null : v;
  };
  const fail = (field: string, message: string) => {
    invalid = true;
    ctx.problem({ severity: 'error', location: row.location, field: columnOf.get(field) ?? field, message });
  };
  const fields: RowFields = {
    text(field) {
      const v = raw(field);
      return v === null ? null : String(v).trim() || null;
    },
    read(field, reader) {
      const v = raw(field);
      if (v === null) return null;
      const r = reader(v);
      if (r.ok) return r.value;
      fail(field, r.message);
      return null;
    },
    level(field) {
      const column = columnOf.get(field);
      if (column !== undefined && !scales.has(column)) scales.set(column, levelScaleOf(values(column)));
      const scale = column ? scales.get(column) : '1-5';
      return fields.read(field, (v) => readLevel(v, scale));
    },
    date(field) {
      const column = columnOf.get(field);
      if (column !== undefined && !orders.has(column)) orders.set(column, dateOrderOf(values(column)));
      const v = raw(field);
      if (v === null) return null;
      const r = normaliseDate(v, column ? (orders.get(column) ?? null) : null);
      if (!r.ok) {
        fail(field, r.message);
        return null;
      }
      if (r.note && column && !ambiguityTold.has(column)) {
        ambiguityTold.add(column);
        ctx.problem({ severity: 'warning', location: row.location, field: column, message: `${r.note}; every date of this column that reads both ways is read day first` });
      }
      return r.date;
    },
    get invalid() {
      return invalid;
    },
  };
  /** The fields of `next`; valid until the next row is asked for (rows are read one after another). */
  return (next) => {
    row = next;
    invalid = false;
    return fields;
  };
}
