import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../shared/catalog/schema';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { createAssessment } from '../../electron/store/open';
import { addRisk } from '../../electron/store/risks';
import { addSystem } from '../../electron/store/systems';

/**
 * The report benchmark's large assessment: 10 systems, every catalog control with an entry,
 * 2,000 evidence items linked to the controls, 500 risks.
 */
export function largeAssessment(dir: string, catalog: Catalog): string {
  const file = join(dir, 'reports-large.assay');
  const a = createAssessment(file, { name: 'Report bench', catalog, actor: 'bench' });
  try {
    const systems = Array.from({ length: 10 }, (_, i) => addSystem(a, { name: `Bench system ${i + 1}`, roles: [i % 3 === 0 ? 'provider' : 'deployer'] }, 'bench').id);
    const states = ['implemented', 'in_progress', 'not_started', 'implemented'] as const;
    catalog.controls.forEach((c, i) => a.setControlState(c.id, states[i % states.length]!, undefined, 'bench', { owner: `Owner ${i % 12}` }));
    const files = join(dir, 'evidence-files');
    mkdirSync(files, { recursive: true });
    const perControl = Math.ceil(2000 / catalog.controls.length);
    let made = 0;
    for (const c of catalog.controls) {
      const paths: string[] = [];
      for (let k = 0; k < perControl && made < 2000; k++, made++) {
        const path = join(files, `evidence-${made + 1}.txt`);
        writeFileSync(path, `Evidence ${made + 1} for ${c.id}: ${'record of the control operating. '.repeat(8)}`);
        paths.push(path);
      }
      if (paths.length) addEvidenceFiles(a, { paths, links: [{ kind: 'control', target: c.id, system: null }] }, 'bench');
    }
    for (let i = 0; i < 500; i++)
      addRisk(a, {
        system: systems[i % systems.length]!,
        threat: catalog.threats[i % catalog.threats.length]!.id,
        title: `Risk ${i + 1}: ${catalog.threats[i % catalog.threats.length]!.name}`,
        likelihood: ((i % 5) + 1) as 1,
        impact: (((i >> 2) % 5) + 1) as 1,
        treatment: 'mitigate',
        controls: [catalog.controls[i % catalog.controls.length]!.id],
        owner: `Owner ${i % 12}`,
      }, 'bench');
  } finally {
    a.close();
  }
  return file;
}
