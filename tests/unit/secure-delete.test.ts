import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import { connect } from '../../electron/store/sqlite';

const dir = mkdtempSync(join(tmpdir(), 'assay-secure-delete-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a write frees is zeroed', () => {
  it('rows deleted through any connection Assay opens leave no bytes behind, in free pages or in free space of a page', () => {
    const file = join(dir, 'a.assay');
    createAssessment(file, { name: 'Zeroed', catalog: loadBundledCatalog(), actor: 'tester' }).close();
    const marker = 'DELETED-MARKER-';
    const db = connect(file, { create: false });
    try {
      db.exec('CREATE TABLE scratch (body TEXT) STRICT');
      // Short rows leave free space inside a page; long ones free whole overflow pages.
      const insert = db.prepare('INSERT INTO scratch (body) VALUES (?)');
      for (let i = 0; i < 40; i++) insert.run(`${marker}${i}`.padEnd(i % 2 ? 60 : 6000, '#'));
      db.exec('DELETE FROM scratch WHERE rowid % 3 <> 0');
      db.exec('DROP TABLE scratch');
    } finally {
      db.close();
    }
    expect(readFileSync(file).includes(marker)).toBe(false);
  });
});
