import { z } from 'zod';
import { IsoDate } from '../dates';
import { Incident, IncidentSeverity, SeriousCase, reportStatusLabels } from '../incidents';

/**
 * What people give the incident register and the post-market monitoring plans, and what both show
 * back. Deadlines and report states come from shared/domain/incidents.ts.
 */

const SystemRef = z.string().trim().min(1, 'a system id or name is required').max(200);

/** The report's evidence: an evidence item's id or the SHA-256 of the report as sent. */
export const EvidenceRef = z
  .string()
  .trim()
  .min(1, 'an evidence reference needs an evidence id or a SHA-256')
  .max(200)
  .refine((v) => !/^[0-9a-fA-F]{40,}$/.test(v) || /^[0-9a-f]{64}$/.test(v), 'a SHA-256 is 64 lowercase hexadecimal digits');

const fields = {
  system: SystemRef,
  title: Incident.shape.title,
  description: z.string().trim().max(10_000).nullable(),
  occurredOn: IsoDate.nullable(),
  awareOn: IsoDate,
  severity: IncidentSeverity,
  /** What made it serious (Art. 3(49)); none for an incident that is not serious. */
  cases: z.array(SeriousCase).max(6),
  reportedOn: IsoDate.nullable(),
  reportEvidence: z.array(EvidenceRef).max(50),
};

export const IncidentInput = z
  .object({
    ...fields,
    description: fields.description.optional(),
    occurredOn: fields.occurredOn.optional(),
    cases: fields.cases.default([]),
    reportedOn: fields.reportedOn.optional(),
    reportEvidence: fields.reportEvidence.default([]),
  })
  .strict();
export type IncidentInput = z.input<typeof IncidentInput>;

export const IncidentChanges = z.object(fields).partial().strict();
export type IncidentChanges = z.infer<typeof IncidentChanges>;

/** The post-market monitoring plan of a system the organisation provides (Art. 72): a linked document. */
export const MonitoringPlan = z
  .object({
    title: z.string().trim().min(3, 'a plan needs a title of at least 3 characters').max(200),
    reference: z.string().trim().min(1, 'say where the plan is (an evidence id, a document number or a link)').max(500),
    reviewDate: IsoDate,
  })
  .strict();
export type MonitoringPlan = z.infer<typeof MonitoringPlan>;

const Deadline = z.object({ days: z.number().int(), basis: z.string(), applies: z.string(), dueOn: z.string() });
export const IncidentRow = z.object({
  ...Incident.shape,
  systemName: z.string(),
  report: z.object({
    status: z.enum(Object.keys(reportStatusLabels) as ['not_required', 'due', 'overdue', 'reported']),
    deadline: Deadline.nullable(),
    daysLeft: z.number().int().nullable(),
    late: z.boolean(),
  }),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type IncidentRow = z.infer<typeof IncidentRow>;

export const PlanRow = MonitoringPlan.extend({
  systemId: z.string(),
  systemName: z.string(),
  reviewOverdue: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type PlanRow = z.infer<typeof PlanRow>;

export const IncidentRegister = z.object({
  today: z.string(),
  incidents: z.array(IncidentRow),
  plans: z.array(PlanRow),
  /** Systems the organisation provides that have no post-market monitoring plan yet. */
  providerSystemsWithoutPlan: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type IncidentRegister = z.infer<typeof IncidentRegister>;
