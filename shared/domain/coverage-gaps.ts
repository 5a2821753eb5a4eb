import type { Relationship } from '../catalog/schema';
import type { CoverageModel, CoverageStatus, RequirementCoverage } from './coverage';

/**
 * - alone: an equal or superset control; implementing it satisfies the requirement by itself;
 * - with_set: a missing member of a named coverage set; implementing the set's missing members satisfies it;
 * - partly: a subset or intersects control outside any completable set; it adds partial coverage only.
 */
export type CloserKind = 'alone' | 'with_set' | 'partly';

export interface Closer {
  control: string;
  relationship: Relationship;
  closes: CloserKind;
  /** For with_set: the set and how many of its controls are still missing (this one included). */
  set?: { id: string; missing: number };
}

export interface CoverageGap {
  requirement: string;
  framework: string;
  item: string;
  status: Extract<CoverageStatus, 'not_satisfied' | 'partly'>;
  /** Best first: equal, then superset, then members of the set nearest completion, then subset, then intersects. */
  closers: Closer[];
  /** True when no control is mapped at all: the gap needs a mapping or a control of the organisation's own. */
  unmapped: boolean;
}

const rank: Record<Relationship, number> = { equal: 0, superset: 1, subset: 2, intersects: 3 };

/** Each unsatisfied or partly satisfied requirement with the controls that would close it. */
export function coverageGaps(model: CoverageModel, results: readonly RequirementCoverage[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const r of results) {
    if (r.status !== 'not_satisfied' && r.status !== 'partly') continue;
    const open = r.links.filter((l) => l.state === 'open');
    const named = model.setsByRequirement.get(r.requirement);
    // Most requirements have no coverage set: nothing more to look up for them (this runs per system).
    const state = named ? new Map(r.links.map((l) => [l.control, l.state])) : null;
    // A set with a member justified as not applicable can never be completed, so it closes nothing.
    const sets = (state ? named! : [])
      .filter((s) => s.controls.every((c) => state!.get(c) !== 'not_applicable'))
      .map((s) => ({ id: s.id, controls: s.controls, missing: s.controls.filter((c) => state!.get(c) !== 'implemented').length }))
      .sort((a, b) => a.missing - b.missing || a.id.localeCompare(b.id));
    const closers = open.map((l): Closer => {
      if (l.relationship === 'equal' || l.relationship === 'superset') return { control: l.control, relationship: l.relationship, closes: 'alone' };
      const set = sets.find((s) => s.controls.includes(l.control));
      return set
        ? { control: l.control, relationship: l.relationship, closes: 'with_set', set: { id: set.id, missing: set.missing } }
        : { control: l.control, relationship: l.relationship, closes: 'partly' };
    });
    closers.sort(
      (a, b) =>
        order(a) - order(b) ||
        (a.set?.missing ?? 0) - (b.set?.missing ?? 0) ||
        rank[a.relationship] - rank[b.relationship] ||
        a.control.localeCompare(b.control),
    );
    gaps.push({ requirement: r.requirement, framework: r.framework, item: r.item, status: r.status, closers, unmapped: r.links.length === 0 });
  }
  return gaps;
}

function order(c: Closer): number {
  if (c.closes === 'alone') return rank[c.relationship];
  return c.closes === 'with_set' ? 2 : 3;
}

export interface ControlImpact {
  control: string;
  /** Gaps this control would satisfy on its own (equal or superset). */
  closesAlone: number;
  /** Gaps where it is a missing member of a coverage set. */
  inSets: number;
  /** Gaps it would only partly cover. */
  partly: number;
  requirements: string[];
}

/**
 * The open controls ranked by the gaps they would close: most closed alone first, then most set
 * memberships, then most partial contributions; the dashboard's "what to do next".
 */
export function rankControlsByGaps(gaps: readonly CoverageGap[]): ControlImpact[] {
  const byControl = new Map<string, ControlImpact>();
  for (const gap of gaps)
    for (const c of gap.closers) {
      let impact = byControl.get(c.control);
      if (!impact) {
        impact = { control: c.control, closesAlone: 0, inSets: 0, partly: 0, requirements: [] };
        byControl.set(c.control, impact);
      }
      if (c.closes === 'alone') impact.closesAlone += 1;
      else if (c.closes === 'with_set') impact.inSets += 1;
      else impact.partly += 1;
      impact.requirements.push(gap.requirement);
    }
  return [...byControl.values()].sort(
    (a, b) => b.closesAlone - a.closesAlone || b.inSets - a.inSets || b.partly - a.partly || a.control.localeCompare(b.control),
  );
}
