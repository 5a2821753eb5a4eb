import type { ControlState } from '../domain/control-state';
import type { Catalog, ControlRequirement, Relationship } from './schema';
import { refOf } from './trace';

/**
 * What changes between two catalogs, for moving an assessment from its snapshot to a newer catalog
 * (`assay catalog-update`). Pure: no I/O, the same answer for the same two catalogs.
 *
 * Shapes:
 * - `controls.added`: live in the new catalog only, `{ id, name }`.
 * - `controls.retired`: live in the old catalog, not in the new one, `{ id, name, mergedInto?, reason }`;
 *   `mergedInto` and `reason` come from the new catalog's `retired_controls`; a control that vanished
 *   without a retirement record is listed with the reason "removed without a retirement record".
 * - `controls.changed`: in both, with the names of the fields whose text differs.
 * - `requirements.added` / `.removed`: assessable items, `{ ref, framework, id, title }`, ref as
 *   "framework:item". Items of frameworks present in only one catalog count too; frameworks the user
 *   imported (origin "user") are left out on both sides, since a catalog update does not touch them.
 * - `mappings.added` / `.removed`: control → requirement links, as in the catalog.
 * - `mappings.changed`: same control and requirement, `{ control, requirement, from, to, rationaleChanged }`
 *   where from/to are the relationships.
 */
export interface CatalogDiff {
  fromVersion: string;
  toVersion: string;
  controls: {
    added: { id: string; name: string }[];
    retired: { id: string; name: string; mergedInto?: string; reason: string }[];
    changed: { id: string; fields: string[] }[];
  };
  requirements: { added: RequirementRefInfo[]; removed: RequirementRefInfo[] };
  mappings: {
    added: ControlRequirement[];
    removed: ControlRequirement[];
    changed: { control: string; requirement: string; from: Relationship; to: Relationship; rationaleChanged: boolean }[];
  };
}

export interface RequirementRefInfo {
  ref: string;
  framework: string;
  id: string;
  title: string;
}

const CONTROL_FIELDS = ['name', 'objective', 'type', 'guidance', 'evidence', 'eu_roles'] as const;

function assessableItems(catalog: Catalog): Map<string, RequirementRefInfo> {
  const out = new Map<string, RequirementRefInfo>();
  for (const f of catalog.frameworks.filter((x) => x.origin !== 'user'))
    for (const i of f.items)
      if (i.assessable) out.set(refOf(f.id, i.id), { ref: refOf(f.id, i.id), framework: f.id, id: i.id, title: i.title ?? i.label ?? i.id });
  return out;
}

const mappingKey = (m: { control: string; requirement: string }) => `${m.control}\u0000${m.requirement}`;

export function diffCatalogs(oldCatalog: Catalog, newCatalog: Catalog): CatalogDiff {
  const oldControls = new Map(oldCatalog.controls.map((c) => [c.id, c]));
  const newControls = new Map(newCatalog.controls.map((c) => [c.id, c]));
  const retiredRecords = new Map(newCatalog.retired_controls.map((r) => [r.id, r]));

  const added = newCatalog.controls.filter((c) => !oldControls.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
  const retired = oldCatalog.controls
    .filter((c) => !newControls.has(c.id))
    .map((c) => {
      const record = retiredRecords.get(c.id);
      return {
        id: c.id,
        name: c.name,
        ...(record?.merged_into ? { mergedInto: record.merged_into } : {}),
        reason: record?.reason ?? 'removed without a retirement record',
      };
    });
  const changed = oldCatalog.controls
    .filter((c) => newControls.has(c.id))
    .map((c) => {
      const next = newControls.get(c.id)!;
      const fields = CONTROL_FIELDS.filter((f) => JSON.stringify(c[f] ?? null) !== JSON.stringify(next[f] ?? null));
      return { id: c.id, fields: [...fields] };
    })
    .filter((c) => c.fields.length > 0);

  const oldItems = assessableItems(oldCatalog);
  const newItems = assessableItems(newCatalog);

  const oldMappings = new Map(oldCatalog.control_requirements.map((m) => [mappingKey(m), m]));
  const newMappings = new Map(newCatalog.control_requirements.map((m) => [mappingKey(m), m]));
  const mappingChanges: CatalogDiff['mappings']['changed'] = [];
  for (const [key, before] of oldMappings) {
    const after = newMappings.get(key);
    if (after && (after.relationship !== before.relationship || after.rationale !== before.rationale))
      mappingChanges.push({
        control: before.control,
        requirement: before.requirement,
        from: before.relationship,
        to: after.relationship,
        rationaleChanged: after.rationale !== before.rationale,
      });
  }

  return {
    fromVersion: oldCatalog.manifest.version,
    toVersion: newCatalog.manifest.version,
    controls: { added, retired, changed },
    requirements: {
      added: [...newItems.values()].filter((i) => !oldItems.has(i.ref)),
      removed: [...oldItems.values()].filter((i) => !newItems.has(i.ref)),
    },
    mappings: {
      added: newCatalog.control_requirements.filter((m) => !oldMappings.has(mappingKey(m))),
      removed: oldCatalog.control_requirements.filter((m) => !newMappings.has(mappingKey(m))),
      changed: mappingChanges,
    },
  };
}

/** From strictest to most claiming: a merge never lets a control claim more than any of its parts did. */
export const STRICTNESS: readonly ControlState[] = ['not_started', 'in_progress', 'implemented', 'not_applicable'];

export interface StateOfControl {
  control: string;
  state: ControlState;
}

/**
 * The state a merged control keeps. `states` are the states its parts carried (the surviving control
 * and the controls merged into it). Result: `{ state, from, conflicts }` where `state` is the strictest
 * of them (not_started > in_progress > implemented > not_applicable), `from` the control it came from
 * (the first in input order among equals), and `conflicts` every input when they differ, else [].
 * With no recorded states the merged control starts not started.
 */
export function mergeControlStates(states: readonly StateOfControl[]): { state: ControlState; from?: string; conflicts: StateOfControl[] } {
  if (states.length === 0) return { state: 'not_started', conflicts: [] };
  let winner = states[0]!;
  for (const s of states) if (STRICTNESS.indexOf(s.state) < STRICTNESS.indexOf(winner.state)) winner = s;
  const differ = states.some((s) => s.state !== states[0]!.state);
  return { state: winner.state, from: winner.control, conflicts: differ ? [...states] : [] };
}

/**
 * For each control that retired controls were merged into, the state it keeps given the assessment's
 * current states (controls without a recorded state are left out of the merge).
 * Result rows: `{ control, state, from, conflicts, merged }`, `merged` being the retired ids.
 */
export function statesAfterMerges(
  diff: CatalogDiff,
  current: ReadonlyMap<string, ControlState>,
): { control: string; state: ControlState; from?: string; conflicts: StateOfControl[]; merged: string[] }[] {
  const targets = new Map<string, string[]>();
  for (const r of diff.controls.retired) if (r.mergedInto) targets.set(r.mergedInto, [...(targets.get(r.mergedInto) ?? []), r.id]);
  return [...targets].map(([control, merged]) => {
    const parts = [control, ...merged].filter((id) => current.has(id)).map((id) => ({ control: id, state: current.get(id)! }));
    return { control, merged, ...mergeControlStates(parts) };
  });
}
