import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20000,
    // Builds the command line the tests spawn, once per run; forked test workers inherit its path.
    globalSetup: ['tests/support/vitest-global-setup.ts'],
  },
});
