import { z } from 'zod';
import { SystemId } from './control-entry';
import { IsoDate, addDays, daysBetween, isPast } from './dates';

/**
 * Serious incidents and the EU AI Act's reporting deadlines (Art. 73), counted in calendar days from
 * the day the organisation became aware. The law also asks for a report "immediately" once a causal
 * link is established or suspected; the date here is the latest permitted, never a target. No
 * extension for weekends or public holidays is applied, so the date is never later than the law's.
 */
export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const IncidentSeverity = z.enum(incidentSeverities);
export type IncidentSeverity = z.infer<typeof IncidentSeverity>;

/** What made the incident serious (Art. 3(49) points (a)–(d)), with the two cases Art. 73 shortens. */
export const seriousCases = [
  'death',
  'serious_harm_to_health',
  'critical_infrastructure_disruption',
  'fundamental_rights_infringement',
  'serious_harm_to_property_or_environment',
  'widespread_infringement',
] as const;
export const SeriousCase = z.enum(seriousCases);
export type SeriousCase = z.infer<typeof SeriousCase>;

export const seriousCaseLabels: Record<SeriousCase, string> = {
  death: 'A person died',
  serious_harm_to_health: 'Serious harm to a person’s health',
  critical_infrastructure_disruption: 'Serious and irreversible disruption of critical infrastructure',
  fundamental_rights_infringement: 'Breach of EU law protecting fundamental rights',
  serious_harm_to_property_or_environment: 'Serious harm to property or the environment',
  widespread_infringement: 'Widespread infringement across Member States (Art. 3(61))',
};

export const Incident = z
  .object({
    id: z.string().trim().min(1).max(100),
    systemId: SystemId,
    title: z.string().trim().min(3, 'an incident needs a title of at least 3 characters').max(200),
    description: z.string().max(10_000).nullable(),
    occurredOn: IsoDate.nullable(),
    /** The day the organisation became aware: every Art. 73 deadline runs from here. */
    awareOn: IsoDate,
    severity: IncidentSeverity,
    /** A serious incident under the EU AI Act (Art. 3(49)), which must be reported. */
    serious: z.boolean(),
    cases: z.array(SeriousCase),
    reportedOn: IsoDate.nullable(),
    /** Evidence items holding the report sent. */
    reportEvidence: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((i, ctx) => {
    if (i.serious && i.cases.length === 0)
      ctx.addIssue({ code: 'custom', path: ['cases'], message: 'say what made the incident serious (at least one case)' });
    if (!i.serious && i.cases.length > 0)
      ctx.addIssue({ code: 'custom', path: ['serious'], message: 'an incident with a serious case is a serious incident' });
    if (i.occurredOn && i.awareOn < i.occurredOn)
      ctx.addIssue({ code: 'custom', path: ['awareOn'], message: 'awareness cannot come before the incident happened' });
    if (i.reportedOn && i.reportedOn < i.awareOn)
      ctx.addIssue({ code: 'custom', path: ['reportedOn'], message: 'the report cannot be sent before the organisation became aware' });
  });
export type Incident = z.infer<typeof Incident>;

export interface ReportingRule {
  days: number;
  basis: string;
  /** Our words for when it applies. */
  applies: string;
}

/** Shortest first: the first rule whose case is present sets the deadline. */
export const reportingRules: readonly (ReportingRule & { cases: readonly SeriousCase[] })[] = [
  {
    days: 2,
    basis: 'Art. 73(3)',
    applies: 'a widespread infringement, or a serious and irreversible disruption of critical infrastructure',
    cases: ['widespread_infringement', 'critical_infrastructure_disruption'],
  },
  { days: 10, basis: 'Art. 73(4)', applies: 'the death of a person', cases: ['death'] },
  { days: 15, basis: 'Art. 73(2)', applies: 'any other serious incident', cases: seriousCases },
];

export interface ReportingDeadline extends ReportingRule {
  dueOn: string;
}

/** The latest day the report may be sent, or null for an incident that is not serious. */
export function reportingDeadline(incident: Pick<Incident, 'serious' | 'cases' | 'awareOn'>): ReportingDeadline | null {
  if (!incident.serious) return null;
  const rule = reportingRules.find((r) => r.cases.some((c) => incident.cases.includes(c))) ?? reportingRules[reportingRules.length - 1]!;
  return { days: rule.days, basis: rule.basis, applies: rule.applies, dueOn: addDays(incident.awareOn, rule.days) };
}

export type ReportStatus = 'not_required' | 'due' | 'overdue' | 'reported';
export const reportStatusLabels: Record<ReportStatus, string> = {
  not_required: 'No report required',
  due: 'Report due',
  overdue: 'Report overdue',
  reported: 'Reported',
};

export interface ReportState {
  status: ReportStatus;
  deadline: ReportingDeadline | null;
  /** Days from today to the deadline (negative once overdue); null when reported or not required. */
  daysLeft: number | null;
  /** For a sent report: whether it went out after the deadline. */
  late: boolean;
}

/** Where an incident's report stands on `today`; the deadline day itself is still in time. */
export function reportState(incident: Pick<Incident, 'serious' | 'cases' | 'awareOn' | 'reportedOn'>, today: string): ReportState {
  const deadline = reportingDeadline(incident);
  if (!deadline) return { status: 'not_required', deadline: null, daysLeft: null, late: false };
  if (incident.reportedOn) return { status: 'reported', deadline, daysLeft: null, late: isPast(deadline.dueOn, incident.reportedOn) };
  const daysLeft = daysBetween(today, deadline.dueOn);
  return { status: daysLeft < 0 ? 'overdue' : 'due', deadline, daysLeft, late: false };
}
