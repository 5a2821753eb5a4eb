import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath } from './app';

test('search the catalog as you type and follow a threat to controls and requirements, and back', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Catalog browsing');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  const search = page.getByRole('searchbox', { name: 'Search the catalog' });
  await search.fill('prompt inj');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button', { name: /THR-08 Direct prompt injection/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /LLM01:2025 Prompt Injection/ })).toBeVisible();

  // threat → control → requirement
  await results.getByRole('button', { name: /THR-08 Direct prompt injection/ }).click();
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await expect(detail.getByRole('heading', { name: 'Direct prompt injection' })).toBeVisible();
  await detail.getByRole('button', { name: /MOD-03 Context isolation for prompts/ }).click();
  await expect(detail.getByRole('heading', { name: 'Context isolation for prompts' })).toBeVisible();
  await expect(detail.getByText('Mitigates threats')).toBeVisible();
  await detail.getByRole('button', { name: /LLM01:2025 Prompt Injection/ }).click();
  await expect(detail.getByRole('heading', { name: /LLM01:2025 Prompt Injection/ })).toBeVisible();
  // requirement → controls → threats
  await expect(detail.getByRole('row', { name: /MOD-03 Context isolation/ })).toContainText('THR-08');
  await expect(detail.getByText('AI threats that cite this item')).toBeVisible();
  await page.locator('.workspace').evaluate((el) => {
    (el as unknown as { scrollTop: number }).scrollTop = 0;
  });
  await page.screenshot({ path: screenshotPath('05-catalog-requirement') });

  await page.getByRole('button', { name: '← Back' }).click();
  await expect(detail.getByRole('heading', { name: 'Context isolation for prompts' })).toBeVisible();
});

test('an EU AI Act obligation shows its roles, risk class and both application dates', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'EU dates');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('Art. 26(2)');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await expect(detail.getByRole('heading', { name: /Art. 26\(2\) Assign competent human oversight/ })).toBeVisible();
  await expect(detail.getByText('Deployer', { exact: true })).toBeVisible();
  const annexIii = detail.getByRole('row', { name: /Annex III systems/ });
  await expect(annexIii).toContainText('2026-08-02');
  await expect(annexIii).toContainText('2027-12-02');
  await expect(detail.getByRole('row', { name: /HUM-01 Human oversight and approval/ })).toContainText('equal');
  await page.screenshot({ path: screenshotPath('06-catalog-eu-dates') });
});

test('import a framework from a file; a bad file is refused with its line and field', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Imports');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('button', { name: 'Import framework…' }).click();
  const source = page.getByLabel(/Framework file/);

  await source.fill(resolve('tests/fixtures/frameworks/acme-policy-bad.yaml'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // Every problem of the file at once, numbered from 1, in plain words.
  await expect(page.getByRole('alert')).toContainText('acme-policy-bad.yaml:9 requirements #2 › title: a title is required');
  await expect(page.getByRole('alert')).toContainText('acme-policy-bad.yaml:13 requirements #3 › parent: parent B-9 is not a requirement id in this file');
  await page.screenshot({ path: screenshotPath('07-catalog-import-refused') });
  await page.getByRole('button', { name: 'Dismiss error' }).click();

  await source.fill(resolve('tests/fixtures/frameworks/ciso-assistant-library.yaml'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported ACME AI Controls' })).toBeVisible();
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await expect(detail.getByRole('heading', { name: 'ACME AI Controls' })).toBeVisible();
  await expect(detail.getByText('Framework · imported')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('prompt injection testing');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /SEC.1 Prompt injection testing/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('07-catalog-import') });

  // Kept in the file: reload and find it again.
  await page.reload();
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await expect(page.getByRole('button', { name: /ACME AI Controls/ })).toBeVisible();
});

test('the EU AI Act page shows full and partial coverage, the amendment steps, and no internal names', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Coverage strength');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('list', { name: 'Frameworks' }).getByRole('button', { name: /EU AI Act/ }).click();
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await expect(detail.getByRole('heading', { name: 'Fully covered' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Partly covered' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Annexes' })).toBeVisible();
  await expect(detail.getByText('(not verified)').first()).toBeVisible();
  await expect(detail.getByText(/2026-06-29 Council of the EU/)).toBeVisible();
  await expect(detail).not.toContainText('.yaml');
  await expect(detail).not.toContainText('github');
  await page.screenshot({ path: screenshotPath('08-catalog-framework-coverage'), fullPage: false });

  // Searching an article finds it and its paragraphs, not Art. 19 or Art. 90.
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('Art. 9');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button').first()).toContainText('Art. 9 Risk management system');
  await expect(results.getByRole('button', { name: /Art\. (19|29|90|99)\b/ })).toHaveCount(0);
  await results.getByRole('button').first().click();
  await expect(detail.getByRole('region', { name: 'Left out on purpose' })).toContainText('Art. 9(3)');
});

test('references are named for people: no raw ids, no slugs, no "(s)"', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Names');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('LLM01:2026');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await expect(detail.getByRole('button', { name: 'OWASP LLM Top 10 (2025) LLM01:2025 Prompt Injection' })).toBeVisible();
  await expect(detail).not.toContainText('owasp-llm-2025:');
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('prompt injection I/O handling');
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
  await expect(first).not.toContainText('promptinjectioniohandling');
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('Art. 10');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await expect(detail).not.toContainText('(s)');
  await expect(detail.getByText('1 control', { exact: false }).first()).toBeVisible();
});

test('an article shows the amendment that adds to it, and a date change with the systems it concerns', async ({ page }) => {
  await openApp(page);
  await createAssessment(page, 'Amendments');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  const search = page.getByRole('searchbox', { name: 'Search the catalog' });
  const detail = page.getByRole('region', { name: 'Catalog item' });
  await search.fill('Art. 5');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  await expect(detail.getByRole('heading', { name: /Art\. 5 Prohibited AI practices/ })).toBeVisible();
  await expect(detail.getByText(/Art\. 5\(1\), new point, number not verified/)).toBeVisible();
  await search.fill('Art. 50(2)');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  const row = detail.getByRole('row', { name: /all systems concerned/ });
  await expect(row).toContainText('2026-08-02');
  await expect(row).toContainText('2026-12-02 for generative systems placed on the market before 2 August 2026');
  await page.screenshot({ path: screenshotPath('09-catalog-amended-date') });
});
