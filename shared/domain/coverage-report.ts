import { type CoverageGap, type ControlImpact, coverageGaps, rankControlsByGaps } from './coverage-gaps';
import { type CoverageEntry, type CoverageModel, type CoverageOptions, type FrameworkCoverageSummary, assessCoverage, summariseCoverage } from './coverage';

/**
 * Coverage as `status` and the dashboard report it: for the organisation, then for each system
 * with its own entries and its own scope, each with the gaps and the controls that would close them.
 */

export const EU_FRAMEWORK = 'eu-ai-act';

export interface SystemScope {
  id: string;
  name: string;
  /**
   * The EU AI Act requirement refs the system's class and roles select, once its classification is
   * complete; null counts every EU AI Act requirement (the system is not classified yet).
   */
  euObligations: ReadonlySet<string> | null;
}

export interface SystemCoverage {
  systemId: string;
  name: string;
  frameworks: FrameworkCoverageSummary[];
  /** Controls this system tracks with an entry of its own. */
  ownEntries: number;
  gaps: number;
  /** The open controls that close most of this system's gaps, best first. */
  closeFirst: ControlImpact[];
}

export interface CoverageReport {
  organisation: FrameworkCoverageSummary[];
  gaps: CoverageGap[];
  closeFirst: ControlImpact[];
  systems: SystemCoverage[];
}

/** Leaves out the EU AI Act obligations a classified system's class and roles do not select. */
export function scopeFor(system: Pick<SystemScope, 'euObligations'>): CoverageOptions {
  const selected = system.euObligations;
  return selected ? { applies: (ref) => !ref.startsWith(`${EU_FRAMEWORK}:`) || selected.has(ref) } : {};
}

export function coverageReport(model: CoverageModel, entries: readonly CoverageEntry[], systems: readonly SystemScope[], top = 5): CoverageReport {
  const org: CoverageEntry[] = [];
  const bySystem = new Map<string, CoverageEntry[]>();
  for (const e of entries) {
    if (e.systemId === null) org.push(e);
    else bySystem.set(e.systemId, [...(bySystem.get(e.systemId) ?? []), e]);
  }
  const orgResults = assessCoverage(model, org, null);
  const gaps = coverageGaps(model, orgResults);
  return {
    organisation: summariseCoverage(orgResults),
    gaps,
    closeFirst: rankControlsByGaps(gaps).slice(0, top),
    systems: systems.map((s): SystemCoverage => {
      const own = bySystem.get(s.id) ?? [];
      const results = assessCoverage(model, own.length ? [...org, ...own] : org, s.id, scopeFor(s));
      const systemGaps = coverageGaps(model, results);
      return {
        systemId: s.id,
        name: s.name,
        frameworks: summariseCoverage(results),
        ownEntries: own.length,
        gaps: systemGaps.length,
        closeFirst: rankControlsByGaps(systemGaps).slice(0, top),
      };
    }),
  };
}
