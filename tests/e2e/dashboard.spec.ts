import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

const run = promisify(execFile);
const assay = (...args: string[]) => run(process.execPath, [resolve('electron/cli/assay.mjs'), ...args], { env: { ...process.env, ASSAY_ACTOR: 'Dana Lee' } });

test('the dashboard answers where we stand, and the checks lead to the place to fix each finding', async ({ page }) => {
  test.setTimeout(120_000); // six command-line runs prepare the file
  const file = join(e2eDir, 'dashboard.assay');
  await assay('new', file, '--name', 'Northwind Bank');
  await assay('systems', 'add', file, '--name', 'Credit scoring', '--role', 'deployer', '--model-type', 'classifier', '--decides-about-people');
  await assay('systems', 'add', file, '--name', 'Support assistant', '--role', 'deployer', '--deployment', 'customer-facing', '--model-type', 'llm');
  await assay('classify', file, 'Credit scoring', '--answers', resolve('examples/classification-credit-scoring.json'));
  await assay('set-state', file, 'GOV-01', 'implemented', '--owner', 'Dana Lee');
  await assay('set-state', file, 'GOV-02', 'in_progress', '--due', '2026-01-15');

  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Bank' })).toBeVisible();

  await expect(page.getByText('of applicable controls implemented (1 of')).toBeVisible();
  await expect(page.getByTestId('chart-coverage').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-states').locator('canvas')).toBeVisible();
  // ECharts' aria option describes the chart in words for screen readers.
  await expect(page.getByTestId('chart-states')).toHaveAttribute('aria-label', /Implemented 1/);
  await expect(page.getByText(/2 errors/)).toBeVisible();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  await expect(overdue).toContainText('GOV-02 AI system inventory for the organisation was due on 2026-01-15');
  await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText('AI system classified');
  await expect(page.getByRole('region', { name: 'Top gaps: what to implement next' }).getByRole('listitem').first()).toContainText(/closes \d+ requirements? alone/);
  await page.screenshot({ path: screenshotPath('20-dashboard'), fullPage: true });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'All findings' }).click();
  await expect(page.getByRole('heading', { name: 'Consistency checks' })).toBeVisible();
  const fria = page.getByRole('listitem').filter({ hasText: 'Fundamental-rights impact assessment missing' });
  await expect(fria).toContainText('Credit scoring is high-risk and Art. 27 applies');
  await page.getByRole('checkbox', { name: /Warnings/ }).uncheck();
  await expect(page.getByText('System not classified')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('21-checks') });
  await expectAccessible(page);

  // The finding's button leads to the control it names.
  await fria.getByRole('button', { name: /Fix: Control GOV-07/ }).click();
  await expect(page.getByRole('heading', { name: 'Fundamental-rights impact assessment' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Controls/ })).toHaveAttribute('aria-current', 'page');
});

test('a new user opens the sample assessment from the start screen, and opening it again keeps their changes', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await expectAccessible(page, 'main');
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Financial (sample)' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'AI systems' })).toContainText('4');
  await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText(/by (Maria Keller|Aisha Rahman|Lena Fischer|Jonas Weber|Tom Becker)/);
  await page.screenshot({ path: screenshotPath('22-sample-dashboard') });
  await page.getByRole('button', { name: 'AI systems' }).click();
  await expect(page.getByRole('row', { name: /Procurement agent/ })).toBeVisible();

  await page.getByRole('button', { name: 'Close assessment' }).click();
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Financial (sample)' })).toBeVisible();
});
