import { ControlEntry } from '../../../shared/domain/control-entry';
import { OwnControlInput } from '../../../shared/domain/own-controls/control';
import { AssayError } from '../../../shared/errors';
import type { Assessment } from '../../store/assessment';
import { writeEntry } from '../../store/control-entries';
import { listOwnControls } from '../../store/own-controls';
import type { ApplyContext, ImportRecord, PlanContext, Planned, RecordSink } from '../importer';
import type { ControlRowData } from '../tabular/record-data';
import { SOMEONE } from './risk-plan';

/**
 * Control lists into the organisation's controls (step 4). A row that names one catalog control
 * (CISO Assistant's reference control) sets that control's state; any other row is an own control,
 * created with the next free id (ORG-01…ORG-99, then ORGA-01…) and later updated through the id
 * the import recorded. States, owners and dates go through the control entries store (an entry
 * that does not change writes nothing); crosswalk references become mappings to requirements.
 */

type R = ImportRecord<ControlRowData>;

const PREFIXES = ['ORG', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `ORG${l}`)];
const NOT_APPLICABLE = 'Marked not applicable in the imported control list';

/** What planning and applying look up, read once per import (the catalog is rebuilt only at the end). */
interface Known {
  taken: Set<string>;
  ownByName: Map<string, string>;
  mapped: Set<string>;
}

function known(a: Assessment): Known {
  const base = a.baseCatalog();
  const own = listOwnControls(a).controls;
  return {
    taken: new Set([...base.controls.map((c) => c.id), ...base.retired_controls.map((c) => c.id), ...own.map((c) => c.id)]),
    ownByName: new Map(own.filter((c) => !c.retired).map((c) => [c.name.toLowerCase(), c.id])),
    mapped: new Set(a.catalog().control_requirements.map((m) => `${m.control}|${m.requirement}`)),
  };
}

