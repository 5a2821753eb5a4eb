import type { Audience, ReportMeta } from './model';

/**
 * What a report covers, resolved from the options by the generator before any builder runs:
 * the systems (by id or exact name) and frameworks chosen, or all of them.
 */
export interface ReportScope {
  systems: { id: string; name: string }[];
  frameworks: { id: string; name: string }[];
  /** True when the user chose no systems (the whole assessment is in scope, organisation-wide entries too). */
  allSystems: boolean;
  allFrameworks: boolean;
  /** The generation day (YYYY-MM-DD), from the generation clock: "overdue" is judged as of this day. */
  today: string;
}

/**
 * A person's name as this report may show it: for an external audience every personal name
 * (owners, approvers, assignees, who generated it) is replaced by the role given.
 */
export function personName(name: string | null | undefined, audience: Audience, role = 'redacted'): string {
  if (!name) return '—';
  return audience === 'external' ? `[${role}]` : name;
}

/** What a builder returns: the report without its meta, which the generator fills in. */
export interface BuiltReport {
  subtitle: string | null;
  sections: import('./model').ReportSection[];
  evidence: { id: string; sha256: string }[];
}

/** A report's pure builder: data gathered from the assessment in, the model's sections out. */
export type ReportBuilder<D> = (data: D, meta: Omit<ReportMeta, 'subtitle'>, scope: ReportScope) => BuiltReport;
