import type { Relationship } from '../catalog/schema';
import { type ControlState, justificationProblem } from './control-state';

/**
 * Requirement coverage, derived from control states through the control → requirement mappings,
 * never typed in. The rule below is the one place it is written; the README and the app show
 * COVERAGE_RULE as it is.
 */
export const COVERAGE_RULE = [
  'A requirement is satisfied when a control that is equal to it or a superset of it is implemented, or when every control of a named coverage set for it is implemented.',
  'It is partly satisfied when only controls that cover part of it (subset or intersects) are implemented, or only some controls of a coverage set.',
  'It is not applicable when every control mapped to it is marked not applicable with a justification.',
  'Otherwise it is not satisfied. Requirements answered by governance alone, with no control mapped, are reported as governance-only.',
  'For a system, a control tracked for that system counts with its own state; otherwise the organisation-wide state counts.',
  'Once a system is fully classified, only the EU AI Act obligations its class and roles select are counted for it.',
].join(' ');

export const coverageStatuses = ['satisfied', 'partly', 'not_satisfied', 'not_applicable', 'governance_only'] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];

export const coverageStatusLabels: Record<CoverageStatus, string> = {
  satisfied: 'Satisfied',
  partly: 'Partly satisfied',
  not_satisfied: 'Not satisfied',
  not_applicable: 'Not applicable',
  governance_only: 'Governance only',
};

/** The parts of the catalog (and of imported frameworks) coverage needs; a `Catalog` fits. */
export interface CoverageFramework {
  id: string;
  items: readonly { id: string; assessable?: boolean; governance_only?: string }[];
}
export interface CoverageMapping {
  control: string;
  requirement: string;
  relationship: Relationship;
}
export interface NamedCoverageSet {
  id: string;
  requirement: string;
  controls: readonly string[];
}
export interface CoverageCatalog {
  frameworks: readonly CoverageFramework[];
  control_requirements: readonly CoverageMapping[];
  coverage_sets: readonly NamedCoverageSet[];
}

/** A control's state for the organisation (systemId null) or for one system. */
export interface CoverageEntry {
  controlId: string;
  systemId: string | null;
  state: ControlState;
  justification?: string | null;
}

const relationshipOrder: Record<Relationship, number> = { equal: 0, superset: 1, subset: 2, intersects: 3 };
const byStrength = (a: CoverageMapping, b: CoverageMapping) =>
  relationshipOrder[a.relationship] - relationshipOrder[b.relationship] || a.control.localeCompare(b.control);

/** An assessable requirement with its mappings, strongest first, resolved once per model. */
export interface IndexedRequirement {
  requirement: string;
  framework: string;
  item: string;
  governanceOnly: boolean;
  mappings: readonly CoverageMapping[];
  sets: readonly NamedCoverageSet[];
}

export interface CoverageModel {
  frameworks: readonly CoverageFramework[];
  requirements: readonly IndexedRequirement[];
  mappingsByRequirement: ReadonlyMap<string, readonly CoverageMapping[]>;
  setsByRequirement: ReadonlyMap<string, readonly NamedCoverageSet[]>;
}

/**
 * Indexes the catalog once, with the frameworks a user imported and the mappings the organisation
 * added (to catalog or imported requirements), so evaluating many systems stays linear in the mappings.
 */
export function buildCoverageModel(
  catalog: CoverageCatalog,
  extra: { frameworks?: readonly CoverageFramework[]; mappings?: readonly CoverageMapping[] } = {},
): CoverageModel {
  const mappingsByRequirement = new Map<string, CoverageMapping[]>();
  const seen = new Set<string>();
  for (const m of [...catalog.control_requirements, ...(extra.mappings ?? [])]) {
    const key = `${m.control} ${m.requirement}`;
    if (seen.has(key)) continue; // the catalog's own mapping wins over a repeated one
    seen.add(key);
    const list = mappingsByRequirement.get(m.requirement) ?? [];
    list.push(m);
    mappingsByRequirement.set(m.requirement, list);
  }
  for (const list of mappingsByRequirement.values()) list.sort(byStrength);
  const setsByRequirement = new Map<string, NamedCoverageSet[]>();
  for (const s of catalog.coverage_sets) setsByRequirement.set(s.requirement, [...(setsByRequirement.get(s.requirement) ?? []), s]);
  const ids = new Set(catalog.frameworks.map((f) => f.id));
  const frameworks = [...catalog.frameworks, ...(extra.frameworks ?? []).filter((f) => !ids.has(f.id))];
  const requirements = frameworks.flatMap((f) =>
    f.items
      .filter((i) => i.assessable)
      .map((i): IndexedRequirement => {
        const ref = `${f.id}:${i.id}`;
        return {
          requirement: ref,
          framework: f.id,
          item: i.id,
          governanceOnly: i.governance_only !== undefined,
          mappings: mappingsByRequirement.get(ref) ?? [],
          sets: setsByRequirement.get(ref) ?? [],
        };
      }),
  );
  return { frameworks, requirements, mappingsByRequirement, setsByRequirement };
}

