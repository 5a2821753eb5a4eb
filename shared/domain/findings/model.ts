import { z } from 'zod';
import { IsoDate } from '../dates';
import { FindingData, FindingSeverity, FindingStatus } from '../../imports/finding-data';

/**
 * A finding as the register keeps it: what the source said (FindingData, kept as imported) and
 * what the organisation decided about it (the lifecycle: status, owner, due date, the evidence
 * that shows it fixed, the approver and expiry of an accepted risk, the reason it is a false
 * positive), with links to the controls and risks it concerns. People are person ids here.
 */

export const FindingId = z.string().trim().regex(/^FND-\d{3,}$/, 'a finding id looks like FND-001');

export const Finding = z
  .object({
    id: FindingId,
    title: z.string().min(1).max(500),
    systemId: z.string().nullable(),
    threatId: z.string().nullable(),
    data: FindingData,
    status: FindingStatus,
    /** Why: the false positive's reason, the note on a fix, the rationale of an acceptance. */
    reason: z.string().max(4000).nullable(),
    /** Evidence items (EV-001) that show it fixed. */
    evidence: z.array(z.string()).max(50),
    /** Risk accepted: who approved (person id) and until when. */
    approver: z.string().nullable(),
    expiresOn: IsoDate.nullable(),
    owner: z.string().nullable(),
    dueDate: IsoDate.nullable(),
    controls: z.array(z.string()).max(50),
    risks: z.array(z.string()).max(50),
    /** The source's id ("garak:dan.Dan_11_0/dan.DAN") and the import batch it came from last. */
    externalId: z.string().nullable(),
    batchId: z.string().nullable(),
  })
  .strict();
export type Finding = z.infer<typeof Finding>;

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: 'Open',
  in_remediation: 'In remediation',
  fixed: 'Fixed',
  risk_accepted: 'Risk accepted',
  false_positive: 'False positive',
};

export const severityRank: Record<FindingSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** A finding as lists show it: names resolved and what is late. */
export const FindingRow = Finding.extend({
  severity: FindingSeverity,
  systemName: z.string().nullable(),
  threatName: z.string().nullable(),
  ownerName: z.string().nullable(),
  approverName: z.string().nullable(),
  /** Past its due date while still open or in remediation. */
  overdue: z.boolean(),
  /** An accepted risk whose acceptance has run out. */
  acceptanceExpired: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type FindingRow = z.infer<typeof FindingRow>;

/** A line of the plan of action: what, who, by when, status. */
export const PlanItem = z.object({
  id: z.string(),
  what: z.string(),
  severity: FindingSeverity,
  system: z.string().nullable(),
  threatId: z.string().nullable(),
  threatName: z.string().nullable(),
  who: z.string().nullable(),
  byWhen: z.string().nullable(),
  status: FindingStatus,
  overdue: z.boolean(),
  acceptanceExpired: z.boolean(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const FindingFilter = z
  .object({
    status: z.array(FindingStatus).max(5).optional(),
    severity: z.array(FindingSeverity).max(5).optional(),
    /** A system id or exact name. */
    system: z.string().trim().min(1).max(200).optional(),
    threat: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type FindingFilter = z.infer<typeof FindingFilter>;

const Person = z.string().trim().min(1).max(120);
/** What a person changes: left out keeps the value, null clears it. */
export const FindingChanges = z
  .object({
    status: FindingStatus.optional(),
    owner: Person.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    reason: z.string().trim().max(4000).nullable().optional(),
    approver: Person.nullable().optional(),
    expiresOn: IsoDate.nullable().optional(),
    evidence: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    controls: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
    risks: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  })
  .strict();
export type FindingChanges = z.infer<typeof FindingChanges>;
