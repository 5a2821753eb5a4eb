import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { heldCount } from '../../electron/store/held-open';
import { createAssessment, openForReading } from '../../electron/store/open';
import { readHeader } from '../../electron/store/sqlite';

const dir = mkdtempSync(join(tmpdir(), 'assay-held-open-'));
let template: string;
let n = 0;
const fresh = () => {
  const file = join(dir, `f${++n}.assay`);
  copyFileSync(template, file);
  return file;
};
beforeAll(() => {
  template = join(dir, 'template.assay');
  createAssessment(template, { name: 'Locks', catalog: loadBundledCatalog(), actor: 'tester' }).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether another process can take the file's write lock right now (it does not wait). */
function otherProcessCanWrite(file: string): boolean {
  const driver = resolve('node_modules/better-sqlite3');
  const script = `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(file)}); d.pragma('busy_timeout = 0');
try { d.exec('BEGIN IMMEDIATE'); d.exec('ROLLBACK'); console.log('wrote'); } catch (e) { console.log(e.code); }`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim() === 'wrote';
}

describe('the locks this process holds on a file survive reading its header', () => {
  it('a write lock held by a connection here still keeps other processes out after the file is opened again here', () => {
    const file = fresh();
    const db = new Database(file);
    try {
      db.exec('BEGIN IMMEDIATE');
      expect(otherProcessCanWrite(file)).toBe(false);
      // What a job's worker does when it opens a file the app is writing: read the header, open, close.
      readHeader(file);
      expect(otherProcessCanWrite(file)).toBe(false);
      openForReading(file).close();
      expect(otherProcessCanWrite(file)).toBe(false);
      // Once the write has begun there is a journal beside the file, and a reader here goes through a private copy of it.
      db.exec('CREATE TABLE scratch (x)');
      expect(existsSync(`${file}-journal`)).toBe(true);
      const reader = openForReading(file);
      expect(reader.info.privateCopy).toBeDefined();
      reader.close();
      expect(otherProcessCanWrite(file)).toBe(false);
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
    expect(otherProcessCanWrite(file)).toBe(true);
  });

  it('lets go of a file once it is removed or replaced at its path, so descriptors do not pile up', () => {
    const first = fresh();
    readHeader(first);
    const before = heldCount();
    rmSync(first);
    const replaced = fresh();
    readHeader(replaced);
    // The removed file's descriptor was closed when the next one was kept.
    expect(heldCount()).toBe(before);
    renameSync(fresh(), replaced);
    readHeader(replaced);
    expect(heldCount()).toBe(before);
  });
});
