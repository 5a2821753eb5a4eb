import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath, writeFile } from './app';

test('create an assessment, set a control state, reload and find it kept', async ({ page }) => {
  await openApp(page);
  await page.screenshot({ path: screenshotPath('01-start') });
  await createAssessment(page, 'Acme Corp 2026');
  await expect(page.getByText('0%')).toBeVisible();

  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /ACC-02/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'AI gateway' })).toBeVisible();
  await page.getByRole('radio', { name: 'Implemented' }).check();
  await page.getByRole('button', { name: 'Save state' }).click();
  const row = page.getByRole('row', { name: /ACC-02/ });
  await expect(row.getByText('Implemented')).toBeVisible();
  await expect(page.getByText(/Last changed .* by e2e-tester/)).toBeVisible();
  await page.screenshot({ path: screenshotPath('02-controls') });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Corp 2026' })).toBeVisible();
  await page.getByRole('button', { name: /^Controls/ }).click();
  await expect(page.getByRole('row', { name: /ACC-02/ }).getByText('Implemented')).toBeVisible();

  // Closing and reopening from the recent list reads the state back from the file.
  await page.getByRole('button', { name: 'Close assessment' }).click();
  await page.getByRole('button', { name: /Acme Corp 2026/ }).click();
  await page.getByRole('button', { name: /^Overview/ }).click();
  await expect(page.getByText('of applicable controls implemented (1 of')).toBeVisible();
  await page.screenshot({ path: screenshotPath('03-overview') });
});

test('not applicable needs a justification, and the audit log records and verifies the change', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Justified');
  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /GOV-02/ }).click();
  await page.getByRole('radio', { name: 'Not applicable' }).check();
  await page.getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByText('a justification is required when a control is not applicable')).toBeVisible();
  await expect(page.getByRole('row', { name: /GOV-02/ }).getByText('Not started')).toBeVisible();

  await page.getByLabel('Justification (required)').fill('The organisation develops no AI systems');
  await page.getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByRole('row', { name: /GOV-02/ }).getByText('Not applicable')).toBeVisible();
  await expect(page.locator('.justification')).toHaveText('The organisation develops no AI systems');

  await page.getByRole('button', { name: 'Audit log' }).click();
  const change = page.getByRole('row', { name: /Control state changed/ });
  await expect(change.getByRole('cell', { name: 'GOV-02 AI system inventory' })).toBeVisible();
  await expect(change.getByRole('cell', { name: /Not started → Not applicable/ })).toBeVisible();
  await expect(change.getByRole('cell', { name: 'e2e-tester' })).toBeVisible();
  const head = (await page.getByTestId('audit-head').textContent())!;
  expect(head).toMatch(/^2:[0-9a-f]{64}$/);

  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('Verified: the file proves its whole state.', { timeout: 30_000 });
  await expect(result).toContainText('replaying the log from the first entry rebuilds every state table exactly');

  // An anchor held from outside the file: a different one fails, naming what differs.
  await page.getByLabel(/Expected head/).fill(`3:${head.split(':')[1]}`);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(result).toContainText('Verification failed.', { timeout: 30_000 });
  await expect(result).toContainText('the file has 2 entries, the anchor 3');

  await page.getByLabel('What').selectOption({ label: 'Assessment created' });
  await expect(page.getByText('1 of 2 entries shown')).toBeVisible();
  await expect(page.getByRole('row', { name: /Control state changed/ })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('04-audit') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(csv, 'utf8');
  expect(text).toContain('Control state changed');
  expect(text).toContain(`# head,${head}`);
});

test('the control list and state editor work from the keyboard', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Keyboard');
  await page.getByRole('button', { name: /^Controls/ }).focus();
  await page.keyboard.press('Enter');
  // The list is a grid: the selected row takes focus, arrow keys move the selection.
  await page.getByRole('row', { name: /GOV-01/ }).focus();
  await page.keyboard.press('End');
  await page.getByLabel('Search').fill('MOD-02');
  await page.getByRole('row', { name: /MOD-02/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'AI red-teaming' })).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.getByRole('radio', { name: 'Not started' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'In progress' })).toBeChecked();
  await page.getByRole('button', { name: 'Save state' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /MOD-02/ }).getByText('In progress')).toBeVisible();

  await page.getByRole('search').getByLabel('State').selectOption('in_progress');
  await expect(page.getByText('1 of 82 controls')).toBeVisible();
  await page.getByRole('search').getByLabel('Owner').selectOption({ label: 'No owner' });
  await page.getByRole('search').getByLabel('State').selectOption('implemented');
  await expect(page.getByText('0 of 82 controls')).toBeVisible();
});

test('opening a file that is not an assessment says so and names the file', async ({ page }) => {
  const file = writeFile('notes.assay', 'these are plain notes, not a database');
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(`${file}: is not an Assay assessment`);
  await expect(page.getByRole('heading', { name: 'New assessment' })).toBeVisible();
});

test('a control entry keeps its owner, due date, maturity and notes; a bad date is refused by field', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Entries');
  await page.getByRole('button', { name: /^Controls/ }).click();
  const detail = page.getByRole('region', { name: 'Control detail' });
  await page.getByRole('row', { name: /ACC-02/ }).click();
  await page.getByRole('radio', { name: 'In progress' }).check();
  await detail.getByLabel('Owner').fill('Dana Chen');
  await detail.getByLabel('Due date').fill('31/12/2026');
  await page.getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByRole('alert')).toContainText('details.dueDate: a date must be a real date written as YYYY-MM-DD');

  await detail.getByLabel('Due date').fill('2026-12-31');
  await detail.getByLabel('Maturity').selectOption({ label: '2 Repeatable' });
  await detail.getByLabel('Implementation notes').fill('Gateway deployed in staging');
  await page.getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByRole('row', { name: /ACC-02/ }).getByText('In progress')).toBeVisible();
  await page.screenshot({ path: screenshotPath('12-control-entry') });

  await page.reload();
  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /ACC-02/ }).click();
  await expect(detail.getByLabel('Owner')).toHaveValue('Dana Chen');
  await expect(detail.getByLabel('Due date')).toHaveValue('2026-12-31');
  await expect(detail.getByLabel('Maturity')).toHaveValue('2');
  await expect(detail.getByLabel('Implementation notes')).toHaveValue('Gateway deployed in staging');
});
