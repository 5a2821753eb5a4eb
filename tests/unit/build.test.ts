import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` runs `electron-vite build` before the unit tests; these check what it produced.
describe('the Electron build', () => {
  it('emits a main process, a CommonJS preload and the renderer', () => {
    for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html']) expect(existsSync(file), file).toBe(true);
  });

  it('has a preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = readFileSync('out/preload/preload.cjs', 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('writes the content security policy into the page', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;/);
  });
});
