import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { APPLICATION_ID } from '../../electron/store/sqlite';
import { LATEST_SCHEMA, migrations } from '../../electron/store/migrations/index';
import { createAssessment, openAssessment } from '../../electron/store/open';
import { AssayError } from '../../shared/errors';
import { tempDir } from './helpers';

const catalog = loadBundledCatalog();

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
  it('is an SQLite file marked as Assay, at the latest format, with WAL and foreign keys', () => {
    const dir = tempDir();
    const a = create(dir);
    expect(a.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(a.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
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
      sql: 'ALTER TABLE control_state ADD COLUMN owner TEXT',
    };
    const { assessment, backup } = openAssessment(file, { migrations: [...migrations, next] });
    expect(backup).toBe(join(dir, `a.format${LATEST_SCHEMA}-backup.assay`));
    expect(assessment.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA + 1);
    expect(assessment.control('GOV-01').state).toBe('in_progress');
    const columns = assessment.db.prepare('PRAGMA table_info(control_state)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).toContain('owner');
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