export type EffectiveState = 'implemented' | 'not_applicable' | 'open';

/**
 * Each control's state as it counts for `systemId` (null: the organisation). A system's own entry
 * overrides the organisation's; a not-applicable entry without a valid justification counts as open,
 * because an unexplained claim is no claim; a control with no entry is open.
 */
export function effectiveStates(entries: readonly CoverageEntry[], systemId: string | null): Map<string, EffectiveState> {
  const org = new Map<string, EffectiveState>();
  const own = new Map<string, EffectiveState>();
  for (const e of entries) {
    if (e.systemId !== null && e.systemId !== systemId) continue;
    (e.systemId === null ? org : own).set(e.controlId, countAs(e));
  }
  for (const [control, state] of own) org.set(control, state);
  return org;
}

function countAs(e: CoverageEntry): EffectiveState {
  if (e.state === 'implemented') return 'implemented';
  if (e.state === 'not_applicable' && justificationProblem(e.state, e.justification ?? undefined) === null) return 'not_applicable';
  return 'open';
}

export interface ControlLink {
  control: string;
  relationship: Relationship;
  state: EffectiveState;
}

export interface RequirementCoverage {
  requirement: string;
  framework: string;
  item: string;
  status: CoverageStatus;
  /** Every control mapped to the requirement with its state as it counts here. */
  links: ControlLink[];
  /** What makes it satisfied: an implemented equal/superset control, or a complete coverage set. */
  satisfiedBy: { control: string; relationship: Relationship } | { set: string } | null;
  /** Satisfied or partly, with every implemented control only intersecting it: weak coverage an auditor questions. */
  onlyIntersects: boolean;
}

export interface RequirementVerdict {
  status: CoverageStatus;
  satisfiedBy: RequirementCoverage['satisfiedBy'];
  onlyIntersects: boolean;
}

/** The rule in COVERAGE_RULE for one requirement; one pass, nothing allocated for the common cases. */
export function judgeRequirement(req: IndexedRequirement, states: ReadonlyMap<string, EffectiveState>): RequirementVerdict {
  if (req.mappings.length === 0) return { status: req.governanceOnly ? 'governance_only' : 'not_satisfied', satisfiedBy: null, onlyIntersects: false };
  let allNotApplicable = true;
  let implemented = 0;
  let intersecting = 0;
  let full: CoverageMapping | null = null;
  for (const m of req.mappings) {
    const state = states.get(m.control) ?? 'open';
    if (state !== 'not_applicable') allNotApplicable = false;
    if (state !== 'implemented') continue;
    implemented += 1;
    if (m.relationship === 'intersects') intersecting += 1;
    if (!full && (m.relationship === 'equal' || m.relationship === 'superset')) full = m;
  }
  if (allNotApplicable) return { status: 'not_applicable', satisfiedBy: null, onlyIntersects: false };
  const onlyIntersects = implemented > 0 && intersecting === implemented;
  if (full) return { status: 'satisfied', satisfiedBy: { control: full.control, relationship: full.relationship }, onlyIntersects };
  const set = req.sets.find((s) => s.controls.every((c) => states.get(c) === 'implemented'));
  if (set) return { status: 'satisfied', satisfiedBy: { set: set.id }, onlyIntersects };
  return { status: implemented > 0 ? 'partly' : 'not_satisfied', satisfiedBy: null, onlyIntersects };
}

