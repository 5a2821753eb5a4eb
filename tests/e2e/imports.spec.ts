import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath, writeFile } from './app';

const register = [
  'Northwind AI risk register',
  'Prepared by the consultant, 2026-11',
  '',
  'Risk ID,Risk title,AI system,Threat,Likelihood,Impact,Treatment,Risk owner,Review date',
  'R-1,Customers trick the assistant into revealing other accounts,Support assistant,Prompt injection,4,4,mitigate,Dana Chen,2027-03-31',
  'R-2,Scoring model drifts after the rate change,Credit scoring,Model drift and degraded accuracy,3,4,mitigate,Sam Lee,2027-01-15',
  'R-3,Staff paste client data into public chatbots,Support assistant,staff use unapproved chat tools,3,3,mitigate,Dana Chen,2027-02-28',
  ',,,,,,,,',
  'Total,,,,,,,,',
].join('\r\n');

test('import a consultant’s risk register: preview with mapping and proposals, import, then the batch and its risks', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createAssessment(page, 'Client register import');
  await page.getByRole('button', { name: 'Imports', exact: true }).click();
  await expect(page.getByText('No imports yet.')).toBeVisible();

  await page.getByTestId('import-input').setInputFiles(writeFile('client-register.csv', register));
  const preview = page.getByTestId('import-preview');
  // Preview and import are jobs: a worker starts, reads and plans; a loaded machine takes longer than the default wait.
  await expect(preview).toContainText('Preview: client-register.csv', { timeout: 30_000 });
  await expect(preview).toContainText('3 to create');
  // The title block above the header and the blank and total rows are told apart from the data.
  await expect(preview.getByText(/Skipped \(\d+\)/)).toBeVisible();
  await expect(preview.getByLabel('Field for column Likelihood')).toHaveValue(/likelihood/i);
  // Systems the file names that do not exist yet are proposed for creation.
  await expect(preview.getByLabel(/AI system “Support assistant”/)).toHaveValue('create');
  await expect(preview.getByLabel(/Threat “staff use unapproved chat tools”/)).toHaveValue('none');
  await preview.getByLabel(/Threat “staff use unapproved chat tools”/).selectOption('THR-12');
  await preview.getByRole('button', { name: 'Preview again' }).click();
  await expect(preview.getByLabel(/Threat “staff use unapproved chat tools”/)).toHaveValue('THR-12');
  await expect(preview.getByRole('button', { name: /Import \d+ records/ })).toBeEnabled();
  await page.screenshot({ path: screenshotPath('import-preview'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.imports').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await preview.getByRole('button', { name: /Import \d+ records/ }).click();
  await expect(page.getByTestId('import-done')).toContainText('as batch IMP-001: 3 created', { timeout: 30_000 });
  const batches = page.getByRole('region', { name: 'Imports' });
  await expect(batches.getByRole('row', { name: /IMP-001/ })).toContainText('client-register.csv');

  await page.getByRole('button', { name: 'Risks', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Customers trick the assistant into revealing other accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Audit log', exact: true }).click();
  await expect(page.getByText(/IMP-001 client-register\.csv \(csv\)/)).toBeVisible();
});
