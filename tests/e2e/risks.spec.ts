import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { addDays } from '../../shared/domain/dates';
import { createAssessment, openApp, screenshotPath } from './app';

const today = new Date().toISOString().slice(0, 10);

async function expectAxeClean(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function addProviderSystem(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'AI systems' }).click();
  await page.getByRole('button', { name: 'Add system…' }).click();
  const form = page.getByRole('form', { name: 'Add AI system' });
  await form.getByLabel('Name').fill('Credit scoring');
  await form.getByRole('checkbox', { name: 'Provider', exact: true }).check();
  await form.getByRole('button', { name: 'Add system' }).click();
  await expect(page.getByRole('row', { name: /SYS-001/ })).toBeVisible();
}

test('risk register: add, accept, a material change makes the acceptance no longer current; heat maps drawn', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Risks');
  await addProviderSystem(page);
  await page.getByRole('button', { name: 'Risks', exact: true }).click();
  await expect(page.getByText('No risks recorded yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add risk…' }).click();
  const form = page.getByRole('form', { name: 'Add risk' });
  await form.getByLabel('Threat').selectOption('THR-01');
  await form.getByLabel('Title').fill('Biased refusals of credit');
  await form.getByLabel('Likelihood', { exact: true }).selectOption('4');
  await form.getByLabel('Impact', { exact: true }).selectOption('5');
  await form.getByLabel('Controls').fill('GOV-01, ACC-02');
  // Half a residual assessment is refused with the field named, and nothing is added.
  await form.getByLabel('Residual likelihood').selectOption('2');
  await form.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('alert')).toContainText('residualImpact: give both residual likelihood and residual impact');
  await expect(page.getByText('No risks recorded yet.')).toBeVisible();
  await form.getByLabel('Residual impact').selectOption('3');
  await form.getByLabel('Owner').fill('Dana Chen');
  await form.getByLabel('Review by').fill(addDays(today, 30));
  await form.getByRole('button', { name: 'Add risk' }).click();

  const row = page.getByRole('row', { name: /RSK-001/ });
  await expect(row).toContainText('Biased refusals of credit');
  await expect(row).toContainText('20 Critical');
  await expect(row).toContainText('6 Medium');
  await expect(page.getByTestId('risk-heatmap').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('risk-heatmap')).toHaveAttribute('aria-label', /Inherent risk \(1\) and Residual risk \(1\)/);

  const detail = page.getByRole('region', { name: 'Risk RSK-001' });
  await detail.getByRole('button', { name: 'Accept residual risk…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept RSK-001' });
  await dialog.getByLabel('Approver').fill('Chief Risk Officer');
  await dialog.getByLabel('Expires on').fill(addDays(today, 180));
  await dialog.getByLabel('Rationale').fill('Within the risk appetite');
  await page.screenshot({ path: screenshotPath('20-risk-accept') });
  await dialog.getByRole('button', { name: 'Record acceptance' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByTestId('acceptance-status')).toContainText('Current');
  await expect(detail.getByTestId('acceptance-status')).toContainText(`Approved by Chief Risk Officer on ${today}`);
  await page.screenshot({ path: screenshotPath('21-risks'), fullPage: true });
  await expectAxeClean(page);

  await detail.getByRole('button', { name: 'Edit…' }).click();
  const edit = page.getByRole('form', { name: 'Edit risk RSK-001' });
  await edit.getByLabel('Residual impact').selectOption('4');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(detail.getByTestId('acceptance-status')).toContainText('No longer current (the risk changed)');
  await expect(detail.getByTestId('acceptance-status')).toContainText('Changed since the approval: residualImpact');
  await expect(row).toContainText('8 Medium');

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: screenshotPath('22-risks-1024') });
  await expectAxeClean(page);
});

test('incidents: Art. 73 deadline from awareness, overdue in days, report sent; post-market monitoring plan', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Incidents');
  await addProviderSystem(page);
  await page.getByRole('button', { name: 'Incidents' }).click();
  await expect(page.getByText('No incidents recorded.')).toBeVisible();
  await expect(page.getByText('no plan yet (the organisation provides this system)')).toBeVisible();

  await page.getByRole('button', { name: 'Record incident…' }).click();
  const form = page.getByRole('form', { name: 'Record incident' });
  await form.getByLabel('What happened').fill('Applicant harmed after a wrong refusal');
  await form.getByLabel('Became aware on').fill(addDays(today, -12));
  await form.getByLabel('Severity').selectOption('critical');
  await form.getByRole('checkbox', { name: 'A person died' }).check();
  await expect(form.getByRole('status')).toHaveText('Report within 10 days of awareness (Art. 73(4)).');
  await form.getByRole('button', { name: 'Record incident' }).click();

  const row = page.getByRole('row', { name: /INC-001/ });
  await expect(row).toContainText('Report overdue: 2 days overdue');
  await expect(row).toContainText(`by ${addDays(today, -2)} (Art. 73(4))`);

  await page.getByRole('button', { name: 'Set plan…' }).click();
  const plan = page.getByRole('form', { name: 'Set monitoring plan' });
  await plan.getByLabel('Plan title').fill('Post-market monitoring plan 2026');
  await plan.getByLabel('Where it is').fill('DOC-PMM-01');
  await plan.getByLabel('Review by').fill(addDays(today, 90));
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByText('Post-market monitoring plan 2026 (DOC-PMM-01)')).toBeVisible();
  await page.screenshot({ path: screenshotPath('23-incidents') });
  await expectAxeClean(page);

  await row.getByRole('button', { name: 'Record the report sent for INC-001' }).click();
  const report = page.getByRole('form', { name: 'Report sent for INC-001' });
  await report.getByLabel('Sent on').fill(today);
  await report.getByLabel('Report evidence').fill('ab'.repeat(32));
  await report.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText(`Reported ${today} late`);

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: screenshotPath('24-incidents-1024') });
  await expectAxeClean(page);
});
