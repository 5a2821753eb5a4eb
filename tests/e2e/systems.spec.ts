import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath } from './app';

test('add AI systems to the inventory; a provider system shows its Annex IV fields, empty ones visibly empty', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Inventory');
  await page.getByRole('button', { name: 'AI systems' }).click();
  await expect(page.getByText('No AI systems yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add system…' }).click();
  const form = page.getByRole('form', { name: 'Add AI system' });
  await form.getByLabel('Name').fill('Credit scoring');
  await form.getByLabel('Purpose').fill('Scores consumer credit applications');
  await form.getByLabel('Owner').fill('Ravi Patel');
  await form.getByRole('checkbox', { name: 'Provider', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Classifier' }).check();
  await form.getByRole('checkbox', { name: 'makes or supports decisions about people' }).check();
  await form.getByRole('button', { name: 'Add system' }).click();

  const row = page.getByRole('row', { name: /SYS-001/ });
  await expect(row).toContainText('Credit scoring');
  await expect(row).toContainText('Ravi Patel');
  await expect(row).toContainText('not classified');
  const detail = page.getByRole('region', { name: 'AI system Credit scoring' });
  await expect(detail.getByRole('heading', { name: 'Technical documentation (Annex IV)' })).toBeVisible();
  await expect(detail.getByText('empty', { exact: true })).toHaveCount(8);
  await page.screenshot({ path: screenshotPath('11-systems') });

  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A name that exists already is refused with a message naming it, and nothing is added.
  await page.getByRole('button', { name: 'Add system…' }).click();
  await form.getByLabel('Name').fill('Credit scoring');
  await form.getByRole('checkbox', { name: 'Deployer' }).check();
  await form.getByRole('button', { name: 'Add system' }).click();
  await expect(page.getByRole('alert')).toContainText('an AI system named "Credit scoring" already exists (SYS-001)');
  await expect(page.getByRole('row', { name: /SYS-00/ })).toHaveCount(1);
});
