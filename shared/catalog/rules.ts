import { type Catalog, splitRef } from './schema';

/** Frameworks whose every assessable item must be reached by a control or marked governance-only. */
export const FULL_COVERAGE_FRAMEWORKS = ['eu-ai-act', 'nist-ai-rmf', 'owasp-llm-2026', 'owasp-llm-2025', 'owasp-ml-2023'] as const;
export const MIN_CONTROLS_PER_THREAT = 2;
const fullCoverage = new Set<string>(FULL_COVERAGE_FRAMEWORKS);

export interface FrameworkCoverage {
  framework: string;
  assessable: number;
  reached: number;
  governanceOnly: number;
  unreached: string[];
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
    if (n < MIN_CONTROLS_PER_THREAT) problems.push(`threat ${t.id} (${t.name}) is mitigated by ${n} control(s); at least ${MIN_CONTROLS_PER_THREAT} are required`);
  }
  const mappedControls = new Set(catalog.control_requirements.map((m) => m.control));
  for (const c of catalog.controls) if (!mappedControls.has(c.id)) problems.push(`control ${c.id} (${c.name}) satisfies no requirement`);

  const reachedRefs = new Set(catalog.control_requirements.map((m) => m.requirement));
  const coverage = catalog.frameworks.map((f): FrameworkCoverage => {
    const assessable = f.items.filter((i) => i.assessable);
    const reached = assessable.filter((i) => reachedRefs.has(`${f.id}:${i.id}`));
    const governanceOnly = assessable.filter((i) => i.governance_only && !reachedRefs.has(`${f.id}:${i.id}`));
    const unreached = assessable.filter((i) => !reachedRefs.has(`${f.id}:${i.id}`) && !i.governance_only).map((i) => i.id);
    return { framework: f.id, assessable: assessable.length, reached: reached.length, governanceOnly: governanceOnly.length, unreached };
  });
  for (const c of coverage)
    if (fullCoverage.has(c.framework) && c.unreached.length > 0)
      problems.push(`${c.framework}: ${c.unreached.length} assessable item(s) reached by no control and not governance-only: ${c.unreached.join(', ')}`);
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
