import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';

/**
 * A real assessment file with a long audit log, for jobs and benchmarks: each entry is a
 * genuine state change written through the store, batched in one transaction for speed.
 */
export function buildLargeAssessment(file: string, entries: number): void {
  const assessment = createAssessment(file, { name: 'Large', catalog: loadBundledCatalog(), actor: 'builder' });
  try {
    const ids = assessment.listControls().map((c) => c.id);
    const states = ['in_progress', 'implemented', 'not_started'] as const;
    assessment.db.transaction(() => {
      for (let i = 0; i < entries; i++) assessment.setControlState(ids[i % ids.length]!, states[i % states.length]!, undefined, 'builder');
    })();
  } finally {
    assessment.close();
  }
}
