import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

// `npm run web` starts with `vite build`: its first lines are what a newcomer sees, so a warning
// about our own config (Vite's config loader could not read it natively) must not be among them.
describe('npm run web', () => {
  it('builds the UI without a Vite config warning', () => {
    const outDir = join(tempDir(), 'renderer');
    const run = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/configLoader|\(!\)|warn/i);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  }, 150_000);
});
