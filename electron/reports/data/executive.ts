import { runChecks } from '../../../shared/domain/checks';
import type { ExecutiveData } from '../../../shared/reports/build/executive';
import type { ReportScope } from '../../../shared/reports/scope';
import type { Assessment } from '../../store/assessment';
import { buildAssessmentModel } from '../../store/assessment-model';
import { readClassification } from '../../store/classification';
import { coverageStatus } from '../../store/coverage-status';
import { riskRecords } from '../../store/risks';
import { listSystems } from '../../store/systems';
import { gatherSignoffs } from './signoffs';

/** What the executive summary reads: the figures `status`, the dashboard and `check` compute, as of the generation day. */
export function gatherExecutive(a: Assessment, scope: ReportScope): ExecutiveData {
  const status = coverageStatus(a, scope.today);
  return {
    systems: listSystems(a).map((s) => {
      const stored = readClassification(a, s.id);
      return {
        id: s.id,
        name: s.name,
        roles: s.roles,
        owner: s.owner,
        classification: stored ? { complete: stored.result.complete, riskClasses: stored.result.riskClasses, labels: stored.labels } : null,
      };
    }),
    coverage: status.coverage,
    gaps: status.gaps,
    systemCoverage: status.systemCoverage.map((s) => ({ systemId: s.systemId, name: s.name, frameworks: s.frameworks })),
    controlNames: Object.fromEntries(a.catalog().controls.map((c) => [c.id, c.name])),
    controlCounts: a.summary().counts,
    risks: riskRecords(a).risks,
    findings: runChecks(buildAssessmentModel(a, scope.today)),
    signoffs: gatherSignoffs(a),
  };
}
