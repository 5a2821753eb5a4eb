import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the real UI in the system Chromium over the loopback bridge. No browser
 * is ever downloaded: set CHROMIUM_PATH, or install Debian's chromium (/usr/bin/chromium).
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium))
  throw new Error(`Chromium not found at ${chromium}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`);

// The config is read again by each worker; the environment carries one set of values to all of them.
process.env.ASSAY_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'assay-e2e-'));
process.env.ASSAY_E2E_TOKEN ??= randomBytes(32).toString('hex');
process.env.ASSAY_E2E_PORT ??= String(5300 + Math.floor(Math.random() * 400));
const dir = process.env.ASSAY_E2E_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${process.env.ASSAY_E2E_PORT}/`,
    viewport: { width: 1320, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node --import tsx electron/bridge/serve.ts',
    url: `http://127.0.0.1:${process.env.ASSAY_E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      ASSAY_HOME: join(dir, 'home'),
      ASSAY_DOCUMENTS: join(dir, 'documents'),
      ASSAY_BRIDGE_TOKEN: process.env.ASSAY_E2E_TOKEN,
      ASSAY_BRIDGE_PORT: process.env.ASSAY_E2E_PORT,
      ASSAY_ACTOR: 'e2e-tester',
      // The bridge confines paths to allowed folders: the tests' temporary folder and the fixtures they import.
      ASSAY_ALLOWED_FOLDERS: [dir, resolve('tests/fixtures')].join(delimiter),
    },
  },
});
