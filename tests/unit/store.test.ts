import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { APPLICATION_ID } from '../../electron/store/sqlite';
import { LATEST_SCHEMA, migrations } from '../../electron/store/migrations/index';
import { type WriteOptions, createAssessment, openForWriting } from '../../electron/store/open';
import { applyMigrations } from '../../electron/store/migrate';
import { AssayError } from '../../shared/errors';
import { tempDir } from './helpers';

const catalog = loadBundledCatalog();

/** Opening for editing, as the app does: an older file is upgraded after a backup. */
function openAssessment(file: string, options: Partial<WriteOptions> = {}) {
  return openForWriting(file, { actor: 'tester', upgrade: true, ...options });
}

function create(dir: string, name = 'Test') {
  return createAssessment(join(dir, 'a.assay'), { name, catalog, actor: 'tester' });
}

function refusal(fn: () => unknown): AssayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AssayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the assessment file', () => {
  it('is an SQLite file marked as Assay, at the latest format, in rollback-journal mode, with foreign keys', () => {
    const dir = tempDir();
    const a = create(dir);
    expect(a.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(a.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(a.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(a.summary().counts.total).toBe(catalog.controls.length);
    a.close();
    expect(readFileSync(join(dir, 'a.assay')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('keeps a control state across close and reopen', () => {
    const dir = tempDir();
    const a = create(dir);
    a.setControlState('ACC-02', 'not_applicable', 'No model is called from our network', 'alice');
    a.setControlState('GOV-01', 'implemented', undefined, 'bob');
    a.close();
    const { assessment, backup } = openAssessment(join(dir, 'a.assay'));
    expect(backup).toBeUndefined();
    expect(assessment.control('ACC-02')).toMatchObject({ state: 'not_applicable', justification: 'No model is called from our network', updatedBy: 'alice' });
    expect(assessment.control('GOV-01')).toMatchObject({ state: 'implemented', justification: null, updatedBy: 'bob' });
    expect(assessment.summary().counts).toMatchObject({ implemented: 1, not_applicable: 1 });
    assessment.close();
  });

  it('refuses to create over an existing file and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    writeFileSync(file, 'precious');
    expect(refusal(() => create(dir)).code).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('leaves no file behind when creating fails half-way', () => {
    const dir = tempDir();
    const broken = { ...catalog, controls: [...catalog.controls, catalog.controls[0]!] }; // duplicate id: insert fails
    expect(() => createAssessment(join(dir, 'a.assay'), { name: 'x', catalog: broken, actor: 't' })).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file that is not SQLite, naming the file', () => {
    const dir = tempDir();
    const file = join(dir, 'notes.assay');
    writeFileSync(file, 'just some text, long enough to have a header');
    const error = refusal(() => openAssessment(file));
    expect(error.code).toBe('refused');
    expect(error.message).toContain(file);
    expect(error.message).toContain('not an SQLite file');
  });

  it('refuses an SQLite file of another application and does not change it', () => {
    const dir = tempDir();
    const file = join(dir, 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('application_id = 12345');
    db.close();
    const before = readFileSync(file);
    const error = refusal(() => openAssessment(file));
    expect(error.message).toMatch(/another application \(application_id 12345\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a plain SQLite database without an application id', () => {
    const dir = tempDir();
    const file = join(dir, 'plain.sqlite');
    new Database(file).exec('CREATE TABLE t (x)');
    expect(refusal(() => openAssessment(file)).message).toMatch(/not an Assay assessment/);
  });

  it('refuses a file written by a newer version and leaves it as it was', () => {
    const dir = tempDir();
    create(dir).close();
    const file = join(dir, 'a.assay');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    db.close();
    const before = readFileSync(file);
    const error = refusal(() => openAssessment(file));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/newer version of Assay \(file format \d+; this version reads up to \d+\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('upgrades an older file after keeping a backup copy beside it', () => {
    const dir = tempDir();
    const a = create(dir);
    a.setControlState('GOV-01', 'in_progress', undefined, 'alice');
    a.close();
    const file = join(dir, 'a.assay');
    const next = {
      version: LATEST_SCHEMA + 1,
      name: 'test-owner-column',
      sql: 'ALTER TABLE control_state ADD COLUMN test_column TEXT',
    };
    const { assessment, backup } = openAssessment(file, { migrations: [...migrations, next] });
    // Kept in the assessment's backups folder, named by time and reason (electron/store/backup-names.ts).
    expect(backup).toMatch(new RegExp(`/a backups/a\\.\\d{8}-\\d{6}-\\d{3}\\.format${LATEST_SCHEMA}\\.assay$`));
    expect(backup!.startsWith(join(dir, 'a backups'))).toBe(true);
    expect(assessment.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA + 1);
    expect(assessment.control('GOV-01').state).toBe('in_progress');
    const columns = assessment.db.prepare('PRAGMA table_info(control_state)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).toContain('test_column');
    assessment.close();
    // The backup is the file as it was: still the old format, still openable by this version.
    const old = openAssessment(backup!);
    expect(old.assessment.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(old.assessment.control('GOV-01').state).toBe('in_progress');
    old.assessment.close();
  });

  it('refuses a file whose recorded migration differs from the shipped one', () => {
    const dir = tempDir();
    create(dir).close();
    const file = join(dir, 'a.assay');
    const edited = migrations.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(refusal(() => openAssessment(file, { migrations: edited })).message).toMatch(/does not match the one this version of Assay ships/);
  });

  it('reports a missing file as not found', () => {
    const dir = tempDir();
    expect(refusal(() => openAssessment(join(dir, 'nope.assay'))).code).toBe('not_found');
  });

  it('snapshots the catalog with its version and hash', () => {
    const dir = tempDir();
    const a = create(dir);
    const row = a.db.prepare('SELECT version, sha256, content FROM catalog_snapshot').get() as { version: string; sha256: string; content: string };
    expect(row.version).toBe(catalog.manifest.version);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.content).controls).toHaveLength(catalog.controls.length);
    a.close();
  });

  it('does not keep an open handle that blocks copying the file after close', () => {
    const dir = tempDir();
    create(dir).close();
    expect(existsSync(join(dir, 'a.assay-wal'))).toBe(false);
    copyFileSync(join(dir, 'a.assay'), join(dir, 'copy.assay'));
    const { assessment } = openAssessment(join(dir, 'copy.assay'));
    expect(assessment.summary().name).toBe('Test');
    assessment.close();
  });
});

describe('upgrading a file of format 1', () => {
  /** Builds a file exactly as Assay 0.1.0 wrote it: schema 1, a catalog of controls only. */
  function writeVersion1File(file: string): void {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, migrations.slice(0, 1), '2026-11-01T10:00:00.000Z');
    const oldCatalog = { manifest: { version: '2026.11.0', title: 'Assay AI compliance catalog', checked_on: '2026-11-25' }, controls: catalog.controls.slice(0, 3) };
    db.prepare("INSERT INTO assessment VALUES (1, 'id-1', 'Old file', '2026-11-01T10:00:00.000Z', 'alice')").run();
    db.prepare("INSERT INTO catalog_snapshot VALUES (1, '2026.11.0', 'x', '2026-11-01T10:00:00.000Z', ?)").run(JSON.stringify(oldCatalog));
    const insert = db.prepare('INSERT INTO catalog_control VALUES (@id, @name, @objective, @type, @guidance, @evidence)');
    for (const c of oldCatalog.controls) insert.run({ ...c, evidence: JSON.stringify(c.evidence) });
    db.prepare("INSERT INTO control_state VALUES (?, 'implemented', NULL, '2026-11-02T10:00:00.000Z', 'alice')").run(oldCatalog.controls[0]!.id);
    db.close();
  }

  it('upgrades a file of schema 1, keeping its data and its old catalog snapshot', () => {
    const dir = tempDir();
    const file = join(dir, 'old.assay');
    writeVersion1File(file);
    const { assessment, backup } = openAssessment(file);
    expect(backup).toMatch(/\/old backups\/old\.\d{8}-\d{6}-\d{3}\.format1\.assay$/);
    expect(assessment.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(assessment.summary()).toMatchObject({ name: 'Old file', catalogVersion: '2026.11.0', counts: { total: 3, implemented: 1 } });
    // The snapshot predates frameworks: it still parses, with empty framework and threat lists.
    const old = assessment.catalog();
    expect(old.manifest.version).toBe('2026.11.0');
    expect(old.frameworks).toEqual([]);
    expect(old.controls).toHaveLength(3);
    const tables = assessment.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toContain('user_framework');
    const applied = assessment.db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    assessment.close();
    expect(existsSync(backup!)).toBe(true);
  });
});
