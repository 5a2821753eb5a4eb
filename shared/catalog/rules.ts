import { countOf } from '../plural';
import { type Catalog, type Relationship, splitRef } from './schema';

/** Frameworks whose every assessable item must be reached by a control or marked governance-only. */
export const FULL_COVERAGE_FRAMEWORKS = ['eu-ai-act', 'nist-ai-rmf', 'owasp-llm-2026', 'owasp-llm-2025', 'owasp-ml-2023'] as const;
export const MIN_CONTROLS_PER_THREAT = 2;
const fullCoverage = new Set<string>(FULL_COVERAGE_FRAMEWORKS);

/** Relationships through which a control meets a whole requirement; subset and intersects meet only part of it. */
export const FULL_RELATIONSHIPS: readonly Relationship[] = ['equal', 'superset'];

export interface FrameworkCoverage {
  framework: string;
  assessable: number;
  /** Reached by at least one control, fully or partially. */
  reached: number;
  /** Reached through an equal or superset control, or through a named coverage set. */
  full: number;
  /** Reached only through subset or intersects controls. */
  partial: number;
  governanceOnly: number;
  unreached: string[];
  /** The items reached only partially. */
  partialItems: string[];
}

export interface CatalogReport {
  problems: string[];
  coverage: FrameworkCoverage[];
  counts: { threats: number; controls: number; threatControls: number; controlRequirements: number };
}

/**
 * The quality rules the bundled catalog must meet (the schema already guarantees every
 * reference resolves): every threat has enough mitigations, every control answers a
 * requirement, and the core frameworks are fully covered.
 */
export function checkCatalog(catalog: Catalog): CatalogReport {
  const problems: string[] = [];
  const controlsPerThreat = new Map<string, number>();
  for (const m of catalog.threat_controls) controlsPerThreat.set(m.threat, (controlsPerThreat.get(m.threat) ?? 0) + 1);
  for (const t of catalog.threats) {
    const n = controlsPerThreat.get(t.id) ?? 0;
    if (n < MIN_CONTROLS_PER_THREAT) problems.push(`threat ${t.id} (${t.name}) is mitigated by ${countOf(n, 'control')}; at least ${MIN_CONTROLS_PER_THREAT} are required`);
  }
  const mappedControls = new Set(catalog.control_requirements.map((m) => m.control));
  for (const c of catalog.controls) if (!mappedControls.has(c.id)) problems.push(`control ${c.id} (${c.name}) satisfies no requirement`);

  const reachedRefs = new Set(catalog.control_requirements.map((m) => m.requirement));
  const fullRefs = fullyCoveredRefs(catalog);
  const coverage = catalog.frameworks.map((f): FrameworkCoverage => {
    const assessable = f.items.filter((i) => i.assessable);
    const reached = assessable.filter((i) => reachedRefs.has(`${f.id}:${i.id}`));
    const full = reached.filter((i) => fullRefs.has(`${f.id}:${i.id}`));
    const partialItems = reached.filter((i) => !fullRefs.has(`${f.id}:${i.id}`)).map((i) => i.id);
    const governanceOnly = assessable.filter((i) => i.governance_only && !reachedRefs.has(`${f.id}:${i.id}`));
    const unreached = assessable.filter((i) => !reachedRefs.has(`${f.id}:${i.id}`) && !i.governance_only).map((i) => i.id);
    return {
      framework: f.id,
      assessable: assessable.length,
      reached: reached.length,
      full: full.length,
      partial: partialItems.length,
      governanceOnly: governanceOnly.length,
      unreached,
      partialItems,
    };
  });
  for (const c of coverage)
    if (fullCoverage.has(c.framework) && c.unreached.length > 0)
      problems.push(`${c.framework}: ${countOf(c.unreached.length, 'assessable item')} reached by no control and not governance-only: ${c.unreached.join(', ')}`);
  for (const f of FULL_COVERAGE_FRAMEWORKS)
    if (!catalog.frameworks.some((x) => x.id === f)) problems.push(`framework ${f} is missing from the catalog`);

  // A mapping to a non-assessable container (a chapter, a NIST function) says too little to audit.
  const items = new Map(catalog.frameworks.map((f) => [f.id, new Map(f.items.map((i) => [i.id, i]))]));
  for (const m of catalog.control_requirements) {
    const { framework, item } = splitRef(m.requirement);
    const target = items.get(framework)?.get(item);
    if (target && fullCoverage.has(framework) && !target.assessable)
      problems.push(`${m.control} → ${m.requirement}: maps to a ${target.kind}, not to an assessable requirement`);
  }

  problems.push(...relationshipProblems(catalog), ...roleProblems(catalog));

  return {
    problems,
    coverage,
    counts: {
      threats: catalog.threats.length,
      controls: catalog.controls.length,
      threatControls: catalog.threat_controls.length,
      controlRequirements: catalog.control_requirements.length,
    },
  };
}

/** Requirements met in full: by an equal or superset control, or by a named coverage set of partial controls. */
export function fullyCoveredRefs(catalog: Catalog): Set<string> {
  const full = new Set(catalog.control_requirements.filter((m) => FULL_RELATIONSHIPS.includes(m.relationship)).map((m) => m.requirement));
  for (const set of catalog.coverage_sets) full.add(set.requirement);
  return full;
}

/**
 * Equal means the same scope, so a control can equal at most one requirement of a framework; a
 * control equal to several is their superset. (The paired OWASP LLM 2025 and 2026 entries are
 * separate frameworks, so a control may equal one of each.)
 */
function relationshipProblems(catalog: Catalog): string[] {
  const equals = new Map<string, string[]>();
  for (const m of catalog.control_requirements) {
    if (m.relationship !== 'equal') continue;
    const key = `${m.control} ${splitRef(m.requirement).framework}`;
    equals.set(key, [...(equals.get(key) ?? []), splitRef(m.requirement).item]);
  }
  return [...equals]
    .filter(([, reqs]) => reqs.length > 1)
    .map(([key, reqs]) => `${key}: equal to ${reqs.length} requirements (${reqs.join(', ')}); a control equal to several is their superset`);
}

/** Every EU AI Act link must join a control to an obligation held by a role that carries the control out. */
function roleProblems(catalog: Catalog): string[] {
  const eu = catalog.frameworks.find((f) => f.id === 'eu-ai-act');
  if (!eu) return [];
  const problems: string[] = [];
  const items = new Map(eu.items.map((i) => [i.id, i]));
  const controls = new Map(catalog.controls.map((c) => [c.id, c]));
  for (const c of catalog.controls) if (!c.eu_roles) problems.push(`control ${c.id} (${c.name}) records no EU AI Act operator roles`);
  for (const m of catalog.control_requirements) {
    const { framework, item } = splitRef(m.requirement);
    if (framework !== 'eu-ai-act') continue;
    const roles = controls.get(m.control)?.eu_roles ?? [];
    const held = items.get(item)?.eu?.roles ?? [];
    if (!held.some((r) => roles.includes(r)))
      problems.push(`${m.control} → ${m.requirement}: the requirement binds ${held.join(', ') || 'no role'}, the control is carried out by ${roles.join(', ') || 'no role'}`);
  }
  return problems;
}
