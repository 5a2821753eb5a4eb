import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyLeaf, lockBytePage, readPatched } from '../../electron/package/page-copy';
import { packAssessment, unpackPackage } from '../../electron/package/pack';
import { readUserFramework } from '../../electron/catalog/user-framework';
import { openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { FAST, type Fixture, PASSPHRASE, buildFixture } from './package-fixture';

let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
}, 120_000);
afterAll(() => fx.remove());

let n = 0;
const named = (suffix: string) => join(fx.dir, `pages-${++n}${suffix}`);
const copyOfFixture = () => {
  const file = named('.assay');
  copyFileSync(fx.file, file);
  return file;
};

function pack(file: string, options: { includeSecret?: boolean; onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean } = {}) {
  const pkg = named('.assaypkg');
  const result = packAssessment(file, pkg, { passphrase: PASSPHRASE, includeSecret: options.includeSecret ?? false, ...FAST, ...options });
  return { pkg, result };
}

function packAndUnpack(file: string, includeSecret = false): string {
  const out = named('.assay');
  unpackPackage(pack(file, { includeSecret }).pkg, out, { passphrase: PASSPHRASE });
  return out;
}

function withDb<T>(file: string, use: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}
const hygiene = (file: string) => withDb(file, (db) => (db.prepare('SELECT no_erased_leftovers AS v FROM storage_hygiene').get() as { v: number }).v);

/** Whether another process can commit a change to the file right now (it does not wait). */
function otherProcessCanWrite(file: string): boolean {
  const driver = resolve('node_modules/better-sqlite3');
  // A reader's SHARED lock lets a writer begin (RESERVED) but not commit (EXCLUSIVE).
  const script = `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(file)}); d.pragma('busy_timeout = 0');
try { d.exec('BEGIN IMMEDIATE; CREATE TABLE lock_probe (x); DROP TABLE lock_probe; COMMIT'); console.log('wrote'); } catch (e) { console.log(e.code); }`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim() === 'wrote';
}

/** The 1-based numbers of the pages where two files differ. */
function differingPages(a: Buffer, b: Buffer, pageSize: number): number[] {
  const pages: number[] = [];
  for (let at = 0; at < Math.max(a.length, b.length); at += pageSize)
    if (!a.subarray(at, at + pageSize).equals(b.subarray(at, at + pageSize))) pages.push(at / pageSize + 1);
  return pages;
}

describe('packing the file’s own pages', () => {
  it('packs the pages as they are, but for the key’s table and index, which arrive as empty pages', () => {
    expect(hygiene(fx.file)).toBe(1);
    const file = copyOfFixture();
    const out = packAndUnpack(file);
    const { pageSize, roots } = withDb(file, (db) => ({
      pageSize: db.pragma('page_size', { simple: true }) as number,
      roots: (db.prepare("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'assessment_secret' ORDER BY rootpage").all() as { rootpage: number }[]).map((r) => r.rootpage),
    }));
    expect(roots).toHaveLength(2);
    const original = readFileSync(file);
    const unpacked = readFileSync(out);
    expect(unpacked.length).toBe(original.length);
    // Byte for byte the file itself (no VACUUM rewrote it), except the two pages that held the key.
    expect(differingPages(original, unpacked, pageSize)).toEqual(roots);
    expect(unpacked.includes(fx.key)).toBe(false);
    withDb(out, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) AS n FROM assessment_secret').get()).toEqual({ n: 0 });
    });
    expect(verifyFile(out).ok).toBe(true);
  });

  it('with the key included, the package holds the file byte for byte', () => {
    const file = copyOfFixture();
    expect(readFileSync(packAndUnpack(file, true)).equals(readFileSync(file))).toBe(true);
  });

  it('keeps other processes from writing while the pages are read, and lets them once sealed or cancelled', () => {
    const file = copyOfFixture();
    const seen: boolean[] = [];
    pack(file, { onProgress: (done) => void (done === 3 && seen.push(otherProcessCanWrite(file))) });
    expect(seen).toEqual([false]);
    expect(otherProcessCanWrite(file)).toBe(true);
    let polls = 0;
    expect(() => pack(file, { isCancelled: () => ++polls > 5 })).toThrow(/cancelled/);
    expect(otherProcessCanWrite(file)).toBe(true);
  });

  it('after a person is erased, goes through a clean snapshot, which leaves nothing of them and says it is clean', () => {
    const file = copyOfFixture();
    const name = 'Zelda Quartermain-Oyelaran';
    const { assessment } = openForWriting(file, { actor: 'tester' });
    try {
      assessment.setControlState(assessment.listControls()[0]!.id, 'in_progress', 'started by the named owner', name);
      assessment.erasePerson(assessment.people().find((p) => p.name === name)!.id, 'tester');
    } finally {
      assessment.close();
    }
    expect(hygiene(file)).toBe(0);
    const out = packAndUnpack(file);
    expect(readFileSync(out).includes(name)).toBe(false);
    expect(readFileSync(out).includes(fx.key)).toBe(false);
    // A clean copy says so; the file's own pages would still say 0.
    expect(hygiene(out)).toBe(1);
    expect(verifyFile(out).ok).toBe(true);
    // The unpacked copy, clean, packs directly again.
    const again = packAndUnpack(out, true);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('an imported framework removed or replaced (its text is not in the log) sends packages through the snapshot too', () => {
    for (const change of ['remove', 'replace'] as const) {
      const file = copyOfFixture();
      const { assessment } = openForWriting(file, { actor: 'tester' });
      try {
        const framework = readUserFramework(resolve('tests/fixtures/frameworks/acme-policy.yaml'));
        assessment.importFramework(framework, 'tester');
        expect(hygiene(file)).toBe(1);
        if (change === 'remove') assessment.removeFramework(framework.framework.id, 'tester');
        else assessment.importFramework(framework, 'tester');
      } finally {
        assessment.close();
      }
      expect(hygiene(file)).toBe(0);
      expect(hygiene(packAndUnpack(file))).toBe(1);
    }
  });

  it('a file in write-ahead-log mode (a job writing it) goes through the snapshot', () => {
    const file = copyOfFixture();
    const writer = new Database(file);
    try {
      writer.pragma('journal_mode = WAL');
      writer.prepare('UPDATE storage_hygiene SET no_erased_leftovers = 1').run();
      const out = packAndUnpack(file, true);
      expect(differingPages(readFileSync(out), readFileSync(file), 4096).length).toBeGreaterThan(0);
      expect(verifyFile(out).ok).toBe(true);
    } finally {
      writer.close();
    }
  });

  it('a key table grown past one page goes through the snapshot, and no row of it travels', () => {
    const file = copyOfFixture();
    withDb(file, (db) => {
      const insert = db.prepare('INSERT INTO assessment_secret (name, secret, created_at) VALUES (?, ?, ?)');
      for (let i = 0; i < 40; i++) insert.run(`extra-${i}`, Buffer.alloc(300, i), '2026-11-29');
    });
    const out = packAndUnpack(file);
    withDb(out, (db) => expect(db.prepare('SELECT COUNT(*) AS n FROM assessment_secret').get()).toEqual({ n: 0 }));
    expect(readFileSync(out).includes(fx.key)).toBe(false);
  });
});

