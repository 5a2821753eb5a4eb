import { type CoverageGap, type ControlImpact, coverageGaps, rankControlsByGaps } from './coverage-gaps';
import {
  type CoverageEntry,
  type CoverageModel,
  type CoverageOptions,
  type EffectiveState,
  type FrameworkCoverageSummary,
  type RequirementCoverage,
  assessCoverage,
  coverRequirement,
  effectiveStates,
  judgeRequirement,
  summariseCoverage,
} from './coverage';

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
    else {
      const list = bySystem.get(e.systemId);
      if (list) list.push(e);
      else bySystem.set(e.systemId, [e]);
    }
  }
  const orgResults = assessCoverage(model, org, null);
  const gaps = coverageGaps(model, orgResults);
  return {
    organisation: summariseCoverage(orgResults),
    gaps,
    closeFirst: rankControlsByGaps(gaps).slice(0, top),
    systems: systems.map((s): SystemCoverage => {
      const own = bySystem.get(s.id) ?? [];
      const { frameworks, gapResults } = judgeScope(model, effectiveStates(own.length ? [...org, ...own] : org, s.id), scopeFor(s));
      const systemGaps = coverageGaps(model, gapResults);
      return {
        systemId: s.id,
        name: s.name,
        frameworks,
        ownEntries: own.length,
        gaps: systemGaps.length,
        closeFirst: rankControlsByGaps(systemGaps).slice(0, top),
      };
    }),
  };
}

/** Counts per framework for one scope; only the gaps get their links built, as only they are listed. */
function judgeScope(model: CoverageModel, states: ReadonlyMap<string, EffectiveState>, options: CoverageOptions): { frameworks: FrameworkCoverageSummary[]; gapResults: RequirementCoverage[] } {
  const byFramework = new Map<string, FrameworkCoverageSummary>();
  const gapResults: RequirementCoverage[] = [];
  for (const req of model.requirements) {
    if (options.applies && !options.applies(req.requirement)) continue;
    let summary = byFramework.get(req.framework);
    if (!summary) {
      summary = { framework: req.framework, assessable: 0, satisfied: 0, partly: 0, not_satisfied: 0, not_applicable: 0, governance_only: 0 };
      byFramework.set(req.framework, summary);
    }
    const { status } = judgeRequirement(req, states);
    summary.assessable += 1;
    summary[status] += 1;
    if (status === 'not_satisfied' || status === 'partly') gapResults.push(coverRequirement(req, states));
  }
  return { frameworks: [...byFramework.values()], gapResults };
}
