import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { electronBinary } from '../../electron/scripts/electron-native.mjs';
import { tempDir } from './helpers';

type Found = { path?: string; missing?: string };
const find = electronBinary as (dir: string) => Found;

describe('npm start finds the Electron binary without repeating Electron’s own error', () => {
  it('names each way the binary can be missing in its own words', () => {
    const dir = join(tempDir(), 'electron');
    mkdirSync(dir);
    expect(find(dir).missing).toBe('the electron package is not in node_modules (run npm install)');
    writeFileSync(join(dir, 'package.json'), '{}');
    const notDownloaded = find(dir);
    expect(notDownloaded.missing).toBe('its download never ran or did not finish (node_modules/electron/path.txt is absent)');
    expect(notDownloaded.missing).not.toContain('failed to install correctly');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(find(dir).missing).toBe(`${join(dir, 'dist', 'electron')} does not exist`);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(find(dir)).toEqual({ path: join(dir, 'dist', 'electron') });
  });
});
