import { join } from 'node:path';
import { type Route, expect, test } from '@playwright/test';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { packAssessment } from '../../electron/package/pack';
import { createAssessment } from '../../electron/store/open';
import { e2eDir, openApp } from './app';

/**
 * An opening still in flight when the user closes the assessment must not bring its file back on
 * screen (a CI run once caught this: Close clicked while "Open it" was answering). The bridge's
 * answer to assessment.open is held back until Close has been clicked, then let through.
 */
test('an opening that answers after the user closed the assessment does not bring its file back', async ({ page }) => {
  test.setTimeout(120_000);
  const file = join(e2eDir, 'race.assay');
  createAssessment(file, { name: 'Race assessment', catalog: loadBundledCatalog(), actor: 'Dana Lee' }).close();
  const pkg = join(e2eDir, 'race.assaypkg');
  packAssessment(file, pkg, { passphrase: 'correct horse battery', includeSecret: false });

  await openApp(page);
  await page.getByRole('textbox', { name: 'File' }).nth(1).fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText(file, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Package', exact: true }).click();
  const copy = join(e2eDir, 'race-copy.assay');
  await page.getByRole('textbox', { name: 'Package', exact: true }).fill(pkg);
  await page.getByRole('textbox', { name: 'New assessment file' }).fill(copy);
  await page.getByLabel('Package passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Open package' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Wrote ${copy}` })).toBeVisible({ timeout: 60_000 });

  // Hold the opening's answer until the user has closed the assessment.
  let held: Route | undefined;
  const holding = new Promise<void>((arrived) =>
    void page.route('**/api/assessment.open', (route) => {
      held = route;
      arrived();
    }),
  );
  const asked = (command: string) => {
    const bodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/api/${command}`)) bodies.push(r.postData() ?? '');
    });
    return () => bodies.filter((body) => body.includes('race-copy'));
  };
  const listed = asked('controls.list');
  const closed = asked('assessment.close');
  await page.getByRole('button', { name: 'Open it', exact: true }).click();
  await holding;
  await page.getByRole('button', { name: 'Close assessment' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Open assessment' })).toBeVisible();

  const answered = page.waitForResponse('**/api/assessment.open');
  await held!.continue();
  await answered;
  // The answer is dropped: the copy is closed again on the bridge, nothing more is asked about it,
  // and the start screen stays.
  await expect.poll(closed).toHaveLength(1);
  expect(listed()).toEqual([]);
  await expect(page.getByRole('heading', { level: 2, name: 'Open assessment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close assessment' })).toHaveCount(0);
});
