import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { verifyFile } from '../../electron/store/verify';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

test('package: pack the open assessment with a passphrase as a job, then open the package into a new file and open that', async ({ page }) => {
  test.setTimeout(120_000);
  const file = join(e2eDir, 'carry.assay');
  createAssessment(file, { name: 'Carried assessment', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const a = openForWriting(file, { actor: 'Dana Lee' }).assessment;
  addSystem(a, { name: 'Credit scoring', roles: ['provider'] }, 'Dana Lee');
  a.close();

  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Package', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Package' })).toBeVisible();

  const pkg = join(e2eDir, 'carry.assaypkg');
  await page.getByRole('textbox', { name: 'Package file' }).fill(pkg);
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Passphrase again').fill('correct horse battery staple');
  await expect(page.getByText('The two passphrases differ.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pack', exact: true })).toBeDisabled();
  await page.getByLabel('Passphrase again').fill('correct horse battery');
  await page.getByRole('button', { name: 'Pack', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote ${pkg}` })).toBeVisible({ timeout: 60_000 });

  const copy = join(e2eDir, 'carried-copy.assay');
  await page.getByRole('textbox', { name: 'Package', exact: true }).fill(pkg);
  await page.getByRole('textbox', { name: 'New assessment file' }).fill(copy);
  await page.getByLabel('Package passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Open package' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong passphrase/i, { timeout: 60_000 });
  await page.getByLabel('Package passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Open package' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote ${copy}` })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, '.package-view');
  await page.screenshot({ path: screenshotPath('package'), fullPage: true });
  expect(verifyFile(copy).ok).toBe(true);

  await page.getByRole('button', { name: 'Open it', exact: true }).click();
  // The header names the file once it is open (the notice above also names it, in a sentence).
  await expect(page.getByText(copy, { exact: true })).toBeVisible();

  // The auditor's first step, from the start screen: the package opened into a copy, read-only.
  await page.getByRole('button', { name: 'Close assessment' }).click();
  const audited = join(e2eDir, 'carried-for-audit.assay');
  await page.getByRole('textbox', { name: 'Package', exact: true }).fill(pkg);
  await page.getByRole('textbox', { name: 'New assessment file' }).fill(audited);
  await page.getByLabel('Package passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Open package' }).click();
  await page.getByRole('button', { name: 'Open it read-only, for review' }).click({ timeout: 60_000 });
  await expect(page.getByTestId('read-only-banner')).toContainText('Read-only');
  await expect(page.getByText(audited, { exact: true })).toBeVisible();
});
