import type { GapData } from '../../../shared/reports/build/gap';
import type { ReportScope } from '../../../shared/reports/scope';
import type { Assessment } from '../../store/assessment';
import { coverageEntries } from '../../store/control-entries';
import { coverageStatus } from '../../store/coverage-status';
import { controlViews, evidenceViews } from './compliance-data';

/** What the gap assessment reads: the catalog, every control entry, the evidence and `status`'s coverage per system. */
export function gatherGap(a: Assessment, scope: ReportScope): GapData {
  return {
    catalog: a.catalog(),
    entries: coverageEntries(a),
    controls: controlViews(a),
    evidence: evidenceViews(a),
    systemCoverage: coverageStatus(a, scope.today).systemCoverage.map((s) => ({ systemId: s.systemId, name: s.name, frameworks: s.frameworks })),
  };
}
