import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { addRisk } from '../../electron/store/risks';
import { addSystem } from '../../electron/store/systems';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

/** a.assay, and b.assay: a copy of it changed afterwards (a system, a control entry, a risk). */
function seed(): { a: string; b: string } {
  const a = join(e2eDir, 'sent-to-auditor.assay');
  const b = join(e2eDir, 'today.assay');
  createAssessment(a, { name: 'Northwind copies', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const first = openForWriting(a, { actor: 'Dana Lee' }).assessment;
  addSystem(first, { name: 'Credit scoring', roles: ['provider'] }, 'Dana Lee');
  first.setControlState('GOV-01', 'in_progress', undefined, 'Dana Lee');
  first.close();
  copyFileSync(a, b);
  const later = openForWriting(b, { actor: 'Sam Lee' }).assessment;
  later.setControlState('GOV-01', 'implemented', undefined, 'Sam Lee', { owner: 'Sam Lee' });
  addSystem(later, { name: 'Support assistant', roles: ['deployer'] }, 'Sam Lee');
  addRisk(later, { system: 'SYS-001', title: 'Biased training data', likelihood: 3, impact: 4, treatment: 'mitigate', controls: [], status: 'open' }, 'Sam Lee');
  later.close();
  return { a, b };
}

test('compare copies, then back up, restore with a confirmation, and see the restore in the log', async ({ page }) => {
  test.setTimeout(120_000);
  const { a, b } = seed();
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(a);
  await page.getByRole('button', { name: 'Open', exact: true }).click();

  await page.getByRole('button', { name: 'Compare copies', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare copies' })).toBeVisible();
  await page.getByLabel('Path of the other .assay file').fill(b);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('diff-chain')).toContainText('b extends a by 3 entries');
  await expect(page.getByRole('region', { name: 'AI systems' })).toContainText('SYS-002 (Support assistant) added');
  const controls = page.getByRole('region', { name: 'Control entries (organisation-wide)' });
  await expect(controls).toContainText('GOV-01');
  await expect(controls).toContainText('state: "in_progress" → "implemented"');
  await expect(controls).toContainText('owner: (empty) → "Sam Lee"');
  await expect(page.getByRole('region', { name: 'Risks' })).toContainText('Biased training data');
  await expectAccessible(page, '.diff-view');
  await page.screenshot({ path: screenshotPath('diff'), fullPage: true });

  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  // The copy is a job: its worker starts, copies and ends; the button waits for it.
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Backup taken' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  await expect(page.getByRole('row', { name: /manual/ })).toContainText('3:');
  await page.getByLabel('Every (minutes)').fill('15');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup schedule saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Restore…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('its current state is kept as a backup first');
  await expectAccessible(page, '.backups-view');
  await page.screenshot({ path: screenshotPath('backups-confirm'), fullPage: true });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
  // A job: the backup is verified and copied, then put in place; the screen says so meanwhile.
  await expect(page.getByRole('status').filter({ hasText: 'Restored from' })).toContainText('The log ending at entry 3 was replaced', { timeout: 30_000 });
  await expect(page.getByRole('row', { name: /before-restore/ })).toBeVisible();
  await expectAccessible(page, '.backups-view');
  await page.screenshot({ path: screenshotPath('backups'), fullPage: true });

  await page.getByRole('button', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('row', { name: /Restored from a backup/ })).toContainText('discarded the chain ending at entry 3');
});

test('a backup asked for that fails says so on the Backups screen, not as a failed scheduled backup', async ({ page }) => {
  test.setTimeout(60_000);
  const file = join(e2eDir, 'blocked-backups.assay');
  createAssessment(file, { name: 'Northwind blocked backups', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  // A file where the backups folder would go: the copy cannot be written, whoever runs the test.
  writeFileSync(join(e2eDir, 'blocked-backups backups'), 'not a folder');
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^The backup failed: cannot make the backups folder .*blocked-backups backups: a file of that name is in the way; nothing was copied$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  await expect(page.getByText(/scheduled backup/i)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('backup-failed'), fullPage: true });
});
