import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { readCycloneDx } from '../../electron/imports/formats/cyclonedx';
import { saveComponent } from '../../electron/store/components';
import { createAssessment } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { fixture, readWith } from '../unit/aibom-fixtures';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

/** An assessment whose first system has the components of our CycloneDX 1.7 fixture; the second has none. */
function seeded(): string {
  const file = join(e2eDir, 'aibom.assay');
  const a = createAssessment(file, { name: 'Claims programme', catalog: loadBundledCatalog(), actor: 'e2e-tester' });
  addSystem(a, { name: 'Claims assistant', roles: ['provider'], modelTypes: ['classifier'] }, 'e2e-tester');
  addSystem(a, { name: 'Fraud screening', roles: ['deployer'] }, 'e2e-tester');
  for (const r of readWith(readCycloneDx, fixture('own/claims-assistant-1.7.cdx.json')).records)
    saveComponent(a, { systemId: 'SYS-001', externalId: r.externalId, source: { ...r.data.source, batchId: null }, data: r.data.component }, 'e2e-tester');
  a.close();
  return file;
}

test('an AI system lists its AI-BOM components by kind with version, supplier, licence and source; one without says how to import', async ({ page }) => {
  test.setTimeout(90_000);
  const file = seeded();
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims programme' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'AI systems' }).click();
  await page.getByRole('button', { name: 'Claims assistant' }).click();

  const panel = page.getByRole('region', { name: 'Components (AI-BOM)' });
  await expect(panel.getByRole('heading', { name: 'Models (1)' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Datasets (2)' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Services (2)' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Libraries (2)' })).toBeVisible();
  const model = panel.getByRole('listitem', { name: 'Model northwind/claims-triage' });
  await expect(model).toContainText('3.1.0');
  await expect(model).toContainText('Supplier: Northwind Data Science');
  await expect(model).toContainText('Licence: Proprietary, internal use');
  await expect(model).toContainText('From claims-assistant-1.7.cdx.json');
  await model.getByText('Model card').click();
  await expect(model).toContainText('Trained onclaims-2025, claims-holdout');
  await expect(model).toContainText('accuracy 0.94 (holdout 2025-Q4)');
  await expect(panel.getByRole('listitem', { name: 'Library tokenizers' })).toContainText('Licence: Apache-2.0');
  await expect(panel.getByRole('listitem', { name: 'Dataset claims-holdout' })).toContainText('Supplier: unknown');
  await panel.getByRole('heading', { name: 'Components (AI-BOM)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('50-aibom-components') });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Fraud screening' }).click();
  const empty = page.getByRole('region', { name: 'Components (AI-BOM)' });
  await expect(empty).toContainText('No components recorded yet. Import the system\'s AI-BOM (CycloneDX 1.5–1.7 or SPDX 3.0 JSON)');
  await expect(empty).toContainText('assay import <file> <bom.json> --system SYS-002');
  await empty.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('51-aibom-empty') });
  await expectAccessible(page);
});