/** Coverage of one requirement, with every mapped control and its state as it counts here. */
export function coverRequirement(req: IndexedRequirement, states: ReadonlyMap<string, EffectiveState>): RequirementCoverage {
  const links = req.mappings.map((m): ControlLink => ({ control: m.control, relationship: m.relationship, state: states.get(m.control) ?? 'open' }));
  return { requirement: req.requirement, framework: req.framework, item: req.item, links, ...judgeRequirement(req, states) };
}

export interface CoverageOptions {
  /** Only these frameworks (all when absent). */
  frameworks?: readonly string[];
  /** Leaves out requirements that do not concern this scope, e.g. EU obligations a system's class and roles do not select. */
  applies?: (ref: string) => boolean;
}

/** Every assessable requirement's coverage for the organisation (systemId null) or one system. */
export function assessCoverage(
  model: CoverageModel,
  entries: readonly CoverageEntry[],
  systemId: string | null,
  options: CoverageOptions = {},
): RequirementCoverage[] {
  return coverWithStates(model, effectiveStates(entries, systemId), options);
}

function coverWithStates(model: CoverageModel, states: ReadonlyMap<string, EffectiveState>, options: CoverageOptions): RequirementCoverage[] {
  const wanted = options.frameworks ? new Set(options.frameworks) : null;
  const out: RequirementCoverage[] = [];
  for (const req of model.requirements) {
    if (wanted && !wanted.has(req.framework)) continue;
    if (options.applies && !options.applies(req.requirement)) continue;
    out.push(coverRequirement(req, states));
  }
  return out;
}

export type CoverageCounts = Record<CoverageStatus, number> & { assessable: number };

export interface FrameworkCoverageSummary extends CoverageCounts {
  framework: string;
}

/** Counts per framework, in the order the requirements came. */
export function summariseCoverage(results: readonly RequirementCoverage[]): FrameworkCoverageSummary[] {
  const byFramework = new Map<string, FrameworkCoverageSummary>();
  for (const r of results) {
    let s = byFramework.get(r.framework);
    if (!s) {
      s = emptySummary(r.framework);
      byFramework.set(r.framework, s);
    }
    s.assessable += 1;
    s[r.status] += 1;
  }
  return [...byFramework.values()];
}

export interface SystemCoverageSummary {
  /** null: the organisation-wide view. */
  systemId: string | null;
  frameworks: FrameworkCoverageSummary[];
}

/** The organisation's summary followed by one per system, each with its own overrides and scope. */
export function coverageBySystem(
  model: CoverageModel,
  entries: readonly CoverageEntry[],
  systemIds: readonly string[],
  optionsFor: (systemId: string | null) => CoverageOptions = () => ({}),
): SystemCoverageSummary[] {
  const org = entries.filter((e) => e.systemId === null);
  const bySystem = new Map<string, CoverageEntry[]>();
  for (const e of entries) {
    if (e.systemId === null) continue;
    const list = bySystem.get(e.systemId) ?? [];
    list.push(e);
    bySystem.set(e.systemId, list);
  }
  return [null, ...systemIds].map((systemId) => {
    const own = systemId === null ? org : [...org, ...(bySystem.get(systemId) ?? [])];
    return { systemId, frameworks: countStatuses(model, effectiveStates(own, systemId), optionsFor(systemId)) };
  });
}

/** summariseCoverage(assessCoverage(...)) without building each requirement's links: the dashboard's path. */
function countStatuses(model: CoverageModel, states: ReadonlyMap<string, EffectiveState>, options: CoverageOptions): FrameworkCoverageSummary[] {
  const wanted = options.frameworks ? new Set(options.frameworks) : null;
  const byFramework = new Map<string, FrameworkCoverageSummary>();
  for (const req of model.requirements) {
    if (wanted && !wanted.has(req.framework)) continue;
    if (options.applies && !options.applies(req.requirement)) continue;
    let s = byFramework.get(req.framework);
    if (!s) {
      s = emptySummary(req.framework);
      byFramework.set(req.framework, s);
    }
    s.assessable += 1;
    s[judgeRequirement(req, states).status] += 1;
  }
  return [...byFramework.values()];
}

function emptySummary(framework: string): FrameworkCoverageSummary {
  return { framework, assessable: 0, satisfied: 0, partly: 0, not_satisfied: 0, not_applicable: 0, governance_only: 0 };
}
