import { COVERAGE_RULE } from '../../shared/domain/coverage';
import { coverageStatus } from '../store/coverage-status';
import { formatHead } from '../../shared/domain/head';
import { listSystems } from '../store/systems';
import { useForReading } from './open-files';
import type { Handlers } from './types';

export const statusHandlers: Pick<Handlers, 'assessment.status'> = {
  'assessment.status': (input) => {
    const a = useForReading(input.file);
    const summary = a.summary();
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
      ...coverageStatus(a),
      coverageRule: COVERAGE_RULE,
    };
  },
};
