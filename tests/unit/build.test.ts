import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { WorkerInput, WorkerMessage } from '../../electron/jobs/protocol';
import { createAssessment } from '../../electron/store/open';
import { tempDir } from './helpers';

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
    expect(html).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
  });

  it('emits the job worker beside main.js, and the bundled worker verifies a real file', async () => {
    expect(readFileSync('out/main/main.js', 'utf8')).toContain('jobs-worker.js');
    const file = join(tempDir(), 'w.assay');
    createAssessment(file, { name: 'W', catalog: loadBundledCatalog(), actor: 't' }).close();
    const workerData: WorkerInput = { kind: 'verify', file, cancel: new SharedArrayBuffer(4) };
    // Plain Node, no tsx anywhere: this is the file the packaged app's main process starts.
    const worker = new Worker(resolve('out/main/jobs-worker.js'), { workerData });
    const messages: WorkerMessage[] = [];
    worker.on('message', (m: WorkerMessage) => messages.push(m));
    await new Promise((done) => worker.once('exit', done));
    expect(messages.at(-1)).toMatchObject({ type: 'finished', result: { kind: 'verify', value: { ok: true } } });
  });

  it('the bundled worker renders a report with its fonts and charts, as the packaged app will', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.assay');
    createAssessment(file, { name: 'R', catalog: loadBundledCatalog(), actor: 't' }).close();
    const out = join(dir, 'executive.pdf');
    const workerData: WorkerInput = { kind: 'report', file, report: { options: { type: 'executive', format: 'pdf' }, out, issue: false, actor: 't' }, cancel: new SharedArrayBuffer(4) };
    const worker = new Worker(resolve('out/main/jobs-worker.js'), { workerData });
    const messages: WorkerMessage[] = [];
    worker.on('message', (m: WorkerMessage) => messages.push(m));
    await new Promise((done) => worker.once('exit', done));
    expect(messages.at(-1)).toMatchObject({ type: 'finished', result: { kind: 'report', value: { path: out, format: 'pdf' } } });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
