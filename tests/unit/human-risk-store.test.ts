import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { listMetrics, recordMetrics } from '../../electron/store/human-risk';
import { createAssessment, openForReading, openForWriting } from '../../electron/store/open';
import { pseudonymOf, pseudonymiser } from '../../electron/store/pseudonyms';
import { verifyFile } from '../../electron/store/verify';
import type { MetricInput } from '../../shared/domain/human-risk/model';
import { fileHash, tempDir } from './helpers';

const catalog = loadBundledCatalog();

function personFigure(subject: string, overrides: Partial<MetricInput> = {}): MetricInput {
  return {
    subjectKind: 'person',
    subject,
    group: 'Sales',
    metric: 'phish_prone_pct',
    value: 14.2,
    valueText: null,
    measuredOn: '2026-10-01',
    label: null,
    source: 'knowbe4',
    control: 'HUM-04',
    externalId: null,
    ...overrides,
  };
}

function newFile(): string {
  const file = join(tempDir(), 'a.assay');
  createAssessment(file, { name: 'People', catalog, actor: 'tester' }).close();
  return file;
}

/** What someone holding the file can do with any SQLite tool. */
function edit(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('pseudonymisation key', () => {
  it('is made once per assessment on first use, gives p-<16 hex>, and matches a person however the address is typed', () => {
    const file = newFile();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    const p = pseudonymiser(a);
    const one = p('Alice.Martin@Example.com');
    expect(one).toMatch(/^p-[0-9a-f]{16}$/);
    expect(p('  alice.martin@example.com ')).toBe(one);
    expect(p('bob@example.com')).not.toBe(one);
    // A second pseudonymiser (a later import) uses the same key.
    expect(pseudonymiser(a)('alice.martin@example.com')).toBe(one);
    a.close();
    const other = newFile();
    const b = openForWriting(other, { actor: 'tester' }).assessment;
    expect(pseudonymiser(b)('alice.martin@example.com')).not.toBe(one);
    b.close();
  });

  it('stays out of the audit log, and verify passes with it present', () => {
    const file = newFile();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    const subject = pseudonymiser(a)('alice@example.com');
    recordMetrics(a, [{ input: personFigure(subject) }], 'tester');
    const key = (a.db.prepare('SELECT secret FROM assessment_secret').get() as { secret: Buffer }).secret;
    expect(key.length).toBe(32);
    expect(pseudonymOf(key, 'ALICE@example.com')).toBe(subject);
    const log = (a.db.prepare('SELECT payload FROM audit_log').all() as { payload: string }[]).map((r) => r.payload).join('\n');
    expect(log).not.toContain(key.toString('hex'));
    expect(log).not.toContain(key.toString('base64'));
    a.close();
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
  });

  it('verify still refuses a table Assay does not write next to the key', () => {
    const file = newFile();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    pseudonymiser(a)('x@example.com');
    a.close();
    edit(file, 'CREATE TABLE stolen_keys (k BLOB)');
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/tables: the file has tables that Assay does not write: stolen_keys/);
  });

  it('a read-only file without a key refuses to pseudonymise, naming the file', () => {
    const file = newFile();
    const a = openForReading(file);
    expect(() => pseudonymiser(a)('x@example.com')).toThrow(/no pseudonymisation key yet and is open read-only/);
    a.close();
  });
});

describe('human-risk figures', () => {
  it('are logged whole and rebuilt by replay; a direct edit of one is named by verify', () => {
    const file = newFile();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    const p = pseudonymiser(a);
    const [first] = recordMetrics(a, [{ input: personFigure(p('a@example.com')) }, { input: personFigure(p('b@example.com'), { value: 30 }) }], 'tester', { batchId: 'B-1' });
    expect(first!.id).toBe('HRM-000001');
    recordMetrics(a, [{ id: first!.id, input: personFigure(p('a@example.com'), { value: 9.5 }) }], 'tester');
    expect(listMetrics(a).map((m) => [m.id, m.value, m.batchId])).toEqual([
      ['HRM-000001', 9.5, null],
      ['HRM-000002', 30, 'B-1'],
    ]);
    a.close();
    expect(verifyFile(file).ok).toBe(true);
    edit(file, "UPDATE human_metric SET value = 1 WHERE id = 'HRM-000002'");
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/human_metric row HRM-000002, field value: the log says 30, the file holds 1/);
  });

  it('refuses a person named in clear (unless identities are kept on purpose) and a bad figure, changing nothing', () => {
    const file = newFile();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    const before = fileHash(file);
    expect(() => recordMetrics(a, [{ input: personFigure('alice@example.com'), location: 'row 2' }], 'tester')).toThrow(/row 2: subject: a person is recorded by pseudonym/);
    expect(() => recordMetrics(a, [{ input: personFigure('p-0123456789abcdef', { value: null }), location: 'row 3' }], 'tester')).toThrow(/row 3: value: a figure needs a value/);
    expect(() => recordMetrics(a, [{ input: personFigure('p-0123456789abcdef') }, { input: personFigure('p-0123456789abcdef', { measuredOn: '2026-13-01' }) }], 'tester')).toThrow(/figure 2: measuredOn/);
    expect(fileHash(file)).toBe(before);
    expect(listMetrics(a)).toEqual([]);
    recordMetrics(a, [{ input: personFigure('alice@example.com') }], 'tester', { keepIdentities: true });
    expect(listMetrics(a)[0]!.subject).toBe('alice@example.com');
    a.close();
    expect(readFileSync(file).includes('alice@example.com')).toBe(true);
  });
});
