import { z } from 'zod';
import { ControlId, ThreatId } from '../../catalog/schema';
import { IsoDate } from '../dates';
import {
  Risk,
  RiskAcceptance,
  RiskLevel,
  RiskSnapshot,
  RiskStatus,
  Treatment,
  acceptanceStatuses,
  materialFields,
  ratings,
} from '../risk';

/**
 * What people give the risk register (owners and approvers by name, the system by id or name)
 * and what it shows back. The rules themselves live in shared/domain/risk.ts.
 */

const PersonName = (what: string) => z.string().trim().min(1, `${what} needs a name`).max(120, `${what} has at most 120 characters`);
const SystemRef = z.string().trim().min(1, 'a system id or name is required').max(200);

const fields = {
  system: SystemRef,
  threat: ThreatId.nullable(),
  title: Risk.shape.title,
  description: z.string().trim().max(4000).nullable(),
  likelihood: RiskLevel,
  impact: RiskLevel,
  treatment: Treatment,
  controls: z.array(ControlId).max(200),
  residualLikelihood: RiskLevel.nullable(),
  residualImpact: RiskLevel.nullable(),
  owner: PersonName('an owner').nullable(),
  status: RiskStatus,
  reviewDate: IsoDate.nullable(),
};

export const RiskInput = z
  .object({
    ...fields,
    threat: fields.threat.optional(),
    description: fields.description.optional(),
    controls: fields.controls.default([]),
    residualLikelihood: fields.residualLikelihood.optional(),
    residualImpact: fields.residualImpact.optional(),
    owner: fields.owner.optional(),
    status: fields.status.default('open'),
    reviewDate: fields.reviewDate.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.residualLikelihood == null) !== (r.residualImpact == null))
      ctx.addIssue({ code: 'custom', path: ['residualImpact'], message: 'give both residual likelihood and residual impact, or neither' });
  });
export type RiskInput = z.input<typeof RiskInput>;

/** A change to a risk: only the fields given change; null clears an optional one. */
export const RiskChanges = z.object(fields).partial().strict();
export type RiskChanges = z.infer<typeof RiskChanges>;

export const AcceptRiskInput = z
  .object({
    approver: PersonName('the approver'),
    expiresOn: IsoDate,
    /** The day of the approval; today when left out. */
    approvedOn: IsoDate.optional(),
    rationale: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AcceptRiskInput = z.infer<typeof AcceptRiskInput>;

const Score = z.object({ score: z.number().int(), rating: z.enum(ratings) });

export const AcceptanceView = z.object({
  id: z.string(),
  approver: z.string().nullable(),
  approverId: z.string().nullable(),
  approvedOn: z.string().nullable(),
  expiresOn: z.string(),
  rationale: z.string().nullable(),
  snapshot: RiskSnapshot,
  recordedAt: z.string(),
});
export type AcceptanceView = z.infer<typeof AcceptanceView>;

/** A risk as the register shows it: the stored record with names, scores and where its acceptance stands. */
export const RiskRow = z.object({
  ...Risk.shape,
  systemName: z.string(),
  threatName: z.string().nullable(),
  ownerName: z.string().nullable(),
  inherent: Score,
  residual: Score.nullable(),
  residualAboveInherent: z.boolean(),
  acceptance: AcceptanceView.nullable(),
  acceptanceStatus: z.enum(acceptanceStatuses),
  /** What changed since the approver saw it (empty unless the acceptance is no longer current). */
  changedFields: z.array(z.enum(materialFields)),
  reviewOverdue: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type RiskRow = z.infer<typeof RiskRow>;

const Cells = z.array(z.array(z.number().int()));
export const RiskRegister = z.object({
  today: z.string(),
  risks: z.array(RiskRow),
  /** The latest acceptance of each risk, as the consistency checks take them. */
  acceptances: z.array(RiskAcceptance),
  heatMap: z.object({ inherent: Cells, residual: Cells, residualNotAssessed: z.number().int() }),
});
export type RiskRegister = z.infer<typeof RiskRegister>;
