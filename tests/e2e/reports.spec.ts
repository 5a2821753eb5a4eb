import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { verifyReport } from '../../electron/reports/verify-report';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

function seed(): string {
  const file = join(e2eDir, 'reports.assay');
  createAssessment(file, { name: 'Northwind reports', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const a = openForWriting(file, { actor: 'Dana Lee' }).assessment;
  addSystem(a, { name: 'Credit scoring', roles: ['provider'] }, 'Dana Lee');
  addSystem(a, { name: 'Support assistant', roles: ['deployer'] }, 'Dana Lee');
  a.close();
  return file;
}

test('reports: choose a report and its scope, generate and issue it as a job, then the file, its manifest and the register', async ({ page }) => {
  test.setTimeout(120_000);
  const file = seed();
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports', exact: true })).toBeVisible();
  await expect(page.getByText('No reports issued yet.')).toBeVisible();

  await page.getByRole('combobox', { name: /^Report/ }).selectOption('gap');
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByLabel('Paper').selectOption('Letter');
  await page.getByLabel('Label on every page').selectOption('TLP:GREEN');
  await page.getByRole('checkbox', { name: 'EU AI Act', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Credit scoring' }).check();
  await page.getByRole('checkbox', { name: /Issue it/ }).check();
  await expectAccessible(page, '.reports-view');
  await page.getByRole('button', { name: 'Generate and issue' }).click();

  const written = page.getByRole('region', { name: 'Written now' });
  await expect(written).toContainText('Gap assessment (PDF)', { timeout: 90_000 });
  await expect(written).toContainText('issued as RPT-001');
  const issued = page.getByRole('region', { name: 'Issued reports' });
  await expect(issued.getByRole('row', { name: /RPT-001/ })).toContainText('TLP:GREEN');
  await page.screenshot({ path: screenshotPath('reports'), fullPage: true });
  await expectAccessible(page, '.reports-view');

  // The report and its manifest are beside the assessment, and they check out against it.
  const path = (await written.locator('.mono').first().textContent())!.trim();
  expect(path.startsWith(join(e2eDir, 'reports reports'))).toBe(true);
  expect(existsSync(`${path}.manifest.json`)).toBe(true);
  expect(verifyReport(path, { assessment: file })).toMatchObject({ ok: true });
});
