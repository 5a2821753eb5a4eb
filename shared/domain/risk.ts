import { z } from 'zod';
import { ControlId, ThreatId } from '../catalog/schema';
import { PersonId, SystemId } from './control-entry';
import { IsoDate, isPast } from './dates';

/**
 * The risk register's rules: a 5×5 scale of likelihood and impact, scores as their product, rating
 * bands, treatments, the heat map, and when an acceptance of a residual risk still holds.
 */
export const riskLevels = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const RiskLevel = z.literal(riskLevels, { error: 'likelihood and impact are whole numbers from 1 to 5' });

export const likelihoodLabels: Record<RiskLevel, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};
export const impactLabels: Record<RiskLevel, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Severe',
};

export const treatments = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const Treatment = z.enum(treatments);
export type Treatment = z.infer<typeof Treatment>;
export const treatmentLabels: Record<Treatment, string> = { mitigate: 'Mitigate', accept: 'Accept', transfer: 'Transfer', avoid: 'Avoid' };

export const riskStatuses = ['open', 'in_treatment', 'accepted', 'closed'] as const;
export const RiskStatus = z.enum(riskStatuses);
export type RiskStatus = z.infer<typeof RiskStatus>;

export const Risk = z
  .object({
    id: z.string().trim().min(1).max(100),
    systemId: SystemId,
    threatId: ThreatId.nullable(),
    title: z.string().trim().min(3, 'a risk needs a title of at least 3 characters').max(200),
    description: z.string().max(4000).nullable(),
    likelihood: RiskLevel,
    impact: RiskLevel,
    treatment: Treatment,
    controls: z.array(ControlId),
    /** After treatment; null until assessed. */
    residualLikelihood: RiskLevel.nullable(),
    residualImpact: RiskLevel.nullable(),
    owner: PersonId.nullable(),
    status: RiskStatus,
    reviewDate: IsoDate.nullable(),
  })
  .strict()
  .superRefine((risk, ctx) => {
    if ((risk.residualLikelihood === null) !== (risk.residualImpact === null))
      ctx.addIssue({ code: 'custom', path: ['residualImpact'], message: 'give both residual likelihood and residual impact, or neither' });
  });
export type Risk = z.infer<typeof Risk>;

export function score(likelihood: RiskLevel, impact: RiskLevel): number {
  return likelihood * impact;
}
export function inherentScore(risk: Pick<Risk, 'likelihood' | 'impact'>): number {
  return score(risk.likelihood, risk.impact);
}
/** null while the residual risk is not assessed. */
export function residualScore(risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>): number | null {
  return risk.residualLikelihood === null || risk.residualImpact === null ? null : score(risk.residualLikelihood, risk.residualImpact);
}

export const ratings = ['low', 'medium', 'high', 'critical'] as const;
export type Rating = (typeof ratings)[number];
/** Score bands over the products 1–25; each band's upper bound is inclusive. */
export const ratingBands: readonly { rating: Rating; label: string; min: number; max: number }[] = [
  { rating: 'low', label: 'Low', min: 1, max: 4 },
  { rating: 'medium', label: 'Medium', min: 5, max: 9 },
  { rating: 'high', label: 'High', min: 10, max: 16 },
  { rating: 'critical', label: 'Critical', min: 17, max: 25 },
];
export function ratingOf(value: number): Rating {
  const band = ratingBands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new RangeError(`a risk score lies between 1 and 25, not ${value}`);
  return band.rating;
}

/** counts[likelihood - 1][impact - 1]: rows are likelihood 1–5, columns impact 1–5. */
export type HeatMap = number[][];
export function heatMaps(risks: readonly Risk[]): { inherent: HeatMap; residual: HeatMap; residualNotAssessed: number } {
  const empty = () => riskLevels.map(() => riskLevels.map(() => 0));
  const inherent = empty();
  const residual = empty();
  let residualNotAssessed = 0;
  for (const r of risks) {
    inherent[r.likelihood - 1]![r.impact - 1]! += 1;
    if (r.residualLikelihood === null || r.residualImpact === null) residualNotAssessed += 1;
    else residual[r.residualLikelihood - 1]![r.residualImpact - 1]! += 1;
  }
  return { inherent, residual, residualNotAssessed };
}

/** What the approver saw: the fields whose change makes an acceptance no longer current. */
export const RiskSnapshot = z
  .object({
    likelihood: RiskLevel,
    impact: RiskLevel,
    residualLikelihood: RiskLevel.nullable(),
    residualImpact: RiskLevel.nullable(),
    treatment: Treatment,
    controls: z.array(ControlId),
  })
  .strict();
export type RiskSnapshot = z.infer<typeof RiskSnapshot>;
export const materialFields = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact', 'treatment', 'controls'] as const;
export type MaterialField = (typeof materialFields)[number];

export function snapshotOf(risk: Risk): RiskSnapshot {
  return {
    likelihood: risk.likelihood,
    impact: risk.impact,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    treatment: risk.treatment,
    controls: [...risk.controls].sort(),
  };
}

export const RiskAcceptance = z
  .object({
    riskId: z.string().trim().min(1).max(100),
    /** null while nobody has approved it yet. */
    approver: PersonId.nullable(),
    approvedOn: IsoDate.nullable(),
    expiresOn: IsoDate,
    rationale: z.string().max(2000).nullable(),
    snapshot: RiskSnapshot,
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.approver === null) !== (a.approvedOn === null))
      ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: 'an approval needs both the approver and the date' });
    if (a.approvedOn && a.expiresOn < a.approvedOn)
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'the acceptance cannot expire before it was approved' });
  });
export type RiskAcceptance = z.infer<typeof RiskAcceptance>;

/**
 * A change is material when it would have changed the approver's decision: the inherent or residual
 * likelihood or impact, the treatment, or the set of linked controls (order does not matter). Title,
 * description, owner, status and review date are not material.
 */
export function materialChanges(snapshot: RiskSnapshot, risk: Risk): MaterialField[] {
  const now = snapshotOf(risk);
  const then = { ...snapshot, controls: [...snapshot.controls].sort() };
  return materialFields.filter((f) => JSON.stringify(then[f]) !== JSON.stringify(now[f]));
}

export const acceptanceStatuses = ['none', 'pending', 'current', 'expired', 'changed'] as const;
export type AcceptanceStatus = (typeof acceptanceStatuses)[number];
export const acceptanceStatusLabels: Record<AcceptanceStatus, string> = {
  none: 'No acceptance needed',
  pending: 'Pending approval',
  current: 'Current',
  expired: 'Expired',
  changed: 'No longer current (the risk changed)',
};

/**
 * - none: the risk is not treated by acceptance and no acceptance was recorded;
 * - pending: treated by acceptance, with no acceptance or one nobody approved yet (an unapproved one
 *   for a risk no longer treated by acceptance is moot: none);
 * - changed: approved, but the risk changed materially since (checked before expiry: re-approval is needed either way);
 * - expired: approved and unchanged, but the expiry date has passed (it holds through that day);
 * - current: approved, unchanged and not expired.
 */
export function acceptanceStatus(risk: Risk, acceptance: RiskAcceptance | null, today: string): AcceptanceStatus {
  if (!acceptance) return risk.treatment === 'accept' ? 'pending' : 'none';
  if (acceptance.approver === null) return risk.treatment === 'accept' ? 'pending' : 'none';
  if (materialChanges(acceptance.snapshot, risk).length > 0) return 'changed';
  if (isPast(acceptance.expiresOn, today)) return 'expired';
  return 'current';
}
