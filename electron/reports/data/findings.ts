import type { FindingsData } from '../../../shared/reports/build/findings';
import type { ReportScope } from '../../../shared/reports/scope';
import { inScope } from '../../../shared/reports/build/in-scope';
import type { Assessment } from '../../store/assessment';
import { listEvidence } from '../../store/evidence';
import { listFindings, planOfAction } from '../../store/findings';

/** The findings register and plan of action as the read commands give them on the report's day. */
export function gatherFindings(a: Assessment, scope: ReportScope): FindingsData {
  const findings = listFindings(a, scope.today).filter((f) => inScope(scope, f.systemId));
  const ids = new Set(findings.map((f) => f.id));
  const cited = new Set(findings.flatMap((f) => f.evidence));
  const evidence = listEvidence(a)
    .filter((e) => cited.has(e.id))
    .map((e) => ({ id: e.id, sha256: e.sha256, title: e.title }));
  return { today: scope.today, findings, plan: planOfAction(a, scope.today).filter((p) => ids.has(p.id)), evidence };
}
