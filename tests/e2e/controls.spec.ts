import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath } from './app';

async function addSystem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'AI systems' }).click();
  await page.getByRole('button', { name: 'Add system…' }).click();
  const form = page.getByRole('form', { name: 'Add AI system' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: 'Deployer', exact: true }).check();
  await form.getByRole('button', { name: 'Add system' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

const detail = (page: Page) => page.getByRole('region', { name: 'Control detail' });
const filters = (page: Page) => page.getByRole('search', { name: 'Filter controls' });

async function expectNoSeriousAxe(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the whole row selects, by mouse and keyboard, and the detail never shows a control the filters hide', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Rows');
  await page.getByRole('button', { name: /^Controls/ }).click();

  // A click anywhere on the row, not only on its title.
  await page.getByRole('row', { name: /ACC-02/ }).getByText('Not started').click();
  await expect(detail(page).getByRole('heading', { level: 2, name: 'AI gateway' })).toBeVisible();
  await expect(page.getByRole('row', { name: /ACC-02/ })).toHaveAttribute('aria-selected', 'true');

  // From the keyboard: the selected row holds focus; arrows move the selection with it.
  await page.getByRole('row', { name: /ACC-02/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(detail(page).getByRole('heading', { level: 2, name: /Least privilege/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /ACC-03/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('row', { name: /ACC-02/ })).toBeFocused();
  // Space marks the row for bulk edit without leaving it.
  await page.keyboard.press(' ');
  await expect(page.getByRole('checkbox', { name: 'Select ACC-02 for bulk edit' })).toBeChecked();
  await expect(page.getByRole('form', { name: 'Bulk edit' })).toContainText('1 control selected');
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // A filter that hides the selected control takes it out of the detail panel too.
  await filters(page).getByLabel('State').selectOption('implemented');
  await expect(page.getByText('0 of 82 controls')).toBeVisible();
  await expect(page.getByTestId('selected-hidden')).toContainText('ACC-02 is hidden by the filters.');
  await expect(detail(page).getByRole('heading', { level: 2 })).toHaveCount(0);
  await page.getByTestId('selected-hidden').getByRole('button', { name: 'Clear filters' }).click();
  await expect(detail(page).getByRole('heading', { level: 2, name: 'AI gateway' })).toBeVisible();

  // Framework, requirement and threat filters follow the catalog's mappings.
  await filters(page).getByLabel('Framework').selectOption({ label: 'EU AI Act' });
  await filters(page).getByLabel('Requirement').selectOption('eu-ai-act:Art. 14(1)');
  await expect(page.getByRole('row', { name: /MOD-18/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /ACC-02/ })).toHaveCount(0);
  await expect(page.getByTestId('selected-hidden')).toBeVisible();
  await filters(page).getByRole('button', { name: 'Clear filters' }).click();
  await filters(page).getByLabel('Threat').selectOption('THR-01');
  const shown = Number((await page.getByTestId('list-count').textContent())!.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(82);
  await expectNoSeriousAxe(page);
});

test('leaving unsaved changes asks first: another row, a filter that hides the control, another screen', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Unsaved');
  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /ACC-02/ }).click();
  await detail(page).getByLabel('Owner').fill('Dana Chen');

  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await page.getByRole('row', { name: /ACC-03/ }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Opening ACC-03 would discard them.');
  await expectNoSeriousAxe(page);
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail(page).getByRole('heading', { level: 2, name: 'AI gateway' })).toBeVisible();
  await expect(detail(page).getByLabel('Owner')).toHaveValue('Dana Chen');

  await filters(page).getByLabel('State').selectOption('implemented');
  await expect(dialog).toContainText('Changing the filter hides ACC-02 and would discard them.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(filters(page).getByLabel('State')).toHaveValue('all');
  await expect(detail(page).getByLabel('Owner')).toHaveValue('Dana Chen');

  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(dialog).toContainText('Opening Audit log would discard them.');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();

  await page.getByRole('row', { name: /ACC-03/ }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(detail(page).getByRole('heading', { level: 2, name: /Least privilege/ })).toBeVisible();
  // Nothing was saved: ACC-02 still has no owner.
  await expect(page.getByRole('row', { name: /ACC-02/ })).toContainText('no owner');
  // With nothing unsaved, moving on does not ask.
  await page.getByRole('row', { name: /ACC-04/ }).click();
  await expect(dialog).toBeHidden();
});

test("a system's own entries, bulk edit, and nothing clipped at 1024×700", async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Per system');
  await addSystem(page, 'Support assistant');
  await page.getByRole('button', { name: /^Controls/ }).click();

  // Bulk edit of the organisation's entries: one change to three controls.
  for (const id of ['GOV-01', 'GOV-02', 'GOV-03']) await page.getByRole('checkbox', { name: `Select ${id} for bulk edit` }).check();
  const bulk = page.getByRole('form', { name: 'Bulk edit' });
  await expect(bulk).toContainText('3 controls selected');
  await bulk.getByLabel('State').selectOption('in_progress');
  await bulk.getByLabel('Owner').fill('Sam Lee');
  await bulk.getByLabel('Maturity').selectOption({ label: '3 Defined' });
  await page.screenshot({ path: screenshotPath('14-controls-bulk') });
  await bulk.getByRole('button', { name: 'Apply to 3 controls' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changed 3 controls.' })).toBeVisible();
  for (const id of ['GOV-01', 'GOV-02', 'GOV-03']) {
    await expect(page.getByRole('row', { name: new RegExp(id) })).toContainText('In progress');
    await expect(page.getByRole('row', { name: new RegExp(id) })).toContainText('Sam Lee · 3 Defined');
  }
  await expect(bulk).toBeHidden();
  await expect(page.getByRole('button', { name: /^Controls/ })).toBeVisible();
  await filters(page).getByLabel('Owner').selectOption('Sam Lee');
  await expect(page.getByText('3 of 82 controls')).toBeVisible();
  await filters(page).getByRole('button', { name: 'Clear filters' }).click();

  // The system's entries: it follows the organisation's until it has its own.
  await filters(page).getByLabel('Entries of').selectOption({ label: 'SYS-001 Support assistant' });
  await page.getByRole('row', { name: /GOV-01/ }).click();
  await expect(page.getByTestId('entry-source')).toContainText("Support assistant follows the organisation's entry");
  await detail(page).getByRole('radio', { name: 'Implemented' }).check();
  await detail(page).getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByRole('row', { name: /GOV-01/ })).toContainText('Implemented');
  await expect(page.getByRole('row', { name: /GOV-01/ }).getByText('own', { exact: true })).toBeVisible();
  await expect(page.getByTestId('entry-source')).toContainText("This entry is Support assistant's own");
  await expect(page.getByText(/1 with an entry of Support assistant's own/)).toBeVisible();

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: screenshotPath('13-controls-1024') });
  // Nothing sticks out sideways, and the editor's save button can be reached inside the detail panel.
  // (A string, as the tests are type-checked without the DOM library.)
  const overflow = await page.evaluate(`[...document.querySelectorAll('.content *')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
    .map((el) => el.tagName + '.' + el.className)`);
  expect(overflow).toEqual([]);
  const save = detail(page).getByRole('button', { name: /Save state/ });
  await save.scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  const list = await page.getByTestId('controls-scroll').boundingBox();
  expect(list!.height).toBeGreaterThan(200);
  expect(list!.y + list!.height).toBeLessThanOrEqual(700);
  await expectNoSeriousAxe(page);

  await detail(page).getByRole('button', { name: "Use the organisation's entry" }).click();
  await expect(page.getByRole('row', { name: /GOV-01/ })).toContainText('In progress');
  await filters(page).getByLabel('Entries of').selectOption({ label: 'the organisation' });
  await expect(page.getByRole('row', { name: /GOV-01/ })).toContainText('In progress');
});
