import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { readUserFramework } from '../../electron/catalog/user-framework';
import { hashEntry } from '../../electron/store/audit';
import { catalogHash, writeCatalogSnapshot } from '../../electron/store/catalog-snapshot';
import { applyMigrations } from '../../electron/store/migrate';
import { LATEST_SCHEMA, migrations } from '../../electron/store/migrations/index';
import { createAssessment, openForReading, openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { GENESIS_HASH } from '../../shared/domain/audit';
import { replayedTables, secretTables, unreplayedTables } from '../../shared/domain/replay';
import { fileHash, runAssay, tempDir } from './helpers';

const catalog = loadBundledCatalog();

function fileWithHistory(dir: string): string {
  const file = join(dir, 'a.assay');
  const a = createAssessment(file, { name: 'Trust', catalog, actor: 'tester' });
  a.setControlState('GOV-01', 'in_progress', undefined, 'alice');
  a.setControlState('GOV-01', 'implemented', undefined, 'alice');
  a.setControlState('ACC-02', 'not_applicable', 'No external model is used', 'bob');
  a.importFramework(readUserFramework(resolve('tests/fixtures/frameworks/acme-policy.yaml')), 'carol');
  a.close();
  return file;
}

/** What someone holding the file can do with any SQLite tool, triggers dropped first. */
function edit(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete;');
  db.exec(sql);
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('verify replays the log and compares every state table', () => {
  it('passes an untouched file and prints its head', () => {
    const file = fileWithHistory(tempDir());
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    expect(result.head).toMatch(/^5:[0-9a-f]{64}$/);
    expect(result.checks.map((c) => c.name)).toEqual(['file integrity', 'audit chain', 'replay']);
  });

  it('covers every table a new file has (a new table must be added to the replay)', () => {
    const dir = tempDir();
    createAssessment(join(dir, 'a.assay'), { name: 'x', catalog, actor: 't' }).close();
    const db = new Database(join(dir, 'a.assay'), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual([...replayedTables, ...unreplayedTables, ...secretTables].sort());
  });

  const edits: [string, string, RegExp][] = [
    ['control_state', "UPDATE control_state SET state = 'implemented', justification = NULL WHERE control_id = 'ACC-02'", /control_state row ACC-02, field (justification|state)/],
    ['control_state (added row)', "INSERT INTO control_state (control_id, state, updated_at, updated_by) SELECT 'GOV-03', 'implemented', updated_at, updated_by FROM control_state LIMIT 1", /control_state row GOV-03: the file has this row, the log never wrote it/],
    ['control_state (who)', "UPDATE control_state SET updated_at = '2020-01-01T00:00:00.000Z' WHERE control_id = 'GOV-01'", /control_state row GOV-01, field updated_at/],
    ['catalog_control', "UPDATE catalog_control SET name = 'Something weaker' WHERE id = 'GOV-01'", /catalog_control row GOV-01, field name: the log says "[^"]+", the file holds "Something weaker"/],
    ['catalog_control (deleted)', "DELETE FROM catalog_control WHERE id = 'SUP-01'", /catalog_control row SUP-01: the log has this row, the file does not/],
    ['user_framework', "UPDATE user_framework SET content = replace(content, 'Governance', 'Gov')", /user_framework row acme-ai-policy, field content_sha256/],
    ['assessment', "UPDATE assessment SET name = 'Other client'", /assessment row 1, field name: the log says "Trust", the file holds "Other client"/],
    ['person', "UPDATE person SET display_name = 'mallory' WHERE display_name = 'alice'", /person row [0-9a-f-]+, field digest/],
    ['schema_migration', "UPDATE schema_migration SET applied_at = '2000-01-01' WHERE version = 1", /schema_migration row 1, field applied_at/],
    ['catalog_snapshot_previous', "INSERT INTO catalog_snapshot_previous VALUES ('" + 'a'.repeat(64) + "', 'old', 'x', 'y', '{}')", /catalog_snapshot_previous row a{64}: the file has this row/],
    ['a table Assay does not write', 'CREATE TABLE notes (x TEXT)', /tables: the file has tables that Assay does not write: notes/],
  ];
  for (const [what, sql, message] of edits)
    it(`finds a direct edit of ${what}`, () => {
      const file = fileWithHistory(tempDir());
      edit(file, sql);
      const result = verifyFile(file);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(message);
    });

  it('finds deleted last entries: through the replay when state remains, through the anchor when it was reverted too', () => {
    const file = fileWithHistory(tempDir());
    const anchor = verifyFile(file).head;
    edit(file, 'DELETE FROM audit_log WHERE seq = 5');
    expect(verifyFile(file).message).toMatch(/user_framework row acme-ai-policy: the file has this row, the log never wrote it/);
    edit(file, "DELETE FROM user_framework; DELETE FROM person WHERE display_name = 'carol'");
    expect(verifyFile(file).ok).toBe(true); // a consistent truncation: only an anchor kept outside the file catches it
    const anchored = verifyFile(file, { expectHead: anchor });
    expect(anchored.ok).toBe(false);
    expect(anchored.message).toMatch(/anchor: the file has 4 entries, the anchor 5: entries were removed/);
  });

  it('checks an anchor: the same head passes, a different hash at the same count is a rewrite', () => {
    const file = fileWithHistory(tempDir());
    const head = verifyFile(file).head;
    expect(verifyFile(file, { expectHead: head }).ok).toBe(true);
    const other = `${head.split(':')[0]}:${'0'.repeat(64)}`;
    expect(verifyFile(file, { expectHead: other }).message).toMatch(/same number of entries \(5\) but a different head hash: the log was rewritten/);
  });

  it('assay verify --expect-head exits 1 naming what differs, and prints the head', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    const ok = runAssay(dir, ['verify', file]);
    expect(ok.code, ok.err).toBe(0);
    const head = /^head (\d+:[0-9a-f]{64})$/m.exec(ok.out)![1]!;
    expect(runAssay(dir, ['verify', file, '--expect-head', head]).code).toBe(0);
    const bad = runAssay(dir, ['verify', file, '--expect-head', `6:${head.split(':')[1]}`]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/anchor: the file has 5 entries, the anchor 6/);
    const malformed = runAssay(dir, ['verify', file, '--expect-head', 'yesterday']);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/expectHead: the expected head must be <count>:<64 hex digits>/);
  });


  it('on a terminal, verify runs as a job and shows its progress on stderr; the verdict is the same', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    // script(1) gives the command a pseudo-terminal, as a person at a shell has.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${resolve('electron/cli/assay.mjs')} verify ${file}`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASSAY_HOME: join(dir, 'home') },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(String.raw`\r\u001b\[2Kreplay \d+/5`));
    expect(run.stdout).toContain(`head ${verifyFile(file).head}`);
  });
});

