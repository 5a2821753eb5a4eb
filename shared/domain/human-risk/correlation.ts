import { z } from 'zod';
import { type RiskLevel, likelihoodLabels } from '../risk';
import { GroupFigures } from './summary';

/**
 * Human-risk correlation: an AI system is as exposed to people-driven threats as the people who
 * own, operate and use it. The groups a system names (its business unit, its groups) are matched
 * by name, case-insensitively, with the groups the figures speak of; each people-driven threat
 * gets a suggested likelihood from the weakest of those groups, to feed the risk register.
 */

/** Threats that depend on people's behaviour, and the figures that speak for each. */
export const peopleThreats = {
  'THR-12': ['riskScore', 'trainingCompletionPct', 'gradePoints'],
  'THR-25': ['phishPronePct', 'gradePoints'],
  'THR-19': ['riskScore'],
  'THR-20': ['phishPronePct', 'riskScore'],
} as const satisfies Record<string, readonly Signal[]>;
export type PeopleThreat = keyof typeof peopleThreats;
type Signal = 'phishPronePct' | 'riskScore' | 'trainingCompletionPct' | 'gradePoints';

/** A likelihood at or above this marks the system's people as high-risk for the threat. */
export const HIGH_RISK_LEVEL = 4;

const band = (value: number, upper: readonly [number, number, number, number]): RiskLevel => (value < upper[0] ? 1 : value < upper[1] ? 2 : value < upper[2] ? 3 : value < upper[3] ? 4 : 5);

/**
 * Each figure on the 1–5 likelihood scale. Phish-prone %: an untrained baseline is around 30 %,
 * a trained population under 5 %. Risk score: the platform's 0–100 scale in fifths. Training
 * completion: the share not trained. Grades: A is 1, F is 5.
 */
export const signalLevel: Record<Signal, (value: number) => RiskLevel> = {
  phishPronePct: (v) => band(v, [5, 10, 20, 30]),
  riskScore: (v) => band(v, [20, 40, 60, 80]),
  trainingCompletionPct: (v) => band(100 - v, [5, 15, 30, 50]),
  gradePoints: (v) => band(4 - v, [0.5, 1.5, 2.5, 3.5]),
};

const signalLabel: Record<Signal, (v: number) => string> = {
  phishPronePct: (v) => `phish-prone ${v}%`,
  riskScore: (v) => `risk score ${v}`,
  trainingCompletionPct: (v) => `training completed ${v}%`,
  gradePoints: (v) => `SafeScore risk grade ${v >= 3.5 ? 'A' : v >= 2.5 ? 'B' : v >= 1.5 ? 'C' : v >= 0.75 ? 'D' : 'F'}`,
};

export interface Suggestion {
  level: RiskLevel;
  /** What decided it: "Claims: phish-prone 31.3% → 5 (Almost certain)". */
  basis: string;
}

/** The likelihood the figures of these groups suggest for a threat: the weakest group's worst signal. */
export function suggestLikelihood(threat: PeopleThreat, groups: readonly GroupFigures[]): Suggestion | null {
  let best: Suggestion | null = null;
  for (const g of groups)
    for (const signal of peopleThreats[threat]) {
      const value = g[signal];
      if (value === null) continue;
      const level = signalLevel[signal](value);
      if (!best || level > best.level) best = { level, basis: `${g.group}: ${signalLabel[signal](value)} → ${level} (${likelihoodLabels[level]})` };
    }
  return best;
}

export const CorrelatedThreat = z.object({
  threatId: z.string(),
  threatName: z.string(),
  suggested: z.number().int().min(1).max(5).nullable(),
  basis: z.string().nullable(),
  highRisk: z.boolean(),
  /** The register's risk for this system and threat, when there is one. */
  risk: z.object({ id: z.string(), title: z.string(), likelihood: z.number().int(), impact: z.number().int() }).nullable(),
});
export const CorrelatedGroup = z.object({ name: z.string(), relation: z.string(), figures: GroupFigures.nullable() });
export const SystemCorrelation = z.object({
  systemId: z.string(),
  systemName: z.string(),
  groups: z.array(CorrelatedGroup),
  threats: z.array(CorrelatedThreat),
  highRisk: z.boolean(),
});
export type SystemCorrelation = z.infer<typeof SystemCorrelation>;

export interface CorrelationSystem {
  id: string;
  name: string;
  businessUnit?: string | undefined;
  groups: readonly { name: string; relation: string }[];
}
export interface CorrelationRisk {
  id: string;
  systemId: string;
  threatId: string | null;
  title: string;
  likelihood: number;
  impact: number;
}

/** The groups a system names: its business unit (the owning unit) and its owning, operating and using groups. */
export function systemGroups(system: CorrelationSystem): { name: string; relation: string }[] {
  const named = [...(system.businessUnit?.trim() ? [{ name: system.businessUnit.trim(), relation: 'business unit' }] : []), ...system.groups];
  const seen = new Set<string>();
  return named.filter((g) => {
    const key = `${g.name.toLowerCase()}|${g.relation}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function correlate(systems: readonly CorrelationSystem[], groups: readonly GroupFigures[], risks: readonly CorrelationRisk[], threatNames: Record<string, string>): SystemCorrelation[] {
  const byName = new Map(groups.map((g) => [g.group.toLowerCase(), g]));
  return systems.map((system) => {
    const matched = systemGroups(system).map((g) => ({ ...g, figures: byName.get(g.name.toLowerCase()) ?? null }));
    const withFigures = [...new Map(matched.filter((g) => g.figures).map((g) => [g.figures!.group, g.figures!])).values()];
    const threats = (Object.keys(peopleThreats) as PeopleThreat[]).map((threatId) => {
      const suggestion = suggestLikelihood(threatId, withFigures);
      const risk = risks.find((r) => r.systemId === system.id && r.threatId === threatId);
      return {
        threatId,
        threatName: threatNames[threatId] ?? threatId,
        suggested: suggestion?.level ?? null,
        basis: suggestion?.basis ?? null,
        highRisk: (suggestion?.level ?? 0) >= HIGH_RISK_LEVEL,
        risk: risk ? { id: risk.id, title: risk.title, likelihood: risk.likelihood, impact: risk.impact } : null,
      };
    });
    return { systemId: system.id, systemName: system.name, groups: matched, threats, highRisk: threats.some((t) => t.highRisk) };
  });
}
