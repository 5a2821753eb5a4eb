import { parentChain } from './hierarchy';
import type { Catalog, CatalogControl, ControlRequirement, Framework, FrameworkItem, Threat, ThreatControl } from './schema';

export interface ItemEntry {
  ref: string;
  framework: Framework;
  item: FrameworkItem;
}

/** Lookups in both directions of threat → control → requirement, built once per catalog. */
export interface CatalogIndex {
  catalog: Catalog;
  frameworks: Map<string, Framework>;
  items: Map<string, ItemEntry>;
  children: Map<string, string[]>;
  threats: Map<string, Threat>;
  controls: Map<string, CatalogControl>;
  controlsByThreat: Map<string, ThreatControl[]>;
  threatsByControl: Map<string, ThreatControl[]>;
  requirementsByControl: Map<string, ControlRequirement[]>;
  controlsByRequirement: Map<string, ControlRequirement[]>;
  /** Threats that cite a framework item (an ATLAS technique, an OWASP entry, a NIST AI 600-1 risk). */
  threatsByRef: Map<string, Threat[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function refOf(frameworkId: string, itemId: string): string {
  return `${frameworkId}:${itemId}`;
}

export function buildIndex(catalog: Catalog): CatalogIndex {
  const index: CatalogIndex = {
    catalog,
    frameworks: new Map(catalog.frameworks.map((f) => [f.id, f])),
    items: new Map(),
    children: new Map(),
    threats: new Map(catalog.threats.map((t) => [t.id, t])),
    controls: new Map(catalog.controls.map((c) => [c.id, c])),
    controlsByThreat: new Map(),
    threatsByControl: new Map(),
    requirementsByControl: new Map(),
    controlsByRequirement: new Map(),
    threatsByRef: new Map(),
  };
  for (const framework of catalog.frameworks)
    for (const item of framework.items) {
      const ref = refOf(framework.id, item.id);
      index.items.set(ref, { ref, framework, item });
      if (item.parent) push(index.children, refOf(framework.id, item.parent), ref);
    }
  for (const m of catalog.threat_controls) {
    push(index.controlsByThreat, m.threat, m);
    push(index.threatsByControl, m.control, m);
  }
  for (const m of catalog.control_requirements) {
    push(index.requirementsByControl, m.control, m);
    push(index.controlsByRequirement, m.requirement, m);
  }
  for (const t of catalog.threats) for (const ref of t.refs) push(index.threatsByRef, ref, t);
  return index;
}

/** How an item is named to a reader: its official title, else our label. */
export function itemTitle(item: FrameworkItem): string {
  return item.title ?? item.label ?? item.id;
}

/** A reference a reader can look up in the source, e.g. "Regulation (EU) 2024/1689, Art. 9(2)". */
export function itemReference(framework: Framework, item: FrameworkItem): string {
  return `${framework.citation}, ${item.id}`;
}

/** The parents of an item, outermost first; safe on a cyclic snapshot (the walk stops at a repeat). */
export function ancestors(index: CatalogIndex, ref: string): ItemEntry[] {
  const parentOf = (r: string) => {
    const entry = index.items.get(r);
    const parent = entry?.item.parent ? index.items.get(refOf(entry.framework.id, entry.item.parent)) : undefined;
    return parent ? { id: parent.ref, value: parent } : undefined;
  };
  return parentChain(ref, parentOf).reverse();
}

export interface ThreatTrace {
  threat: Threat;
  controls: { mapping: ThreatControl; control: CatalogControl; requirements: ControlRequirement[] }[];
  refs: ItemEntry[];
}

/** threat → controls → requirements */
export function traceThreat(index: CatalogIndex, threatId: string): ThreatTrace | undefined {
  const threat = index.threats.get(threatId);
  if (!threat) return undefined;
  return {
    threat,
    controls: (index.controlsByThreat.get(threatId) ?? []).flatMap((mapping) => {
      const control = index.controls.get(mapping.control);
      return control ? [{ mapping, control, requirements: index.requirementsByControl.get(control.id) ?? [] }] : [];
    }),
    refs: threat.refs.flatMap((r) => index.items.get(r) ?? []),
  };
}

export interface ControlTrace {
  control: CatalogControl;
  threats: { mapping: ThreatControl; threat: Threat }[];
  requirements: { mapping: ControlRequirement; entry: ItemEntry }[];
}

export function traceControl(index: CatalogIndex, controlId: string): ControlTrace | undefined {
  const control = index.controls.get(controlId);
  if (!control) return undefined;
  return {
    control,
    threats: (index.threatsByControl.get(controlId) ?? []).flatMap((mapping) => {
      const threat = index.threats.get(mapping.threat);
      return threat ? [{ mapping, threat }] : [];
    }),
    requirements: (index.requirementsByControl.get(controlId) ?? []).flatMap((mapping) => {
      const entry = index.items.get(mapping.requirement);
      return entry ? [{ mapping, entry }] : [];
    }),
  };
}

export interface RequirementTrace {
  entry: ItemEntry;
  parents: ItemEntry[];
  children: ItemEntry[];
  /** requirement → controls → threats */
  controls: { mapping: ControlRequirement; control: CatalogControl; threats: ThreatControl[] }[];
  citedBy: Threat[];
}

export function traceRequirement(index: CatalogIndex, ref: string): RequirementTrace | undefined {
  const entry = index.items.get(ref);
  if (!entry) return undefined;
  return {
    entry,
    parents: ancestors(index, ref),
    children: (index.children.get(ref) ?? []).flatMap((r) => index.items.get(r) ?? []),
    controls: (index.controlsByRequirement.get(ref) ?? []).flatMap((mapping) => {
      const control = index.controls.get(mapping.control);
      return control ? [{ mapping, control, threats: index.threatsByControl.get(control.id) ?? [] }] : [];
    }),
    citedBy: index.threatsByRef.get(ref) ?? [],
  };
}
