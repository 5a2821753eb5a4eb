import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { listAudit } from '../../electron/store/audit';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { GENESIS_HASH } from '../../shared/domain/audit';
import { tempDir } from './helpers';

function fileWithHistory(dir: string): string {
  const file = join(dir, 'a.assay');
  const a = createAssessment(file, { name: 'Audit', catalog: loadBundledCatalog(), actor: 'tester' });
  a.setControlState('GOV-01', 'in_progress', undefined, 'alice');
  a.setControlState('GOV-01', 'implemented', undefined, 'alice');
  a.setControlState('ACC-02', 'not_applicable', 'No external model is used', 'bob');
  a.close();
  return file;
}

/** Tampering as an attacker with a raw SQLite tool would: the triggers are dropped first. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
  db.exec(sql);
  db.close();
}

const verify = (file: string) => verifyFile(file);

describe('the audit chain', () => {
  it('records every change, linked from the genesis hash', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    const { assessment } = openForWriting(file, { actor: 'tester' });
    const entries = listAudit(assessment.db, { ascending: true });
    expect(entries.map((e) => e.command)).toEqual(['assessment.create', 'controls.setState', 'controls.setState', 'controls.setState']);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(entries[3]!.payload).toMatchObject({ from: 'not_started', to: 'not_applicable', justification: 'No external model is used', entry: { owner: null, dueDate: null } });
    assessment.close();
    expect(verify(file)).toMatchObject({ ok: true, entries: 4, headHash: entries[3]!.hash, head: `4:${entries[3]!.hash}` });
  });

  it('refuses updates and deletes through SQL', () => {
    const dir = tempDir();
    const db = new Database(fileWithHistory(dir));
    expect(() => db.exec("UPDATE audit_log SET actor = 'mallory'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    db.close();
  });

  it('detects an altered entry and names it', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    tamper(file, `UPDATE audit_log SET payload = '{"from":"not_started","to":"implemented","justification":null}' WHERE seq = 2`);
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: 2, entries: 1 });
    expect(verify(file).message).toMatch(/entry 2: its content does not match its hash/);
  });

  it('detects a deleted entry', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    tamper(file, 'DELETE FROM audit_log WHERE seq = 3');
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: 4 });
    expect(verify(file).message).toMatch(/an entry is missing/);
  });

  it('detects an entry that was re-hashed but not re-linked', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    tamper(file, `UPDATE audit_log SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 3`);
    expect(verify(file)).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verify(file).message).toMatch(/does not link to the previous entry/);
  });
});

describe('the catalog snapshot check', () => {
  it('passes for an untouched file and fails when the snapshot content is altered', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    expect(verify(file)).toMatchObject({ ok: true });
    expect(verify(file).message).toMatch(/replaying the log from the first entry rebuilds every state table exactly/);
    const db = new Database(file);
    db.exec(`UPDATE catalog_snapshot SET content = replace(content, 'Dataset version control', 'Dataset versioning')`);
    db.close();
    const result = verify(file);
    expect(result.ok).toBe(false);
    expect(result.difference).toMatchObject({ table: 'catalog_snapshot', row: '1', field: 'content_sha256' });
    expect(result.message).toMatch(/catalog_snapshot row 1, field content_sha256: the log says "[0-9a-f]{64}", the file holds "[0-9a-f]{64}"/);
  });
});