function nextFreeId(taken: Set<string>): string {
  for (const prefix of PREFIXES)
    for (let n = 1; n <= 99; n++) {
      const id = `${prefix}-${String(n).padStart(2, '0')}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  throw new AssayError('conflict', 'no own control id is free (ORG-01 to ORGZ-99 are all taken)');
}

function objectiveOf(d: ControlRowData): string {
  const text = (d.description ?? '').replace(/\s+/g, ' ').trim();
  if (text.length >= 10) return text.length > 400 ? `${text.slice(0, 399)}…` : text;
  return `Imported control: ${d.name}`.slice(0, 400);
}

/** The existing control a record is: the one it was imported as, its catalog control, or an active own control of that name. */
function targetOf(k: Known, record: R, ref: string | undefined): string | null {
  if (ref) return ref;
  if (record.data.catalogControls.length === 1) return record.data.catalogControls[0]!;
  return k.ownByName.get(record.data.name.toLowerCase()) ?? null;
}

function entryProblems(d: ControlRowData): { field: string; message: string }[] {
  if (!d.state) return [];
  const parsed = ControlEntry.safeParse({
    controlId: 'ORG-01',
    systemId: null,
    state: d.state,
    justification: d.state === 'not_applicable' ? (d.justification ?? NOT_APPLICABLE) : null,
    owner: d.owner ? SOMEONE : null,
    dueDate: d.dueDate,
    maturity: null,
    notes: d.notes,
    lastReview: d.lastReview,
    nextReview: d.nextReview,
  });
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'row', message: i.message }));
}

function newMappings(k: Known, id: string, d: ControlRowData): ControlRowData['requirements'] {
  return d.requirements.filter((r) => !k.mapped.has(`${id}|${r.ref}`));
}

function stateChanges(a: Assessment, id: string, d: ControlRowData): string[] {
  if (!d.state) return [];
  const c = a.control(id);
  const changed: string[] = [];
  if (c.state !== d.state) changed.push('state');
  if (d.owner && c.owner !== d.owner) changed.push('owner');
  for (const [f, v] of [['dueDate', d.dueDate], ['nextReview', d.nextReview], ['lastReview', d.lastReview], ['notes', d.notes]] as const)
    if (v !== null && c[f] !== v) changed.push(f);
  return changed;
}

export const controlSink: RecordSink = {
  kind: 'control',
  plan(records, ctx: PlanContext) {
    const a = ctx.a;
    const k = known(a);
    return (records as R[]).map((record): Planned => {
      const skip = (detail: string): Planned => ({ record, action: 'skip', entityId: null, detail });
      if (record.data.invalid) return skip('the row has values that cannot be read (see the problems)');
      const problems = entryProblems(record.data);
      const target = targetOf(k, record, ctx.ref('control', record.externalId));
      if (!target) {
        const own = OwnControlInput.safeParse({ id: 'ORG-01', name: record.data.name, objective: objectiveOf(record.data), type: record.data.type });
        if (!own.success) problems.push(...own.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
      }
      if (problems.length) {
        for (const p of problems) ctx.problem({ severity: 'error', location: record.location, ...p });
        return skip('the row does not make a valid control (see the problems)');
      }
      const links = record.data.requirements.length ? `, ${record.data.requirements.length} requirement link(s)` : '';
      if (!target) return { record, action: 'create', entityId: null, detail: `new own control${record.data.state ? ` (${record.data.state.replace('_', ' ')})` : ''}${links}` };
      const changed = stateChanges(a, target, record.data);
      const added = newMappings(k, target, record.data);
      if (changed.length === 0 && added.length === 0) return { record, action: 'unchanged', entityId: target, detail: '' };
      const parts = [...(changed.length ? [`${changed.join(', ')} change`] : []), ...(added.length ? [`${added.length} new requirement link(s)`] : [])];
      return { record, action: 'update', entityId: target, detail: parts.join('; ') };
    });
  },

  apply(planned, ctx: ApplyContext) {
    ctx.a.write((at) => applyControls(planned, ctx, at));
  },
};

function applyControls(planned: Planned[], ctx: ApplyContext, at: string): void {
  const a = ctx.a;
  const k = known(a);
  const addOwn = a.db.prepare('INSERT INTO own_control (id, name, objective, type, guidance, evidence, created_at, created_by) VALUES (@id, @name, @objective, @type, @guidance, @evidence, @at, @by)');
  const addCatalog = a.db.prepare('INSERT INTO catalog_control (id, name, objective, type, guidance, evidence) VALUES (@id, @name, @objective, @type, @guidance, @evidence)');
  const addMapping = a.db.prepare('INSERT INTO control_mapping (control_id, target, kind, relationship, rationale, mapped_at, mapped_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let done = 0;
  for (const p of planned) {
    if (ctx.isCancelled()) throw new AssayError('refused', 'the import was cancelled; nothing was changed');
    ctx.progress(++done, planned.length);
    if (p.action === 'skip') continue;
    const record = p.record as R;
    const d = record.data;
    let id = p.entityId;
    if (p.action === 'create') {
      id = nextFreeId(k.taken);
      // The payload and rows of ownControls.add (electron/store/own-controls.ts), written here once per control.
      const control = OwnControlInput.parse({ id, name: d.name, objective: objectiveOf(d), type: d.type });
      const entry = a.audit({ at, actor: ctx.actor, command: 'ownControls.add', entity: 'control', entityId: id, payload: { control } });
      const row = { ...control, evidence: JSON.stringify(control.evidence) };
      addOwn.run({ ...row, at, by: entry.actor });
      addCatalog.run(row);
    }
    if (!id) continue;
    if (d.state)
      writeEntry(
        a,
        at,
        ctx.actor,
        { controlId: id, systemId: null },
        {
          state: d.state,
          ...(d.state === 'not_applicable' ? { justification: d.justification ?? NOT_APPLICABLE } : {}),
          details: {
            ...(d.owner ? { owner: d.owner } : {}),
            ...(d.dueDate ? { dueDate: d.dueDate } : {}),
            ...(d.nextReview ? { nextReview: d.nextReview } : {}),
            ...(d.lastReview ? { lastReview: d.lastReview } : {}),
            ...(d.notes ? { notes: d.notes } : {}),
          },
        },
        true,
      );
    for (const m of newMappings(k, id, d)) {
      // The payload and row of ownControls.map; targets were checked against the catalog's assessable items when read.
      const payload = { target: m.ref, kind: 'requirement' as const, relationship: 'intersects' as const, rationale: `Imported crosswalk (${m.via})`.slice(0, 1000) };
      const entry = a.audit({ at, actor: ctx.actor, command: 'ownControls.map', entity: 'control', entityId: id, payload });
      addMapping.run(id, payload.target, payload.kind, payload.relationship, payload.rationale, at, entry.actor);
      k.mapped.add(`${id}|${m.ref}`);
    }
    ctx.setRef('control', record.externalId, id);
  }
  a.forgetCached();
}
