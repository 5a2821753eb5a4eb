import { type FieldSpec, controlFields, mapColumns, mappingPairProblems, riskFields, unmatchedMessage } from '../../../shared/imports/column-mapping';
import type { ColumnMapping } from '../../../shared/imports/model';
import { AssayError } from '../../../shared/errors';
import type { ReadContext, ReadResult } from '../importer';
import type { ImportSource } from '../source';
import { controlRecords, crosswalkColumns } from './control-rows';
import { riskRecords } from './risk-rows';
import type { Table } from './shape-table';

/**
 * One table, whatever file it came from, as risks or controls: both mappings are worked out (the
 * saved one and the user's pairs applied), and the columns decide which the table is: likelihood,
 * impact, treatment or threat make it a risk register; status, type, due dates, notes or framework
 * crosswalk columns a control list. When a required field has no column, nothing is read and the
 * one error says which columns are free and how to pass --map.
 */

export type TableKind = 'risk' | 'control';

const RISK_SIGNALS = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact', 'treatment', 'threat', 'approver'];
const CONTROL_SIGNALS = ['status', 'category', 'dueDate', 'notes', 'mappedTo', 'nextReview', 'description'];

function signals(m: ColumnMapping, ids: readonly string[]): number {
  const matched = new Set(Object.values(m.mapping));
  return ids.filter((id) => matched.has(id)).length;
}

/** Both mappings of a table and the kind its columns show. */
export function mapTable(table: Table, ctx: Pick<ReadContext, 'options' | 'savedMapping'>): { kind: TableKind; mapping: ColumnMapping } {
  const name = ctx.options.mapping;
  const savedPairs = name ? ctx.savedMapping(name) : undefined;
  if (name && !savedPairs) throw new AssayError('invalid_input', `there is no saved column mapping named "${name}"; import once with the mapping to save it under that name`);
  const where = { sheet: table.sheet, headerRow: table.headerRow || null };
  const map = (fields: readonly FieldSpec[]) =>
    mapColumns(table.columns, fields, { ...(savedPairs && name ? { saved: { name, mapping: savedPairs } } : {}), ...(ctx.options.map ? { given: ctx.options.map } : {}) }, where);
  const risk = map(riskFields);
  const control = map(controlFields);
  const riskScore = signals(risk, RISK_SIGNALS);
  const controlScore = signals(control, CONTROL_SIGNALS) + crosswalkColumns(control).length + (table.columns.some((c) => /control/i.test(c)) ? 1 : 0);
  if (riskScore > 0 && riskScore >= controlScore) return { kind: 'risk', mapping: risk };
  if (controlScore > 0 && control.mapping && Object.values(control.mapping).includes('name')) return { kind: 'control', mapping: control };
  return { kind: 'risk', mapping: risk };
}

export function readTable(table: Table, source: ImportSource, ctx: ReadContext): ReadResult {
  const { kind, mapping } = mapTable(table, ctx);
  for (const message of mappingPairProblems(table.columns, ctx.options.map ?? {}, kind === 'risk' ? riskFields : controlFields))
    ctx.problem({ severity: 'error', location: 'column mapping', field: null, message });
  const unmatched = unmatchedMessage(mapping, source.name);
  if (unmatched) {
    ctx.problem({ severity: 'error', location: table.sheet ? `sheet ${table.sheet}, row ${table.headerRow}` : `row ${table.headerRow}`, field: null, message: unmatched });
    return { records: [], mapping };
  }
  const records = kind === 'risk' ? riskRecords(table, mapping, ctx) : controlRecords(table, mapping, ctx);
  const seen = new Map<string, string>();
  for (const r of records) {
    const first = seen.get(r.externalId);
    if (first) ctx.problem({ severity: 'error', location: r.location, field: null, message: `has the same id as ${first} (${r.externalId.replace(/^\w+:/, '')}); each row needs its own` });
    else seen.set(r.externalId, r.location);
  }
  ctx.progress(records.length, records.length, 'read');
  return { records, mapping };
}

/** The kind a mapping was for, so the engine can save it with saveMapping(). */
export function mappingKind(mapping: ColumnMapping): TableKind {
  return mapping.fields.some((f) => f.id === 'likelihood') ? 'risk' : 'control';
}
