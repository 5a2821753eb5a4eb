import { crosswalkColumn, requirementRef, splitReferences } from '../../../shared/imports/crosswalk';
import { readControlState, readControlType } from '../../../shared/imports/field-values';
import type { ColumnMapping } from '../../../shared/imports/model';
import type { ImportRecord, ReadContext } from '../importer';
import { fieldReader } from './field-reader';
import type { ControlRowData } from './record-data';
import type { Table } from './shape-table';

/**
 * A control list's rows as control records: CISO Assistant's applied controls, eramba's internal
 * controls and its crosswalk to requirements, anyone's spreadsheet. Crosswalk columns of frameworks
 * the catalog has become requirement links where the item exists and can be assessed; the others
 * are reported once per column (and once per reference the catalog cannot hold).
 */

type Ctx = Pick<ReadContext, 'problem' | 'options' | 'catalog'>;

/** The table's columns that are crosswalks to frameworks (only columns no field uses). */
export function crosswalkColumns(mapping: ColumnMapping): { column: string; framework: string | null; label: string }[] {
  return mapping.columns.filter((c) => mapping.mapping[c] === undefined).flatMap((column) => {
    const x = crosswalkColumn(column);
    return x ? [{ column, ...x }] : [];
  });
}

function assessableRefs(ctx: Ctx): Set<string> {
  const refs = new Set<string>();
  for (const fw of ctx.catalog.frameworks) for (const item of fw.items) if (item.assessable) refs.add(`${fw.id}:${item.id}`);
  return refs;
}

export function controlRecords(table: Table, mapping: ColumnMapping, ctx: Ctx): ImportRecord<ControlRowData>[] {
  const fields = fieldReader(table, mapping, ctx);
  const crosswalks = crosswalkColumns(mapping);
  const assessable = assessableRefs(ctx);
  const controlIds = new Set(ctx.catalog.controls.map((c) => c.id));
  const told = new Set<string>();
  const tell = (key: string, location: string, field: string, message: string) => {
    if (told.has(key)) return;
    told.add(key);
    ctx.problem({ severity: 'warning', location, field, message });
  };
  const records: ImportRecord<ControlRowData>[] = [];
  for (const row of table.rows) {
    const f = fields(row);
    const name = f.text('name') ?? '';
    const ref = f.text('id');
    const requirements: ControlRowData['requirements'] = [];
    for (const x of crosswalks) {
      const written = splitReferences(String(row.cells[x.column] ?? ''));
      if (written.length === 0) continue;
      if (x.framework === null || !ctx.catalog.frameworks.some((fw) => fw.id === x.framework)) {
        tell(`fw:${x.column}`, row.location, x.column, `${x.label} is not a framework of this assessment; its references are not linked`);
        continue;
      }
      for (const w of written) {
        let target = requirementRef(x.framework, w);
        // "Art.9.7" where only the article is assessed: link the article.
        if (target && !assessable.has(target) && x.framework === 'eu-ai-act') target = target.replace(/\(\d+\)$/, '');
        if (target && assessable.has(target)) {
          if (!requirements.some((r) => r.ref === target)) requirements.push({ ref: target, via: `${x.column}: ${w}` });
        } else tell(`ref:${x.column}:${w}`, row.location, x.column, `${w} is not a requirement of ${x.label} in this assessment's catalog; not linked`);
      }
    }
    const catalogControls: string[] = [];
    for (const c of (f.text('mappedTo') ?? '').split(/[\n,;|]+/).map((s) => s.trim()).filter(Boolean)) {
      if (controlIds.has(c.toUpperCase())) catalogControls.push(c.toUpperCase());
      else if (assessable.has(c)) requirements.push({ ref: c, via: `${c}` });
      else tell(`ctl:${c}`, row.location, 'mappedTo', `${c} is neither a control nor a requirement of this assessment's catalog; not linked`);
    }
    const data: ControlRowData = {
      ref,
      name,
      description: f.text('description'),
      state: f.read('status', readControlState),
      justification: f.text('justification'),
      type: readControlType(f.text('category')),
      owner: f.text('owner'),
      dueDate: f.date('dueDate'),
      nextReview: f.date('nextReview'),
      lastReview: f.date('lastReview'),
      notes: f.text('notes'),
      requirements,
      catalogControls: [...new Set(catalogControls)],
      invalid: false,
    };
    data.invalid = f.invalid;
    records.push({
      kind: 'control',
      externalId: ref ? `id:${ref}` : `name:${name.toLowerCase()}`,
      location: row.location,
      title: name || ref || row.location,
      system: null,
      threat: null,
      data,
    });
  }
  return records;
}
