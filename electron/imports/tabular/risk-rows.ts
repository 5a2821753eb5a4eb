import { readRiskStatus, readTreatment } from '../../../shared/imports/field-values';
import type { ColumnMapping } from '../../../shared/imports/model';
import type { ImportRecord, ReadContext } from '../importer';
import { fieldReader } from './field-reader';
import type { RiskRowData } from './record-data';
import type { Table } from './shape-table';

/**
 * A risk register's rows as risk records. The system and the threat stay as the row writes them
 * (the engine resolves them); a row naming several assets is about the first, and the others are
 * reported. Treatment left open ("open", blank) is recorded as mitigate, said once.
 */

const UNDECIDED = /^(open|undecided|tbd|to be decided|pending|none|-+)$/i;

export function riskRecords(table: Table, mapping: ColumnMapping, ctx: Pick<ReadContext, 'problem' | 'options'>): ImportRecord<RiskRowData>[] {
  const fields = fieldReader(table, mapping, ctx);
  const records: ImportRecord<RiskRowData>[] = [];
  let undecidedTold = false;
  for (const row of table.rows) {
    const f = fields(row);
    const title = f.text('title') ?? '';
    const ref = f.text('id');
    const treatmentText = f.text('treatment');
    let treatment = treatmentText === null || UNDECIDED.test(treatmentText) ? null : f.read('treatment', readTreatment);
    if (treatment === null && !f.invalid) {
      if (!undecidedTold)
        ctx.problem({ severity: 'warning', location: row.location, field: mapping.columns.find((c) => mapping.mapping[c] === 'treatment') ?? null, message: 'no treatment decided; such risks are recorded as to be mitigated (change them in the register)' });
      undecidedTold = true;
      treatment = 'mitigate';
    }
    const systems = (f.text('system') ?? '').split(/[\n;|]+/).map((s) => s.trim()).filter(Boolean);
    if (systems.length > 1)
      ctx.problem({ severity: 'warning', location: row.location, field: 'system', message: `names ${systems.length} systems; the risk is recorded for the first (${systems[0]}), add it to the others by hand` });
    const controls = (f.text('controls') ?? '').split(/[\n,;|]+/).map((s) => s.trim()).filter(Boolean);
    const data: RiskRowData = {
      ref,
      title,
      description: f.text('description'),
      likelihood: f.level('likelihood'),
      impact: f.level('impact'),
      treatment: treatment ?? 'mitigate',
      residualLikelihood: f.level('residualLikelihood'),
      residualImpact: f.level('residualImpact'),
      owner: f.text('owner'),
      status: f.read('status', readRiskStatus),
      reviewDate: f.date('reviewDate'),
      controls,
      approver: f.text('approver'),
      acceptanceExpiry: f.date('acceptanceExpiry'),
      rationale: f.text('rationale'),
      invalid: false,
    };
    data.invalid = f.invalid;
    records.push({
      kind: 'risk',
      externalId: ref ? `id:${ref}` : `title:${title.toLowerCase()}|${(systems[0] ?? ctx.options.system ?? '').toLowerCase()}`,
      location: row.location,
      title: title || ref || row.location,
      system: systems[0] ?? ctx.options.system ?? null,
      threat: f.text('threat'),
      data,
    });
  }
  return records;
}
