import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatches, directCopy, emptyLeaf, lockBytePage } from '../../electron/package/page-copy';
import { packAssessment, unpackPackage } from '../../electron/package/pack';
import { openForReading, openForWriting } from '../../electron/store/open';
import { connect } from '../../electron/store/sqlite';
import { verifyFile } from '../../electron/store/verify';
import { FAST, type Fixture, PASSPHRASE, buildFixture } from './package-fixture';

let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
}, 120_000);
afterAll(() => fx.remove());

let n = 0;
const named = (suffix: string) => join(fx.dir, `pages-${++n}${suffix}`);

function packAndUnpack(file: string, includeSecret = false): string {
  const pkg = named('.assaypkg');
  const out = named('.assay');
  packAssessment(file, pkg, { passphrase: PASSPHRASE, includeSecret, ...FAST });
  unpackPackage(pkg, out, { passphrase: PASSPHRASE });
  return out;
}

const hygiene = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT freed_space_zeroed AS z FROM storage_hygiene').get() as { z: number }).z;
  } finally {
    db.close();
  }
};

/** The 1-based numbers of the pages where two files differ. */
function differingPages(a: Buffer, b: Buffer, pageSize: number): number[] {
  const pages: number[] = [];
  for (let at = 0; at < Math.max(a.length, b.length); at += pageSize)
    if (!a.subarray(at, at + pageSize).equals(b.subarray(at, at + pageSize))) pages.push(at / pageSize + 1);
  return pages;
}

describe('packing the file’s own pages', () => {
  it('a new file records that its freed space is zeroed; an upgraded file with entries would not', () => {
    expect(hygiene(fx.file)).toBe(1);
  });

  it('packs the pages as they are, but for the key’s table and index, which arrive as empty pages', () => {
    const out = packAndUnpack(fx.file);
    const db = new Database(fx.file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const roots = (db.prepare("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'assessment_secret' ORDER BY rootpage").all() as { rootpage: number }[]).map((r) => r.rootpage);
    db.close();
    expect(roots).toHaveLength(2);
    const original = readFileSync(fx.file);
    const unpacked = readFileSync(out);
    expect(unpacked.length).toBe(original.length);
    // Byte for byte the file itself (no VACUUM rewrote it), except the two pages that held the key.
    expect(differingPages(original, unpacked, pageSize)).toEqual(roots);
    expect(unpacked.includes(fx.key)).toBe(false);
    const check = new Database(out, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare('SELECT COUNT(*) AS n FROM assessment_secret').get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }
    expect(verifyFile(out).ok).toBe(true);
  });

  it('with the key included, the package is the file byte for byte', () => {
    const out = packAndUnpack(fx.file, true);
    expect(readFileSync(out).equals(readFileSync(fx.file))).toBe(true);
  });

  it('a file written before freed space was zeroed goes through a clean snapshot instead, which then says it is clean', () => {
    const old = named('.assay');
    copyFileSync(fx.file, old);
    const db = new Database(old);
    db.prepare('UPDATE storage_hygiene SET freed_space_zeroed = 0').run();
    db.close();
    const out = packAndUnpack(old);
    expect(readFileSync(out).equals(readFileSync(old))).toBe(false);
    expect(readFileSync(out).includes(fx.key)).toBe(false);
    expect(hygiene(out)).toBe(1);
    expect(verifyFile(out).ok).toBe(true);
  });

  it('holds the read lock while it reads: a writer waits until the pages are sealed', () => {
    const a = openForReading(fx.file);
    const writer = new Database(fx.file);
    writer.pragma('busy_timeout = 0');
    try {
      const direct = directCopy(a.db, fx.file, false);
      if (!('source' in direct)) throw new Error(`expected a direct copy: ${direct.reason}`);
      expect(() => writer.prepare('UPDATE storage_hygiene SET freed_space_zeroed = 1').run()).toThrow(/locked|busy/i);
      direct.end();
      expect(writer.prepare('UPDATE storage_hygiene SET freed_space_zeroed = 1').run().changes).toBe(1);
    } finally {
      writer.close();
      a.close();
    }
  });
});

describe('what is erased is gone from the file', () => {
  it('every connection zeroes what it frees: deleted rows leave no bytes in free pages or free space', () => {
    const file = named('.assay');
    copyFileSync(fx.file, file);
    const marker = 'DELETED-MARKER-';
    const db = connect(file, { create: false });
    try {
      db.exec('CREATE TABLE scratch (body TEXT) STRICT');
      // Small rows leave free space inside a page; long ones free whole overflow pages.
      const insert = db.prepare('INSERT INTO scratch (body) VALUES (?)');
      for (let i = 0; i < 40; i++) insert.run(`${marker}${i}`.padEnd(i % 2 ? 60 : 6000, '#'));
      db.exec('DELETE FROM scratch WHERE rowid % 3 <> 0');
      db.exec('DROP TABLE scratch');
    } finally {
      db.close();
    }
    expect(readFileSync(file).includes(marker)).toBe(false);
  });

  it('a person erased on request leaves their name nowhere in the file’s bytes, nor in a package of it', () => {
    const file = named('.assay');
    copyFileSync(fx.file, file);
    const name = 'Zelda Quartermain-Oyelaran';
    const { assessment } = openForWriting(file, { actor: 'tester' });
    try {
      const control = assessment.listControls()[0]!.id;
      assessment.setControlState(control, 'in_progress', 'started by the named owner', name);
      expect(readFileSync(file).includes(name)).toBe(true);
      const person = assessment.people().find((p) => p.name === name)!;
      assessment.erasePerson(person.id, 'tester');
    } finally {
      assessment.close();
    }
    expect(readFileSync(file).includes(name)).toBe(false);
    expect(readFileSync(packAndUnpack(file)).includes(name)).toBe(false);
  });
});

describe('page patches', () => {
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

  it('a patch lands wherever a read window cuts it, and nowhere else', () => {
    const file = Buffer.alloc(100, 1);
    const patches = [{ offset: 30, bytes: Buffer.alloc(20, 9) }];
    for (const window of [7, 10, 16, 33, 100]) {
      const rebuilt = Buffer.alloc(100);
      for (let at = 0; at < 100; at += window) {
        const length = Math.min(window, 100 - at);
        const buffer = Buffer.from(file.subarray(at, at + length));
        applyPatches(buffer, length, at, patches);
        buffer.copy(rebuilt, at);
      }
      expect([...rebuilt]).toEqual([...Array(30).fill(1), ...Array(20).fill(9), ...Array(50).fill(1)]);
    }
  });
});
