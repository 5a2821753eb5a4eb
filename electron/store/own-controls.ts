import type Database from 'better-sqlite3';
import { type Catalog, type ControlType, type Relationship, splitRef } from '../../shared/catalog/schema';
import type { MappingInput, OwnControl, OwnControlRecord, UserMapping } from '../../shared/domain/own-controls/control';
import { mappingKey } from '../../shared/domain/own-controls/log';
import type { TableRows } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { hasTable } from './sqlite';

interface OwnRow {
  id: string;
  name: string;
  objective: string;
  type: ControlType;
  guidance: string;
  evidence: string;
  created_at: string;
  created_by: string;
  retired_at: string | null;
  retired_by: string | null;
  retired_reason: string | null;
}

interface MappingRow {
  control_id: string;
  target: string;
  kind: 'requirement' | 'threat';
  relationship: Relationship | null;
  rationale: string;
  mapped_at: string;
  mapped_by: string;
}

/** Files before format 10 (opened read-only) have no such tables: they simply have no own controls. */
function hasTables(db: Database.Database): boolean {
  return hasTable(db, 'own_control');
}

const ownRows = (db: Database.Database) => (hasTables(db) ? (db.prepare('SELECT * FROM own_control ORDER BY id').all() as OwnRow[]) : []);
const mappingRows = (db: Database.Database) => (hasTables(db) ? (db.prepare('SELECT * FROM control_mapping ORDER BY control_id, target').all() as MappingRow[]) : []);

/**
 * The assessment's catalog as everything else sees it: the snapshot and imported frameworks,
 * plus the organisation's active own controls and the mappings users drew, so the control
 * list, coverage, trace and search treat them like the catalog's.
 */
export function withOwnControls(base: Catalog, db: Database.Database): Catalog {
  const own = ownRows(db).filter((r) => r.retired_at === null);
  if (own.length === 0 && mappingRows(db).length === 0) return base;
  const controls = [...base.controls, ...own.map((r) => ({ id: r.id, name: r.name, objective: r.objective, type: r.type, guidance: r.guidance, evidence: JSON.parse(r.evidence) as string[] }))];
  const active = new Set(controls.map((c) => c.id));
  const frameworks = new Set(base.frameworks.map((f) => f.id));
  const mappings = mappingRows(db).filter((m) => active.has(m.control_id));
  return {
    ...base,
    controls,
    control_requirements: [
      ...base.control_requirements,
      ...mappings
        .filter((m) => m.kind === 'requirement' && frameworks.has(splitRef(m.target).framework))
        .map((m) => ({ control: m.control_id, requirement: m.target, relationship: m.relationship!, rationale: m.rationale })),
    ],
    threat_controls: [...base.threat_controls, ...mappings.filter((m) => m.kind === 'threat').map((m) => ({ threat: m.target, control: m.control_id, rationale: m.rationale }))],
  };
}

export function listOwnControls(a: Assessment): { controls: OwnControl[]; mappings: UserMapping[] } {
  const name = nameResolver(a.db);
  return {
    controls: ownRows(a.db).map((r) => ({
      id: r.id,
      name: r.name,
      objective: r.objective,
      type: r.type,
      guidance: r.guidance,
      evidence: JSON.parse(r.evidence) as string[],
      createdAt: r.created_at,
      createdBy: name(r.created_by),
      retired: r.retired_at ? { at: r.retired_at, by: name(r.retired_by), reason: r.retired_reason ?? '' } : null,
    })),
    mappings: mappingRows(a.db).map((m) => ({
      control: m.control_id,
      target: m.target,
      kind: m.kind,
      relationship: m.relationship,
      rationale: m.rationale,
      mappedAt: m.mapped_at,
      mappedBy: name(m.mapped_by),
    })),
  };
}

function ownControl(a: Assessment, id: string): OwnControl {
  const found = listOwnControls(a).controls.find((c) => c.id === id);
  if (!found) throw new AssayError('not_found', `${a.file}: has no own control ${id} (catalog controls cannot be retired here; assay controls lists them)`, [{ path: 'control', message: `no own control ${id}` }]);
  return found;
}

export function addOwnControl(a: Assessment, c: OwnControlRecord, actor: string): OwnControl {
  const base = a.baseCatalog();
  const clash = base.controls.some((x) => x.id === c.id)
    ? 'a catalog control'
    : base.retired_controls.some((x) => x.id === c.id)
      ? 'a retired catalog control'
      : ownRows(a.db).some((x) => x.id === c.id)
        ? 'an own control already'
        : undefined;
  if (clash) throw new AssayError('conflict', `${a.file}: control id ${c.id} is used by ${clash}; choose another id (e.g. ORG-01)`, [{ path: 'id', message: `${c.id} is taken` }]);
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'ownControls.add', entity: 'control', entityId: c.id, payload: { control: c } });
    const row = { ...c, evidence: JSON.stringify(c.evidence) };
    a.db.prepare('INSERT INTO own_control (id, name, objective, type, guidance, evidence, created_at, created_by) VALUES (@id, @name, @objective, @type, @guidance, @evidence, @at, @by)').run({ ...row, at, by: entry.actor });
    a.db.prepare('INSERT INTO catalog_control (id, name, objective, type, guidance, evidence) VALUES (@id, @name, @objective, @type, @guidance, @evidence)').run(row);
  });
  a.forgetCached();
  return ownControl(a, c.id);
}

