import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath } from './app';

test("the organisation's own controls: added, mapped to a requirement and a threat, listed with the controls, retired", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createAssessment(page, 'Own controls');
  await page.getByRole('button', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'Own controls…' }).click();
  const panel = page.getByRole('region', { name: 'Own controls' });
  await expect(panel.getByText('No own controls yet.')).toBeVisible();

  const add = panel.getByRole('form', { name: 'Add own control' });
  await add.getByLabel('Id (e.g. ORG-01)').fill('org-01');
  await add.getByLabel('Name').fill('Prompt logging for assistants');
  await add.getByLabel('Objective').fill('short');
  await add.getByLabel('Type').selectOption('technical');
  await add.getByRole('button', { name: 'Add control' }).click();
  await expect(panel.getByRole('alert')).toContainText('objective');
  await add.getByLabel('Objective').fill('Prompts and answers of customer-facing assistants are logged and reviewed weekly.');
  await add.getByLabel('Expected evidence, one a line').fill('SIEM retention setting\nweekly review notes');
  await add.getByRole('button', { name: 'Add control' }).click();
  await expect(panel.getByRole('row', { name: /ORG-01/ })).toContainText('active');

  const map = panel.getByRole('form', { name: 'Map a control' });
  await map.getByLabel('Control').selectOption('ORG-01');
  await map.getByLabel('Requirement (framework-id:item-id)').fill('eu-ai-act:Art. 12(1)');
  await map.getByLabel('Relationship').selectOption('intersects');
  await map.getByLabel('Rationale').fill('Assistant logs are part of the record-keeping');
  await map.getByRole('button', { name: 'Map' }).click();
  const mappings = panel.getByRole('list', { name: 'User mappings' });
  await expect(mappings).toContainText('ORG-01 → eu-ai-act:Art. 12(1) (intersects)');
  // The form clears once the save and the reload of the catalog are done.
  await expect(map.getByLabel('Rationale')).toHaveValue('', { timeout: 20_000 });
  await map.getByRole('radio', { name: 'a threat' }).check();
  await map.getByLabel('Threat', { exact: true }).selectOption('THR-08');
  await map.getByLabel('Rationale').fill('Reviews catch injection attempts that got through');
  await map.getByRole('button', { name: 'Map' }).click();
  await expect(mappings).toContainText('ORG-01 → THR-08');

  await page.screenshot({ path: screenshotPath('31-own-controls'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The control is one of the assessment's controls now.
  await page.getByRole('button', { name: /^Controls \d+$/ }).click();
  // The list is virtualised: search for the row rather than expect it on screen.
  await page.getByRole('search', { name: 'Filter controls' }).getByLabel('Search').fill('Prompt logging');
  await expect(page.getByText('Prompt logging for assistants').first()).toBeVisible();

  await page.getByRole('button', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'Own controls…' }).click();
  await panel.getByRole('button', { name: 'Retire ORG-01' }).click();
  const retire = panel.getByRole('form', { name: 'Retire ORG-01' });
  await retire.getByLabel('Reason').fill('Replaced by the vendor review');
  await retire.getByRole('button', { name: 'Retire' }).click();
  await expect(panel.getByRole('row', { name: /ORG-01/ })).toContainText('retired');
  await page.getByRole('button', { name: /^Controls \d+$/ }).click();
  await expect(page.getByText('Prompt logging for assistants')).toHaveCount(0);
});
