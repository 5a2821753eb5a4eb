import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

describe('npm run test:electron', () => {
  it('fails at once, saying why and how on, where the Electron binary is missing', () => {
    // An empty folder as Electron's dist: missing wherever this runs, installed binary or not.
    const run = spawnSync(process.execPath, ['tests/electron/global-setup.mjs'], { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir() } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run test:electron needs the Electron binary, and it is not installed');
    expect(run.stderr).toContain('node node_modules/electron/install.js');
  });
});