describe('people and erasure', () => {
  it('records actors by id with a keyed digest; erasing one keeps verify intact and reports it as erased', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    const people = JSON.parse(runAssay(dir, ['people', file, '--json']).out) as { id: string; name: string }[];
    const alice = people.find((p) => p.name === 'alice')!;
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE payload LIKE '%alice%' OR actor = 'alice'").get()).toEqual({ n: 0 });
    db.close();
    const erased = runAssay(dir, ['erase-person', file, alice.id]);
    expect(erased.code, erased.err).toBe(0);
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    expect(result.erasedEntries).toBe(2);
    expect(result.message).toMatch(/1 person was erased on request; 2 entries name them by id only \(erased, not tampered\)/);
    const log = runAssay(dir, ['audit', file]);
    expect(log.out).not.toContain('alice');
    expect(log.out).toMatch(/erased person\s+Control state changed\s+GOV-01 /);
    expect(log.out).toMatch(/Personal data erased/);
  });
});

/** A file exactly as Assay wrote it before this step: format 2, actors by name, payloads without full state. */
function writeFormat2File(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, migrations.slice(0, 2), '2026-11-20T10:00:00.000Z');
  const at = '2026-11-20T10:00:00.000Z';
  const sha = writeCatalogSnapshot(db, catalog, at);
  db.prepare("INSERT INTO assessment VALUES (1, 'id-2', 'Old client', ?, 'alice')").run(at);
  db.prepare("INSERT INTO control_state VALUES ('GOV-01', 'implemented', NULL, '2026-11-21T10:00:00.000Z', 'alice')").run();
  let prev = GENESIS_HASH;
  const records = [
    { seq: 1, at, actor: 'alice', command: 'assessment.create', entity: 'assessment', entityId: 'id-2', payload: { name: 'Old client', catalogVersion: catalog.manifest.version, catalogSha256: sha } },
    { seq: 2, at: '2026-11-21T10:00:00.000Z', actor: 'alice', command: 'controls.setState', entity: 'control', entityId: 'GOV-01', payload: { from: 'not_started', to: 'implemented', justification: null } },
  ];
  for (const r of records) {
    const hash = hashEntry(prev, r);
    db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(r.seq, r.at, r.actor, r.command, r.entity, r.entityId, JSON.stringify(r.payload), prev, hash);
    prev = hash;
  }
  db.close();
  expect(sha).toBe(catalogHash(catalog));
}

