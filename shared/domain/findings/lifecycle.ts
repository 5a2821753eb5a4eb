import type { FindingSeverity, FindingStatus } from '../../imports/finding-data';
import { isPast } from '../dates';

/**
 * The lifecycle of a finding as pure rules: what a change to it becomes, and what each state
 * needs before it can be recorded. Fixed needs the evidence that shows it (or at least a note),
 * an accepted risk needs its approver and an expiry in the future, a false positive its reason,
 * remediation someone who owns it. Fields that belong to another state are cleared on the way out.
 */

export interface Lifecycle {
  status: FindingStatus;
  reason: string | null;
  evidence: string[];
  approver: string | null;
  expiresOn: string | null;
  owner: string | null;
  dueDate: string | null;
}

/** A change with people already resolved to ids: left out (undefined) keeps, null clears. */
export type LifecycleChange = { [K in keyof Lifecycle]?: Lifecycle[K] | (K extends 'status' | 'evidence' ? never : null) };

export interface LifecycleProblem {
  field: keyof Lifecycle;
  message: string;
}

/** What the finding's lifecycle becomes after a change. */
export function nextLifecycle(current: Lifecycle, change: LifecycleChange): Lifecycle {
  const status = change.status ?? current.status;
  const moved = status !== current.status;
  const keep = <K extends 'reason' | 'approver' | 'expiresOn'>(k: K) => (change[k] !== undefined ? (change[k] ?? null) : moved ? null : current[k]);
  return {
    status,
    reason: keep('reason'),
    evidence: status === 'fixed' ? [...new Set(change.evidence ?? (moved ? [] : current.evidence))] : [],
    approver: status === 'risk_accepted' ? keep('approver') : null,
    expiresOn: status === 'risk_accepted' ? keep('expiresOn') : null,
    owner: change.owner !== undefined ? change.owner : current.owner,
    dueDate: change.dueDate !== undefined ? change.dueDate : current.dueDate,
  };
}

/** Why the change cannot be recorded, field by field (empty when it can). */
export function lifecycleProblems(current: Lifecycle, change: LifecycleChange, today: string): LifecycleProblem[] {
  const next = nextLifecycle(current, change);
  const problems: LifecycleProblem[] = [];
  const add = (field: keyof Lifecycle, message: string) => problems.push({ field, message });
  if (next.status !== 'risk_accepted' && (change.approver || change.expiresOn))
    add(change.approver ? 'approver' : 'expiresOn', 'an approver and an expiry belong to a finding whose risk is accepted (status risk_accepted)');
  if (next.status !== 'fixed' && change.evidence?.length) add('evidence', 'evidence that shows a fix belongs to a finding marked fixed');
  switch (next.status) {
    case 'risk_accepted':
      if (!next.approver) add('approver', 'accepting the risk needs the approver who accepted it');
      if (!next.expiresOn) add('expiresOn', 'accepting the risk needs an expiry date, when it is looked at again');
      else if (next.expiresOn !== current.expiresOn && !isPast(today, next.expiresOn)) add('expiresOn', `the acceptance must expire after today (${today})`);
      break;
    case 'false_positive':
      if (!next.reason) add('reason', 'a false positive needs the reason it is one');
      break;
    case 'fixed':
      if (next.evidence.length === 0 && !next.reason) add('evidence', 'marking it fixed needs the evidence that shows the fix (an evidence id) or a note saying how it was fixed');
      break;
    case 'in_remediation':
      if (!next.owner) add('owner', 'remediation needs an owner');
      break;
    case 'open':
      break;
  }
  return problems;
}

/** Still to be dealt with: open or in remediation. */
export const isActive = (status: FindingStatus) => status === 'open' || status === 'in_remediation';

export function isOverdue(f: Pick<Lifecycle, 'status' | 'dueDate'>, today: string): boolean {
  return Boolean(f.dueDate && isActive(f.status) && isPast(f.dueDate, today));
}

export function acceptanceExpired(f: Pick<Lifecycle, 'status' | 'expiresOn'>, today: string): boolean {
  return Boolean(f.status === 'risk_accepted' && f.expiresOn && isPast(f.expiresOn, today));
}

/** garak's DEFCON levels (1 worst … 5 best) as finding severities. */
export function severityOfDefcon(defcon: number): FindingSeverity {
  return (['critical', 'critical', 'high', 'medium', 'low', 'info'] as const)[Math.min(5, Math.max(0, Math.round(defcon)))]!;
}

/**
 * A DEFCON level from a pass rate, with garak's own absolute bounds (a pass rate under 5% is
 * DEFCON 1, under 40% DEFCON 2, under 80% DEFCON 3, under 99% DEFCON 4), so a report without
 * its digest gets the severity the digest would have given.
 */
export function defconOfPassRate(passRate: number): number {
  if (passRate < 0.05) return 1;
  if (passRate < 0.4) return 2;
  if (passRate < 0.8) return 3;
  if (passRate < 0.99) return 4;
  return 5;
}
