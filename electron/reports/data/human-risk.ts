import { PSEUDONYM } from '../../../shared/domain/human-risk/model';
import type { HumanRiskData } from '../../../shared/reports/build/human-risk';
import type { ReportScope } from '../../../shared/reports/scope';
import { inScope } from '../../../shared/reports/build/in-scope';
import type { Assessment } from '../../store/assessment';
import { listMetrics } from '../../store/human-risk';
import { humanRiskCorrelation, humanRiskSummary } from '../../store/human-risk-views';

/**
 * The human-risk figures as `humanRisk.summary` and `humanRisk.correlation` give them: groups
 * and counts only. People's subjects never leave this function; only how many figures were
 * recorded with an identity kept (not a pseudonym) is passed on, so the report can say so.
 */
export function gatherHumanRisk(a: Assessment, scope: ReportScope): HumanRiskData {
  const identitiesKept = new Set(
    listMetrics(a)
      .filter((m) => m.subjectKind === 'person' && !PSEUDONYM.test(m.subject))
      .map((m) => m.subject),
  ).size;
  return {
    summary: humanRiskSummary(a),
    systems: humanRiskCorrelation(a).systems.filter((s) => inScope(scope, s.systemId)),
    identitiesKept,
  };
}
