import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createAssessment, openApp, screenshotPath, writeFile } from './app';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

test('add evidence files through the bridge by file picker and by drop, link, revise and save a copy', async ({ page }) => {
  // A long flow (three jobs, uploads, a download) on machines shared by several builds.
  test.setTimeout(120_000);
  await openApp(page);
  await createAssessment(page, 'Evidence vault');
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await expect(page.getByText('No evidence yet.')).toBeVisible();

  // Real files on disk, one larger than a stored chunk (1 MiB), uploaded as streams.
  const big = randomBytes(1024 * 1024 + 4321);
  const policy = writeFile('ai-policy.md', '# AI policy\nApproved by the board.\n');
  const report = writeFile('red-team-report.bin', big.toString('latin1'));
  const reportBytes = readFileSync(report);
  await page.getByLabel('Link to control').selectOption('GOV-01');
  await page.getByLabel('Valid until').first().fill('2027-03-31');
  await page.getByTestId('evidence-input').setInputFiles([policy, report]);
  // Adding evidence is a job (a worker hashes and stores the files): a loaded machine takes longer than the default wait.
  await expect(page.getByTestId('evidence-result')).toContainText('added EV-001 ai-policy.md; added EV-002 red-team-report.bin', { timeout: 30_000 });
  const row = page.getByRole('row', { name: /EV-002/ });
  await expect(row).toContainText('2027-03-31');
  await expect(row).toContainText(sha(reportBytes).slice(0, 12));

  // Drag and drop: a DataTransfer carrying a file, dropped on the zone.
  const dropped = await page.evaluateHandle(() => {
    // Runs in the page, where these browser classes exist (the test's own types are Node's).
    const page = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: string[], name: string, o: object) => unknown };
    const data = new page.DataTransfer();
    data.items.add(new page.File(['minutes of the AI board, 2026-10'], 'board-minutes.txt', { type: 'text/plain' }));
    return data;
  });
  await page.getByTestId('evidence-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('evidence-result')).toContainText('added EV-003 board-minutes.txt', { timeout: 30_000 });

  // Detail: the full SHA-256, a link per system, a new revision that keeps the old one.
  await page.getByRole('button', { name: 'red-team-report.bin' }).click();
  const detail = page.getByRole('region', { name: 'Evidence EV-002' });
  await expect(detail).toContainText(sha(reportBytes));
  const linkForm = detail.getByRole('form', { name: 'Link EV-002' });
  await linkForm.getByRole('textbox', { name: 'Requirement' }).fill('eu-ai-act:Art. 15');
  await linkForm.getByRole('button', { name: 'Link' }).click();
  await expect(detail.getByRole('listitem').filter({ hasText: 'eu-ai-act:Art. 15' })).toBeVisible();

  const download = page.waitForEvent('download');
  await detail.getByRole('button', { name: 'Save a copy', exact: true }).click();
  const saved = await (await download).path();
  expect(sha(readFileSync(saved))).toBe(sha(reportBytes));

  const v2 = writeFile('red-team-report-v2.bin', 'second round');
  await detail.getByTestId('revision-input').setInputFiles(v2);
  await expect(page.getByTestId('evidence-result')).toContainText('revised EV-002 red-team-report-v2.bin', { timeout: 30_000 });
  const revisions = detail.getByRole('table').last();
  await expect(revisions.getByRole('row')).toHaveCount(3);
  await expect(revisions).toContainText(sha(reportBytes).slice(0, 16));
  await expect(detail).toContainText(sha('second round'));

  await page.screenshot({ path: screenshotPath('20-evidence'), fullPage: true });
  const axe = await new AxeBuilder({ page }).include('.content').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
