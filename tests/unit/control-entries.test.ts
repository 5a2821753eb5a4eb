import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function assessment(dir: string): string {
  const file = join(dir, 'entries.assay');
  call(dir, 'assessment.create', { file, name: 'Entries' });
  return file;
}

describe('control entries: owner, due date, maturity, notes, reviews', () => {
  it('keeps what a change leaves out, clears what it sets to null, and records the owner as a person', () => {
    const dir = tempDir();
    const file = assessment(dir);
    const first = call(dir, 'controls.setState', {
      file,
      controlId: 'GOV-01',
      state: 'in_progress',
      details: { owner: 'Dana Chen', dueDate: '2026-12-31', maturity: 2, notes: 'Policy drafted', nextReview: '2027-03-01' },
    });
    expect(first.control).toMatchObject({ owner: 'Dana Chen', dueDate: '2026-12-31', maturity: 2, notes: 'Policy drafted', nextReview: '2027-03-01' });
    const second = call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented', details: { maturity: 3, dueDate: null } });
    expect(second.control).toMatchObject({ state: 'implemented', owner: 'Dana Chen', dueDate: null, maturity: 3, notes: 'Policy drafted' });
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE payload LIKE '%Dana%'").get()).toEqual({ n: 0 });
    db.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses bad details by field, in plain words, changing nothing', () => {
    const dir = tempDir();
    const file = assessment(dir);
    const before = fileHash(file);
    const bad = dispatch('controls.setState', { file, controlId: 'GOV-01', state: 'in_progress', details: { maturity: 9, dueDate: '31/12/2026' } }, testContext(dir));
    expect(!bad.ok && bad.error.message).toMatch(/details\.maturity: maturity must be a whole number from 0 to 5/);
    expect(!bad.ok && bad.error.message).toMatch(/details\.dueDate: a date must be a real date written as YYYY-MM-DD/);
    const reviews = dispatch('controls.setState', { file, controlId: 'GOV-01', state: 'in_progress', details: { lastReview: '2026-12-01', nextReview: '2026-11-01' } }, testContext(dir));
    expect(!reviews.ok && reviews.error.message).toMatch(/the next review \(2026-11-01\) cannot be before the last review \(2026-12-01\)/);
    expect(fileHash(file)).toBe(before);
  });

  it('is covered by verify: an owner or due date changed behind Assay is named', () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'in_progress', details: { dueDate: '2026-12-31' } });
    const db = new Database(file);
    db.prepare("UPDATE control_state SET due_date = '2027-06-30' WHERE control_id = 'GOV-01'").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/control_state row GOV-01, field due_date: the log says "2026-12-31", the file holds "2027-06-30"/);
  });

  it('set-state takes --owner, --due, --maturity and --notes on the command line', () => {
    const dir = tempDir();
    expect(runAssay(dir, ['new', 'a.assay', '--name', 'CLI']).code).toBe(0);
    const r = runAssay(dir, ['set-state', 'a.assay', 'GOV-01', 'in-progress', '--owner', 'Sam Lee', '--due', '2027-01-15', '--maturity', '1', '--notes', 'Started']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('owner: Sam Lee');
    expect(r.out).toContain('maturity: 1 (Initial)');
    expect(runAssay(dir, ['controls', 'a.assay']).out).toMatch(/GOV-01\s+In progress\s+organisational\s+Sam Lee\s+2027-01-15/);
    const bad = runAssay(dir, ['set-state', 'a.assay', 'GOV-01', 'in-progress', '--maturity', 'high']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/details\.maturity: maturity must be a whole number from 0 to 5/);
  });
});
