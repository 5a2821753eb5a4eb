import { z } from 'zod';
import { ThreatId } from '../../catalog/schema';

/**
 * The user's word on a threat for one AI system: a suggested threat confirmed or dismissed, or
 * a threat the rules did not suggest added. Dismissing or adding needs a reason an auditor can read.
 */
export const threatDecisions = ['confirmed', 'dismissed', 'added'] as const;
export const ThreatDecision = z.enum(threatDecisions);
export type ThreatDecision = z.infer<typeof ThreatDecision>;

export const threatDecisionLabels: Record<ThreatDecision, string> = { confirmed: 'Confirmed', dismissed: 'Dismissed', added: 'Added by the user' };

export const ThreatDecisionInput = z
  .object({
    threat: ThreatId,
    decision: ThreatDecision,
    reason: z.string().trim().max(2000, 'the reason has at most 2000 characters').optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision !== 'confirmed' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a reason is required to ${d.decision === 'dismissed' ? 'dismiss' : 'add'} a threat` });
  });
export type ThreatDecisionInput = z.input<typeof ThreatDecisionInput>;
export type ThreatDecisionParsed = z.output<typeof ThreatDecisionInput>;

/** One threat of a system as the user sees it: suggested (with the reasons) and/or decided. */
export const SystemThreat = z.object({
  threatId: z.string(),
  name: z.string(),
  description: z.string(),
  suggested: z.boolean(),
  reasons: z.array(z.string()),
  decision: ThreatDecision.nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type SystemThreat = z.infer<typeof SystemThreat>;

/** What replay needs from a decision entry (the system is the entry's entity). */
export const ThreatDecisionPayload = z.object({ threatId: ThreatId, decision: ThreatDecision, reason: z.string().nullable(), suggested: z.boolean() });

/**
 * Whether a threat counts against a system: added or confirmed by the user, or suggested by the
 * rules and not dismissed (a suggestion nobody has looked at yet still counts: silence is not a reason).
 */
export function threatApplies(t: Pick<SystemThreat, 'suggested' | 'decision'>): boolean {
  return t.decision === 'added' || t.decision === 'confirmed' || (t.suggested && t.decision !== 'dismissed');
}