describe('page arithmetic', () => {
  it('the pending-byte page is the one holding byte 2^30, counted from 1, once the file reaches it', () => {
    expect(lockBytePage(4096, 262144)).toBeUndefined();
    expect(lockBytePage(4096, 262145)).toBe(262145);
    expect(lockBytePage(65536, 20000)).toBe(16385);
    expect(lockBytePage(512, 2 ** 21 + 1)).toBe(2 ** 21 + 1);
  });

  it('an empty leaf has its type, no cells, and its content area at the page end (0 for 65536)', () => {
    const table = emptyLeaf(4096, 'table');
    expect([...table.subarray(0, 8)]).toEqual([0x0d, 0, 0, 0, 0, 0x10, 0, 0]);
    expect(table.subarray(8).every((b) => b === 0)).toBe(true);
    expect([...emptyLeaf(65536, 'index').subarray(0, 8)]).toEqual([0x0a, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('patched bytes come from the patch and are never read, wherever a read window cuts them', () => {
    const file = Buffer.alloc(100, 1);
    const patches = [
      { offset: 30, bytes: Buffer.alloc(20, 9) },
      { offset: 70, bytes: Buffer.alloc(5, 7) },
    ];
    for (const window of [7, 10, 16, 33, 100]) {
      const touched = new Set<number>();
      const read = (buffer: Buffer, length: number, position: number) => {
        for (let i = 0; i < length; i++) touched.add(position + i);
        file.copy(buffer, 0, position, position + length);
        return length;
      };
      const rebuilt = Buffer.alloc(100);
      for (let at = 0; at < 100; at += window) {
        const length = Math.min(window, 100 - at);
        const buffer = Buffer.alloc(length);
        expect(readPatched(read, patches, buffer, length, at)).toBe(length);
        buffer.copy(rebuilt, at);
      }
      expect([...rebuilt]).toEqual([...Array(30).fill(1), ...Array(20).fill(9), ...Array(20).fill(1), ...Array(5).fill(7), ...Array(25).fill(1)]);
      expect([...touched].filter((b) => (b >= 30 && b < 50) || (b >= 70 && b < 75))).toEqual([]);
    }
  });

  it('a short read stops at the first byte missing', () => {
    const read = (buffer: Buffer, length: number, position: number) => Math.max(0, Math.min(length, 40 - position));
    expect(readPatched(read, [{ offset: 50, bytes: Buffer.alloc(10) }], Buffer.alloc(100), 100, 0)).toBe(40);
  });
});
