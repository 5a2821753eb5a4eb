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

export async function createAssessment(page: Page, name: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export function screenshotPath(name: string): string {
  return join('test-results', 'screens', `${name}.png`);
}

export function writeFile(name: string, content: string): string {
  const file = join(e2eDir, name);
  writeFileSync(file, content);
  return file;
}
