import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect } from '@playwright/test';

export const e2eDir = process.env.ASSAY_E2E_DIR!;

/** Opens the app as the printed address would, token in the fragment. */
export async function openApp(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Refused commands answer with HTTP error statuses, which Chromium logs; those are expected.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(`/#token=${process.env.ASSAY_E2E_TOKEN}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  // A CSP violation or a crash in the page fails the test that caused it.
  page.once('close', () => expect(errors).toEqual([]));
}

/** Fills the start screen's New assessment form (optionally with a file path of its own) and submits it. */
export async function submitNewAssessment(page: Page, name: string, file?: string): Promise<void> {
  // The line naming the audit-log author loads on its own and appears above the form: wait for it,
  // so the form does not move between filling it and clicking Create (a CI run once lost the click).
  await expect(page.getByTestId('display-name').or(page.getByLabel('Display name'))).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (file) await page.getByRole('textbox', { name: 'File' }).first().fill(file);
  await page.getByRole('button', { name: 'Create assessment' }).click();
}

export async function createAssessment(page: Page, name: string, file?: string): Promise<void> {
  await submitNewAssessment(page, name, file);
  const heading = page.getByRole('heading', { level: 1, name });
  const banner = page.locator('.error-banner');
  // Creating takes well under a second, but the first command of a fresh bridge also loads the
  // catalog, which on a busy machine takes a while; a refusal is named rather than timed out on.
  await expect(heading.or(banner)).toBeVisible({ timeout: 30_000 });
  if (await banner.isVisible()) throw new Error(`creating "${name}" was refused: ${await banner.innerText()}`);
}

export function screenshotPath(name: string): string {
  return join('test-results', 'screens', `${name}.png`);
}

export function writeFile(name: string, content: string): string {
  const file = join(e2eDir, name);
  writeFileSync(file, content);
  return file;
}
