import { defineConfig } from '@playwright/test';

/**
 * The desktop suite (`npm run test:electron`): the real Electron window over real IPC. Kept apart
 * from playwright.config.ts (browser tests over the bridge), so `npm run test:e2e` never picks it
 * up; it needs the Electron binary, which global-setup checks first with a clear message.
 */
export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  globalSetup: './tests/electron/global-setup.mjs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
