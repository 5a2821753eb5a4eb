import { type CatalogDiff, diffCatalogs, mergeControlStates } from '../../shared/catalog/catalog-diff';
import type { Catalog } from '../../shared/catalog/schema';
import type { ControlState } from '../../shared/domain/control-state';
import type { Payload } from '../../shared/domain/replay';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { Assessment } from './assessment';
import { catalogHash } from './catalog-snapshot';
import { keepBackup } from './backup';
import { activeOwnControlIds } from './own-controls';
import { AssayError } from '../../shared/errors';

export interface StateCarried {
  control: string;
  /** The state before the update (null: none recorded, i.e. not started). */
  before: ControlState | null;
  /** The state after it (null: the control is retired and its state row goes). */
  after: ControlState | null;
  justification: string | null;
  why: string;
  /** Parts of a merge whose states differed; the strictest won. */
  conflicts: { control: string; state: ControlState }[];
}

export interface CatalogUpdatePlan {
  diff: CatalogDiff;
  upToDate: boolean;
  states: StateCarried[];
}

interface StateRow {
  control_id: string;
  state: ControlState;
  justification: string | null;
}

/** The snapshot alone, without the frameworks imported into the assessment (an update leaves those as they are). */
function snapshotCatalog(a: Assessment): Catalog {
  const users = new Set((a.db.prepare('SELECT id FROM user_framework').all() as { id: string }[]).map((r) => r.id));
  // Own controls and user mappings are the organisation's, not the snapshot's: an update neither retires nor replaces them.
  const catalog = a.baseCatalog();
  return { ...catalog, frameworks: catalog.frameworks.filter((f) => !users.has(f.id)) };
}

/**
 * What moving an assessment to a newer catalog does to it. Every control state survives: a
 * retired control's state passes to the control it was merged into, the strictest state of
 * the parts winning (an auditor must never see a merge claim more than a part did).
 */
export function planCatalogUpdate(a: Assessment, bundled: Catalog): CatalogUpdatePlan {
  const current = snapshotCatalog(a);
  const diff = diffCatalogs(current, bundled);
  const rows = new Map((a.db.prepare('SELECT control_id, state, justification FROM control_state').all() as StateRow[]).map((r) => [r.control_id, r]));
  const stateOf = (id: string): ControlState => rows.get(id)?.state ?? 'not_started';
  const states: StateCarried[] = [];
  const targets = new Map<string, string[]>();
  for (const r of diff.controls.retired) {
    if (r.mergedInto) targets.set(r.mergedInto, [...(targets.get(r.mergedInto) ?? []), r.id]);
    if (rows.has(r.id))
      states.push({
        control: r.id,
        before: stateOf(r.id),
        after: null,
        justification: null,
        why: r.mergedInto ? `retired: merged into ${r.mergedInto} (${r.reason})` : `retired: ${r.reason}`,
        conflicts: [],
      });
  }
  for (const [target, merged] of targets) {
    const parts = [target, ...merged].map((id) => ({ control: id, state: stateOf(id) }));
    const { state, from, conflicts } = mergeControlStates(parts);
    const before = rows.get(target)?.state ?? null;
    if (state === (before ?? 'not_started') && conflicts.length === 0 && !merged.some((id) => rows.has(id))) continue;
    states.push({
      control: target,
      before,
      after: state,
      justification: state === 'not_applicable' ? (rows.get(from ?? target)?.justification ?? null) : null,
      why: `keeps the strictest state of ${[target, ...merged].join(', ')}`,
      conflicts,
    });
  }
  const upToDate = catalogHash(bundled) === (a.db.prepare('SELECT sha256 FROM catalog_snapshot').get() as { sha256: string }).sha256;
  return { diff, upToDate, states };
}

/**
 * Applies a plan: a backup copy first (as migrations do), the earlier snapshot kept so replay
 * still works, the new snapshot and controls, the carried states, and one audit entry that
 * records all of it.
 */
export function applyCatalogUpdate(a: Assessment, bundled: Catalog, actor: string): { plan: CatalogUpdatePlan; backup?: string } {
  const plan = planCatalogUpdate(a, bundled);
  if (plan.upToDate) return { plan };
  const own = new Set(activeOwnControlIds(a.db));
  const taken = bundled.controls.filter((c) => own.has(c.id)).map((c) => c.id);
  if (taken.length > 0)
    throw new AssayError('conflict', `${a.file}: the new catalog uses control id(s) ${taken.join(', ')}, which are the organisation's own controls; nothing was changed (retire them first)`);
  const backup = keepBackup(a.db, a.file, `catalog-${plan.diff.fromVersion}`);
  const content = canonicalJson(bundled);
  const sha256 = catalogHash(bundled);
  a.write((at) => {
    const from = a.db.prepare('SELECT version, sha256 FROM catalog_snapshot').get() as { version: string; sha256: string };
    const payload: Payload<'catalog.update'> = {
      from,
      to: { version: bundled.manifest.version, sha256 },
      controlStates: plan.states.map((s) => ({ controlId: s.control, state: s.after, justification: s.justification })),
    };
    const entry = a.audit({ at, actor, command: 'catalog.update', entity: 'catalog', entityId: bundled.manifest.version, payload });
    a.db.prepare(
      `INSERT OR REPLACE INTO catalog_snapshot_previous (sha256, version, taken_at, replaced_at, content)
       SELECT sha256, version, taken_at, ?, content FROM catalog_snapshot`,
    ).run(at);
    for (const s of plan.states) {
      if (s.after === null) a.db.prepare('DELETE FROM control_state WHERE control_id = ?').run(s.control);
    }
    const live = new Set([...bundled.controls.map((c) => c.id), ...own]);
    for (const { id } of a.db.prepare('SELECT id FROM catalog_control').all() as { id: string }[])
      if (!live.has(id)) a.db.prepare('DELETE FROM catalog_control WHERE id = ?').run(id);
    const upsert = a.db.prepare(
      `INSERT INTO catalog_control (id, name, objective, type, guidance, evidence) VALUES (@id, @name, @objective, @type, @guidance, @evidence)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, objective = excluded.objective, type = excluded.type,
         guidance = excluded.guidance, evidence = excluded.evidence`,
    );
    for (const c of bundled.controls) upsert.run({ id: c.id, name: c.name, objective: c.objective, type: c.type, guidance: c.guidance, evidence: JSON.stringify(c.evidence) });
    const setState = a.db.prepare(
      `INSERT INTO control_state (control_id, state, justification, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (control_id) DO UPDATE SET state = excluded.state, justification = excluded.justification,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    for (const s of plan.states) if (s.after !== null) setState.run(s.control, s.after, s.justification, at, entry.actor);
    a.db.prepare('UPDATE catalog_snapshot SET version = ?, sha256 = ?, taken_at = ?, content = ?').run(bundled.manifest.version, sha256, at, content);
  });
  a.forgetCached();
  return { plan, backup };
}
