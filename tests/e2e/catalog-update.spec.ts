import { expect, test } from '@playwright/test';
import { olderAssessment } from '../support/older-assessment';
import { e2eDir, openApp, screenshotPath } from './app';

test('an assessment on an older catalog is offered the update, sees what changes for it, and keeps its states', async ({ page }) => {
  const file = olderAssessment(e2eDir, 'older-catalog.assay');
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Client' })).toBeVisible();
  await page.getByRole('button', { name: 'Catalog' }).click();

  const panel = page.getByRole('region', { name: 'Catalog update' });
  await expect(panel).toContainText('This assessment uses catalog 2026.11.1');
  await panel.getByRole('button', { name: 'What would change?' }).click();
  const plan = page.getByTestId('catalog-update-plan');
  await expect(plan).toContainText('GOV-15 Old GOV-15: merged into GOV-05');
  await expect(plan).toContainText('GOV-05: Implemented → In progress conflict: GOV-05 Implemented, GOV-15 In progress');
  await page.screenshot({ path: screenshotPath('10-catalog-update') });

  await plan.getByRole('button', { name: /^Update to / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catalog updated from 2026.11.1' })).toBeVisible();
  await page.getByRole('button', { name: /^Controls/ }).click();
  // The list is virtualised: search for the rows rather than expect them on screen.
  await page.getByRole('search', { name: 'Filter controls' }).getByLabel('Search').fill('GOV-');
  await expect(page.getByRole('row', { name: /GOV-05/ }).getByText('In progress')).toBeVisible();
  await expect(page.getByRole('row', { name: /GOV-15/ })).toHaveCount(0);
});
