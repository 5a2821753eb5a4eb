import { expect, test } from '@playwright/test';
import { openApp } from './app';
import { expectAccessible } from './axe';

/**
 * Every screen passes axe-core with no serious or critical violation, on the sample assessment so
 * each screen shows real content (charts, findings, entries) rather than empty states.
 */
test('every screen of the app passes axe, and the main navigation works from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await expectAccessible(page, 'main');
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Financial (sample)' })).toBeVisible({ timeout: 30_000 });

  const screens: { nav: RegExp; ready: () => Promise<void> }[] = [
    { nav: /^Overview/, ready: () => expect(page.getByTestId('chart-coverage').locator('canvas')).toBeVisible() },
    { nav: /^AI systems/, ready: () => expect(page.getByRole('row', { name: /Credit scoring model/ })).toBeVisible() },
    { nav: /^Controls/, ready: () => expect(page.getByRole('row', { name: /GOV-01/ }).first()).toBeVisible() },
    { nav: /^Evidence/, ready: () => expect(page.getByText('AI governance policy v3').first()).toBeVisible() },
    { nav: /^Risks/, ready: () => expect(page.getByTestId('risk-heatmap').locator('canvas').first()).toBeVisible() },
    { nav: /^Incidents/, ready: () => expect(page.getByText(/Scoring refused applicants/).first()).toBeVisible() },
    { nav: /^Findings/, ready: () => expect(page.getByRole('region', { name: 'Plan of action' })).toBeVisible() },
    { nav: /^Human risk/, ready: () => expect(page.getByText(/High-risk users/i).first()).toBeVisible() },
    { nav: /^Imports/, ready: () => expect(page.getByRole('row', { name: /IMP-005/ })).toBeVisible() },
    { nav: /^Reports/, ready: () => expect(page.getByRole('region', { name: 'Issued reports' })).toBeVisible() },
    { nav: /^Catalog/, ready: () => expect(page.getByRole('searchbox', { name: 'Search the catalog' })).toBeVisible() },
    { nav: /^Checks/, ready: () => expect(page.getByText('Fundamental-rights impact assessment missing')).toBeVisible() },
    { nav: /^Audit log/, ready: () => expect(page.getByRole('cell', { name: 'AI system classified' }).first()).toBeVisible() },
  ];
  for (const screen of screens) {
    await page.getByRole('button', { name: screen.nav }).click();
    await screen.ready();
    await expectAccessible(page);
  }

  // A catalog item page (a requirement with its controls and threats).
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('prompt injection');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /LLM01:2025 Prompt Injection/ }).click();
  await expect(page.getByRole('region', { name: 'Catalog item' }).getByRole('heading', { name: /LLM01:2025 Prompt Injection/ })).toBeVisible();
  await expectAccessible(page);

  // Keyboard: the sidebar is reachable with Tab and each item opens with Enter.
  const overview = page.getByRole('button', { name: /^Overview/ });
  await overview.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^AI systems/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^AI systems/ })).toHaveAttribute('aria-current', 'page');
});