/** Checks that what a mapping names exists, and returns the target as stored. */
function checkTarget(a: Assessment, m: MappingInput): { target: string; kind: 'requirement' | 'threat' } {
  const catalog = a.catalog();
  if (!catalog.controls.some((c) => c.id === m.control))
    throw new AssayError('not_found', `${a.file}: has no active control ${m.control} (retired controls cannot be mapped)`, [{ path: 'control', message: `no control ${m.control}` }]);
  if (m.threat !== undefined) {
    if (!catalog.threats.some((t) => t.id === m.threat)) throw new AssayError('not_found', `the catalog has no threat ${m.threat}`, [{ path: 'threat', message: `no threat ${m.threat}` }]);
    if (catalog.threat_controls.some((t) => t.control === m.control && t.threat === m.threat))
      throw new AssayError('conflict', `${m.control} is already mapped to ${m.threat}`, [{ path: 'threat', message: 'already mapped' }]);
    return { target: m.threat, kind: 'threat' };
  }
  const ref = m.requirement!;
  const { framework, item } = splitRef(ref);
  const fw = catalog.frameworks.find((f) => f.id === framework);
  if (!fw) throw new AssayError('not_found', `${a.file}: has no framework ${framework} (in requirement ${ref})`, [{ path: 'requirement', message: `no framework ${framework}` }]);
  const found = fw.items.find((i) => i.id === item);
  if (!found) throw new AssayError('not_found', `${fw.short_name} has no item ${item} (in requirement ${ref})`, [{ path: 'requirement', message: `no item ${item}` }]);
  if (!found.assessable) throw new AssayError('invalid_input', `${ref} is a heading, not a requirement a control can satisfy; map to one of its assessable items`, [{ path: 'requirement', message: 'not assessable' }]);
  if (catalog.control_requirements.some((r) => r.control === m.control && r.requirement === ref))
    throw new AssayError('conflict', `${m.control} is already mapped to ${ref}`, [{ path: 'requirement', message: 'already mapped' }]);
  return { target: ref, kind: 'requirement' };
}

export function mapControl(a: Assessment, m: MappingInput, actor: string): UserMapping {
  const { target, kind } = checkTarget(a, m);
  const relationship = m.relationship ?? null;
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'ownControls.map', entity: 'control', entityId: m.control, payload: { target, kind, relationship, rationale: m.rationale } });
    a.db
      .prepare('INSERT INTO control_mapping (control_id, target, kind, relationship, rationale, mapped_at, mapped_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.control, target, kind, relationship, m.rationale, at, entry.actor);
  });
  a.forgetCached();
  return listOwnControls(a).mappings.find((x) => x.control === m.control && x.target === target)!;
}

/** Removes a mapping a user drew (the catalog's own mappings are not the user's to remove). */
export function unmapControl(a: Assessment, control: string, target: string, actor: string): void {
  a.write((at) => {
    const gone = a.db.prepare('DELETE FROM control_mapping WHERE control_id = ? AND target = ?').run(control, target);
    if (gone.changes === 0) throw new AssayError('not_found', `${a.file}: has no user mapping from ${control} to ${target}`, [{ path: 'mappedTo', message: 'no such mapping' }]);
    a.audit({ at, actor, command: 'ownControls.unmap', entity: 'control', entityId: control, payload: { target } });
  });
  a.forgetCached();
}

/** Retires an own control: it leaves the control list (its state with it) and stays on record with the reason. */
export function retireOwnControl(a: Assessment, id: string, reason: string, actor: string): OwnControl {
  const c = ownControl(a, id);
  if (c.retired) throw new AssayError('conflict', `${id} was already retired on ${c.retired.at.slice(0, 10)}`, [{ path: 'control', message: 'already retired' }]);
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'ownControls.retire', entity: 'control', entityId: id, payload: { reason, name: c.name } });
    a.db.prepare('DELETE FROM control_state WHERE control_id = ?').run(id);
    a.db.prepare('DELETE FROM system_control_state WHERE control_id = ?').run(id);
    a.db.prepare('DELETE FROM catalog_control WHERE id = ?').run(id);
    a.db.prepare('UPDATE own_control SET retired_at = ?, retired_by = ?, retired_reason = ? WHERE id = ?').run(at, entry.actor, reason, id);
  });
  a.forgetCached();
  return ownControl(a, id);
}

/** own_control and control_mapping in the shape replay produces. */
export function readOwnControlTables(db: Database.Database): Record<string, TableRows> {
  const own: TableRows = new Map();
  const maps: TableRows = new Map();
  for (const { id, ...r } of ownRows(db)) own.set(id, { ...r });
  for (const { control_id, target, ...r } of mappingRows(db)) maps.set(mappingKey(control_id, target), { ...r });
  return { own_control: own, control_mapping: maps };
}

/** Active own control ids: a catalog update must leave them (and their states) in place. */
export function activeOwnControlIds(db: Database.Database): string[] {
  return ownRows(db).filter((r) => r.retired_at === null).map((r) => r.id);
}
