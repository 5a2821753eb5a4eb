import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment, openForReading, openForWriting } from '../../electron/store/open';
import { listReviewItems } from '../../electron/store/reviews';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { addRisk } from '../../electron/store/risks';
import { addSystem } from '../../electron/store/systems';
import { e2eDir, openApp, screenshotPath } from './app';
import { expectAccessible } from './axe';

function seed(): { file: string; copy: string } {
  const file = join(e2eDir, 'review-client.assay');
  createAssessment(file, { name: 'Northwind under review', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const a = openForWriting(file, { actor: 'Dana Lee' }).assessment;
  const system = addSystem(a, { name: 'Credit scoring', roles: ['provider'] }, 'Dana Lee');
  addRisk(a, { system: system.id, threat: 'THR-01', title: 'Poisoned training data', likelihood: 3, impact: 4, treatment: 'mitigate', controls: [], status: 'open' }, 'Dana Lee');
  const policy = join(e2eDir, 'review-ai-policy.md');
  writeFileSync(policy, '# AI policy\nApproved by nobody yet.\n');
  addEvidenceFiles(a, { paths: [policy] }, 'Dana Lee');
  a.close();
  const copy = join(e2eDir, 'review-auditor.assay');
  copyFileSync(file, copy);
  return { file, copy };
}

async function openFile(page: import('@playwright/test').Page, file: string, readOnly: boolean) {
  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  if (readOnly) await page.getByRole('checkbox', { name: /Read-only, for review/ }).check();
  await page.getByRole('button', { name: readOnly ? 'Open read-only' : 'Open', exact: true }).click();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review', exact: true })).toBeVisible();
}

test('review: the auditor verifies a read-only copy and writes a graded finding; the assessor merges it and addresses it', async ({ page }) => {
  test.setTimeout(120_000);
  const { file, copy } = seed();

  // The auditor's side.
  await openFile(page, copy, true);
  await expect(page.getByTestId('read-only-banner')).toContainText('Read-only');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('Everything checks out.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Id' }).fill('GOV-01');
  await page.getByRole('combobox', { name: /^Grade/ }).selectOption('major');
  await page.getByRole('textbox', { name: 'Finding' }).fill('There is no approved AI policy.');
  await page.getByRole('button', { name: 'Add to the review' }).click();
  await expect(page.getByText(/, reviewing head/)).toContainText('1 entry,');
  // Findings on a risk and on a requirement show next to those items once merged.
  for (const [kind, id, grade, text] of [
    ['risk', 'RSK-001', 'minor', 'The risk has no owner.'],
    ['requirement', 'eu-ai-act:Art. 9(1)', 'observation', 'The risk management system is described for one system only.'],
    ['evidence', 'EV-001', 'improvement', 'Date the policy and name its approver.'],
  ]) {
    await page.getByRole('combobox', { name: 'On' }).selectOption(kind!);
    await page.getByRole('textbox', { name: 'Id' }).fill(id!);
    await page.getByRole('combobox', { name: /^Grade/ }).selectOption(grade!);
    await page.getByRole('textbox', { name: 'Finding' }).fill(text!);
    await page.getByRole('button', { name: 'Add to the review' }).click();
  }
  await expect(page.getByText(/, reviewing head/)).toContainText('4 entries,');
  const pkg = join(e2eDir, 'review-back.assayreview');
  await page.getByRole('textbox', { name: 'Package to send back' }).fill(pkg);
  await page.getByRole('button', { name: 'Write the package' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Send it to the assessor' })).toBeVisible();
  await expectAccessible(page, '.review-view');
  await page.screenshot({ path: screenshotPath('review-auditor'), fullPage: true });

  // The assessor's side.
  await page.getByRole('button', { name: 'Close assessment' }).click();
  await openFile(page, file, false);
  await page.getByRole('textbox', { name: 'Review package' }).fill(pkg);
  await page.getByRole('button', { name: 'Show what arrives' }).click();
  await expect(page.getByText('4 arriving, 0 merged before')).toBeVisible();
  await page.getByRole('button', { name: 'Merge 4 items' }).click();
  const items = page.getByRole('region', { name: 'Auditors’ findings in this assessment' });
  await expect(items).toContainText('RV-001');
  await expect(items).toContainText('control:GOV-01');
  await items.getByLabel('Status of RV-001').selectOption('addressed');
  await items.getByLabel('Note on RV-001').fill('Policy approved by the board');
  await items.getByRole('button', { name: 'Save RV-001' }).click();
  await expect(items).toContainText('Addressed: Policy approved by the board');

  // The assessor signs off the state that answers the review.
  await page.getByRole('textbox', { name: 'Your name as signer' }).fill('Dana Lee');
  await page.getByLabel('Key passphrase', { exact: true }).fill('a signing passphrase');
  await page.getByLabel('Key passphrase again').fill('a signing passphrase');
  await page.getByRole('button', { name: 'Make my signing key' }).click();
  await expect(page.getByText(/Your key: Dana Lee, fingerprint/)).toBeVisible();
  await page.getByLabel('Key passphrase', { exact: true }).fill('a signing passphrase');
  await page.getByRole('button', { name: 'Sign off this state' }).click();
  const signoffs = page.getByRole('table', { name: 'Sign-offs of this assessment' });
  await expect(signoffs).toContainText('assessor');
  await expect(signoffs).toContainText(/covers the current state/);
  await expectAccessible(page, '.review-view');
  await page.screenshot({ path: screenshotPath('review-assessor'), fullPage: true });

  // The finding also shows next to the control it concerns.
  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /GOV-01/ }).getByText('Not started').click();
  await expect(page.getByRole('region', { name: 'Auditors’ findings on this item' })).toContainText('RV-001 Major nonconformity · Addressed: There is no approved AI policy.');
  await page.getByRole('button', { name: 'Risks', exact: true }).click();
  await page.getByRole('row', { name: /RSK-001/ }).click();
  const riskNotes = page.getByRole('region', { name: 'Risk RSK-001' }).getByRole('region', { name: 'Auditors’ findings on this item' });
  await expect(riskNotes).toContainText('RV-002 Minor nonconformity · Open: The risk has no owner.');
  await page.getByRole('button', { name: /^Catalog/ }).click();
  await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('Art. 9(1)');
  await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
  const requirement = page.getByRole('region', { name: 'Catalog item' });
  await expect(requirement.getByRole('heading', { name: /Art\. 9\(1\)/ })).toBeVisible();
  await expect(requirement.getByRole('region', { name: 'Auditors’ findings on this item' })).toContainText('RV-003 Observation · Open');
  await page.screenshot({ path: screenshotPath('review-requirement-notes') });
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'review-ai-policy.md' }).click();
  await expect(page.getByRole('region', { name: 'Evidence EV-001' }).getByRole('region', { name: 'Auditors’ findings on this item' })).toContainText('RV-004 Opportunity for improvement · Open: Date the policy');

  const a = openForReading(file);
  expect(listReviewItems(a).map((i) => [i.id, i.grade, i.status])).toEqual([
    ['RV-001', 'major', 'addressed'],
    ['RV-002', 'minor', 'open'],
    ['RV-003', 'observation', 'open'],
    ['RV-004', 'improvement', 'open'],
  ]);
  a.close();
});
