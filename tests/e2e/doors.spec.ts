import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { createAssessment, e2eDir, openApp, screenshotPath, submitNewAssessment } from './app';

const run = promisify(execFile);

/** The real command line in another process, as a colleague's terminal would run it. */
function assay(...args: string[]) {
  return run(process.execPath, [resolve('electron/cli/assay.mjs'), ...args], { env: { ...process.env, ASSAY_ACTOR: 'other-process' } });
}

test('without the token the page says how to get the address, instead of a half-drawn app', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Open Assay with its full address' })).toBeVisible();
  await expect(page.getByText('npm run web', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/#token=…/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New assessment' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('08-no-token') });
});

test('a wrong token (an address from an earlier run) shows the same page', async ({ page }) => {
  await page.goto(`/#token=${'0'.repeat(64)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Open Assay with its full address' })).toBeVisible();
});

test('a change made by another program shows up without a reload, catalog included', async ({ page }) => {
  const file = join(e2eDir, 'shared-with-cli.assay');
  const requests: { url: string; token?: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), token: r.headers()['x-assay-token'] }));
  await openApp(page);
  await createAssessment(page, 'Shared with the command line', file);
  await page.getByRole('button', { name: /^Controls/ }).click();
  const row = page.getByRole('row', { name: /ACC-02/ });
  await expect(row.getByText('Not started')).toBeVisible();
  // The page must not reload: a marker on the window would vanish if it did.
  await page.evaluate(() => ((globalThis as unknown as { marker: string }).marker = 'same page'));

  await assay('set-state', file, 'ACC-02', 'implemented');
  await expect(row.getByText('Implemented')).toBeVisible();
  await expect(page.getByTestId('changed-elsewhere')).toContainText('Another program changed this assessment');

  await page.getByRole('button', { name: /^Catalog/ }).click();
  await expect(page.getByRole('button', { name: /ACME AI policy/ })).toHaveCount(0);
  await assay('import-framework', file, resolve('tests/fixtures/frameworks/acme-policy.yaml'));
  await expect(page.getByRole('button', { name: /ACME AI policy/ })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: string }).marker)).toBe('same page');
  await page.screenshot({ path: screenshotPath('09-changed-elsewhere') });
  // The events arrived on a stream that carried the token in a header; no address after the first holds it.
  const token = process.env.ASSAY_E2E_TOKEN!;
  expect(requests.find((r) => new URL(r.url).pathname === '/events')?.token).toBe(token);
  expect(requests.slice(1).filter((r) => r.url.includes(token))).toEqual([]);
});

test('the bridge refuses a file outside the allowed folders, naming it and how to allow it', async ({ page }) => {
  await openApp(page);
  await submitNewAssessment(page, 'Outside', '/var/tmp/outside.assay');
  await expect(page.getByRole('alert')).toContainText('/var/tmp/outside.assay is outside the folders this bridge may use');
  await expect(page.getByRole('alert')).toContainText('npm run web -- --allow');
});
