import { COVERAGE_RULE, assessCoverage, buildCoverageModel, summariseCoverage } from '../../shared/domain/coverage';
import { formatHead } from '../../shared/domain/head';
import { listSystems } from '../store/systems';
import { useForReading } from './open-files';
import type { Handlers } from './types';

export const statusHandlers: Pick<Handlers, 'assessment.status'> = {
  'assessment.status': (input) => {
    const a = useForReading(input.file);
    const summary = a.summary();
    const catalog = a.catalog();
    // Organisation-wide entries for now; per-system entries arrive with the control entries of step 4.
    const entries = a.listControls().map((c) => ({ controlId: c.id, systemId: null, state: c.state, justification: c.justification }));
    const coverage = summariseCoverage(assessCoverage(buildCoverageModel(catalog), entries, null));
    const names = new Map(catalog.frameworks.map((f) => [f.id, f.short_name ?? f.name]));
    const systems = listSystems(a);
    return {
      name: summary.name,
      catalogVersion: summary.catalogVersion,
      head: formatHead(summary.head),
      controls: summary.counts,
      systems: {
        total: systems.length,
        classified: systems.filter((s) => s.classification).length,
        highRisk: systems.filter((s) => s.classification?.labels.some((l) => l.startsWith('High-risk'))).length,
        prohibited: systems.filter((s) => s.classification?.labels.some((l) => l.startsWith('Prohibited'))).length,
      },
      coverage: coverage.map((c) => ({ ...c, name: names.get(c.framework) ?? c.framework })),
      coverageRule: COVERAGE_RULE,
    };
  },
};