describe('files written before this step', () => {
  it('are verified read-only without being migrated, and leave nothing beside them', () => {
    const dir = tempDir();
    const file = join(dir, 'old.assay');
    writeFormat2File(file);
    const before = fileHash(file);
    const listing = readdirSync(dir);
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    expect(result.message).toMatch(/replay: not possible: file format 2 was written before the log recorded full state; upgrade the file \(assay upgrade\)/);
    const controls = runAssay(dir, ['controls', file]);
    expect(controls.code, controls.err).toBe(0);
    expect(controls.out).toMatch(/GOV-01\s+Implemented/);
    expect(fileHash(file)).toBe(before);
    expect(readdirSync(dir).filter((n) => !n.startsWith('home'))).toEqual(listing);
  });

  it('refuse editing until upgraded; the upgrade keeps a backup and appends one adoption entry that replay starts from', () => {
    const dir = tempDir();
    const file = join(dir, 'old.assay');
    writeFormat2File(file);
    const before = fileHash(file);
    const refused = runAssay(dir, ['set-state', file, 'GOV-02', 'implemented']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is in file format 2, written by an earlier version of Assay; nothing was changed. Upgrade it first with 'assay upgrade/);
    expect(fileHash(file)).toBe(before);

    const upgraded = runAssay(dir, ['upgrade', file]);
    expect(upgraded.code, upgraded.err).toBe(0);
    expect(readdirSync(join(dir, 'old backups'))).toEqual([expect.stringMatching(/^old\.\d{8}-\d{6}-\d{3}\.format2\.assay$/)]);
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    expect(result).toMatchObject({ adopted: true, replayFrom: 3, entries: 3 });
    expect(result.message).toMatch(/replaying the log from entry 3, the adoption entry of a file written before format 3 rebuilds every state table exactly/);
    const a = openForReading(file);
    expect(a.control('GOV-01')).toMatchObject({ state: 'implemented', updatedBy: 'alice' });
    a.close();

    expect(runAssay(dir, ['set-state', file, 'GOV-02', 'in_progress']).code).toBe(0);
    expect(verifyFile(file).ok).toBe(true);
    edit(file, "UPDATE control_state SET state = 'not_started' WHERE control_id = 'GOV-01'");
    expect(verifyFile(file).message).toMatch(/control_state row GOV-01, field state: the log says "implemented", the file holds "not_started"/);
  });

  it('records a later migration in the audit log', () => {
    const dir = tempDir();
    const file = fileWithHistory(dir);
    // Versions may have gaps (each step-4 domain took its own number): the next one follows the latest.
    const next = { version: LATEST_SCHEMA + 1, name: 'test-owner', sql: 'ALTER TABLE control_state ADD COLUMN test_column TEXT' };
    const { assessment } = openForWriting(file, { actor: 'tester', upgrade: true, migrations: [...migrations, next] });
    const last = assessment.db.prepare('SELECT command, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { command: string; payload: string };
    assessment.close();
    expect(last.command).toBe('schema.migrate');
    expect(JSON.parse(last.payload)).toMatchObject({ from: LATEST_SCHEMA, to: LATEST_SCHEMA + 1, applied: [{ version: next.version, name: 'test-owner' }] });
  });
});
