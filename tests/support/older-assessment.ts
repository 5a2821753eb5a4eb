import { join } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import type { Catalog } from '../../shared/catalog/schema';

/**
 * The catalog as an assessment made before this version holds it: the retired controls still
 * live (as copies of what they were merged into), MOD-18 not yet there, an older version.
 */
export function olderCatalog(bundled: Catalog = loadBundledCatalog()): Catalog {
  const revived = bundled.retired_controls.map((r) => ({ ...bundled.controls.find((c) => c.id === r.merged_into)!, id: r.id, name: `Old ${r.id}` }));
  return {
    ...bundled,
    manifest: { ...bundled.manifest, version: '2026.11.1' },
    controls: [...bundled.controls.filter((c) => c.id !== 'MOD-18'), ...revived],
    retired_controls: [],
    threat_controls: bundled.threat_controls.filter((m) => m.control !== 'MOD-18'),
    control_requirements: bundled.control_requirements.filter((m) => m.control !== 'MOD-18'),
  };
}

/** A client's assessment on the older catalog, with states on both sides of each merge. */
export function olderAssessment(dir: string, name = 'client.assay'): string {
  const file = join(dir, name);
  const a = createAssessment(file, { name: 'Client', catalog: olderCatalog(), actor: 'consultant' });
  a.setControlState('GOV-05', 'implemented', undefined, 'consultant');
  a.setControlState('GOV-15', 'in_progress', undefined, 'consultant');
  a.setControlState('OPS-05', 'not_applicable', 'Logs are kept by the hosting provider under contract', 'consultant');
  a.setControlState('GOV-01', 'implemented', undefined, 'consultant');
  a.close();
  return file;
}
