import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ElectronApplication, type Page, _electron as electron, expect, test } from '@playwright/test';

/**
 * The desktop app itself: the built main process (out/main/main.js, started from the checkout as
 * `npm start` does), its sandboxed preload and the real IPC. Native dialogs cannot be clicked by a
 * test, so the main process's dialog.showSaveDialog is replaced with one that answers a path: the
 * renderer still asks over IPC and main still grants the path it got, as for a person.
 */

const root = resolve('.');
const assay = (...args: string[]) => spawnSync(process.execPath, [join(root, 'electron/cli/assay.mjs'), ...args], { encoding: 'utf8' });

let app: ElectronApplication;
let page: Page;
let dir: string;
const errors: string[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-electron-'));
  app = await electron.launch({
    args: [root, `--user-data-dir=${join(dir, 'user-data')}`],
    cwd: root,
    env: { ...process.env, ASSAY_DOCUMENTS: join(dir, 'documents'), ASSAY_ACTOR: 'electron-tester' },
  });
  page = await app.firstWindow();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
});

test.afterAll(async () => {
  await app?.close();
});

test('the window shows the app from app://, with no Node in the page and only the preload API', async () => {
  expect(page.url()).toBe('app://assay/index.html');
  // Strings, as the tests are type-checked without the DOM library.
  expect(await page.evaluate('typeof require')).toBe('undefined');
  expect(await page.evaluate('typeof process')).toBe('undefined');
  expect(await page.evaluate('typeof window.assay.commands["assessment.create"]')).toBe('function');
});

test('create an assessment, add a system, set a control state and write a report, over real IPC', async () => {
  mkdirSync(join(dir, 'chosen'));
  const file = join(dir, 'chosen', 'Desktop flow.assay');
  await app.evaluate(({ dialog }, path) => {
    (dialog as unknown as { showSaveDialog: () => Promise<{ canceled: boolean; filePath: string }> }).showSaveDialog = async () => ({ canceled: false, filePath: path });
  }, file);

  await page.getByLabel('Name').fill('Desktop flow');
  await page.getByRole('button', { name: 'Browse…' }).click();
  await expect(page.getByRole('textbox', { name: 'File' }).first()).toHaveValue(file);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Desktop flow' })).toBeVisible();
  expect(existsSync(file)).toBe(true);

  await page.getByRole('button', { name: 'AI systems' }).click();
  await page.getByRole('button', { name: 'Add system…' }).click();
  const form = page.getByRole('form', { name: 'Add AI system' });
  await form.getByLabel('Name').fill('Support assistant');
  await form.getByRole('checkbox', { name: 'Deployer' }).check();
  await form.getByRole('button', { name: 'Add system' }).click();
  await expect(page.getByRole('row', { name: /SYS-001/ })).toContainText('Support assistant');

  await page.getByRole('button', { name: /^Controls/ }).click();
  await page.getByRole('row', { name: /GOV-01/ }).click();
  const detail = page.getByRole('region', { name: 'Control detail' });
  await detail.getByRole('radio', { name: 'Implemented' }).check();
  await detail.getByRole('button', { name: 'Save state' }).click();
  await expect(page.getByRole('row', { name: /GOV-01/ })).toContainText('Implemented');

  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await page.getByRole('combobox', { name: /^Report/ }).selectOption('gap');
  await page.getByLabel('Format').selectOption('pdf');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const written = page.getByRole('region', { name: 'Written now' });
  await expect(written).toContainText('Gap assessment (PDF)', { timeout: 90_000 });
  const report = (await written.locator('.mono').first().textContent())!.trim();
  await page.screenshot({ path: join('test-results', 'electron', 'report-written.png'), fullPage: true });

  // What the window did is in the file, as the command line reads it back.
  const verify = assay('verify', file);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  expect(assay('systems', file).stdout).toContain('Support assistant');
  expect(assay('audit', file).stdout).toContain('electron-tester');
  const checked = assay('verify-report', report, '--assessment', file);
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  expect(errors).toEqual([]);
});
