import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll } from '../../electron/handlers/open-files';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import type { ReviewDoc } from '../../shared/domain/review/model';
import { fileHash, tempDir, testContext } from './helpers';

/**
 * The auditor's review end to end on real files: the auditor's copy is only read, findings go to
 * a hash-chained review file, the package comes back and is merged into the assessor's file, whose
 * log records the merge and replays it.
 */

type Result<N extends CommandName> = { ok: true; value: CommandOutput<N> } | { ok: false; error: { code: string; message: string } };
const call = <N extends CommandName>(dir: string, name: N, input: unknown) => dispatch(name, input, testContext(dir)) as Result<N>;
function must<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const r = call(dir, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}
const head = (file: string) => verifyFile(file).head;

/** The assessor's file and the copy the auditor received. */
function setup() {
  const dir = tempDir();
  const file = join(dir, 'client.assay');
  must(dir, 'assessment.create', { file, name: 'Client' });
  must(dir, 'systems.add', { file, system: { name: 'Claims triage', roles: ['deployer'] } });
  must(dir, 'risks.add', { file, risk: { system: 'SYS-001', title: 'Biased triage', likelihood: 3, impact: 4, treatment: 'mitigate' } });
  closeAll();
  const copy = join(dir, 'auditor.assay');
  copyFileSync(file, copy);
  return { dir, file, copy };
}

function reviewed(dir: string, copy: string) {
  must(dir, 'review.addEntry', { file: copy, entry: { grade: 'minor', target: { kind: 'control', id: 'GOV-01' }, text: 'The AI policy has no approval record.' }, reviewer: 'Ada Auditor' });
  must(dir, 'review.addEntry', { file: copy, entry: { grade: 'observation', target: { kind: 'risk', id: 'RSK-001' }, text: 'Residual score not justified.' }, reviewer: 'Ada Auditor' });
  must(dir, 'review.addEntry', { file: copy, entry: { grade: 'comment', target: { kind: 'requirement', id: 'eu-ai-act:Art. 9(1)' }, text: 'Risk management reads well.' }, reviewer: 'Ada Auditor' });
  const pkg = join(dir, 'back.assayreview');
  must(dir, 'review.pack', { file: copy, out: pkg });
  return pkg;
}

describe("the auditor's review", () => {
  it('keeps the auditor’s copy untouched, chains the review, and merges it once into the assessor’s file', () => {
    const { dir, file, copy } = setup();
    const before = fileHash(copy);
    const verified = must(dir, 'review.verify', { file: copy });
    expect(verified.ok).toBe(true);
    expect(verified.assessment.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['audit chain', 'replay']));
    const pkg = reviewed(dir, copy);
    closeAll();
    expect(fileHash(copy)).toBe(before);
    const listed = must(dir, 'review.list', { file: copy });
    expect(listed.doc.entries.map((e) => e.grade)).toEqual(['minor', 'observation', 'comment']);
    expect(listed.doc.review.reviewedHead.count).toBe(Number(head(file).split(':')[0]));

    const start = head(file);
    const dry = must(dir, 'review.merge', { file, package: pkg, dryRun: true });
    expect(dry).toMatchObject({ merged: false, already: 0 });
    expect(dry.arriving).toHaveLength(3);
    closeAll();
    expect(head(file)).toBe(start);

    const merged = must(dir, 'review.merge', { file, package: pkg });
    expect(merged.items.map((i) => [i.id, i.grade, i.target.kind, i.status])).toEqual([
      ['RV-001', 'minor', 'control', 'open'],
      ['RV-002', 'observation', 'risk', 'open'],
      ['RV-003', 'comment', 'requirement', 'open'],
    ]);
    const again = must(dir, 'review.merge', { file, package: pkg });
    expect(again).toMatchObject({ merged: false, already: 3, arriving: [] });
    must(dir, 'review.setStatus', { file, id: 'RV-001', status: 'addressed', note: 'Approved by the board on 2026-12-01' });
    expect(must(dir, 'review.items', { file, item: { kind: 'control', id: 'GOV-01' } }).items).toEqual([
      expect.objectContaining({ id: 'RV-001', status: 'addressed', statusNote: 'Approved by the board on 2026-12-01', statusBy: 'tester' }),
    ]);
    closeAll();
    const result = verifyFile(file);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(Number(start.split(':')[0]) + 2);

    // The log is the record: a status edited in the table is caught by replay.
    const db = new Database(file);
    db.prepare("UPDATE review_item SET status = 'accepted' WHERE id = 'RV-001'").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/review_item row RV-001, field status/);
  });

  it('refuses, writing nothing, a package that was altered, cut, reordered, is for another assessment, or reviews a head not on this chain', () => {
    const { dir, file, copy } = setup();
    const pkg = reviewed(dir, copy);
    closeAll();
    const doc = JSON.parse(readFileSync(pkg, 'utf8')) as ReviewDoc;
    const variant = (name: string, change: (d: ReviewDoc) => void) => {
      const d = structuredClone(doc);
      change(d);
      const path = join(dir, `${name}.assayreview`);
      writeFileSync(path, JSON.stringify(d));
      return path;
    };
    const cases: [string, string, RegExp][] = [
      ['altered', variant('altered', (d) => void (d.entries[1]!.text = 'Nothing to see.')), /entry 2 was changed after it was written/],
      ['cut', variant('cut', (d) => void d.entries.splice(1, 1)), /entry 2 is numbered 3/],
      ['reordered', variant('reordered', (d) => void d.entries.reverse()), /entry 1 is numbered 3/],
      ['regraded', variant('regraded', (d) => void (d.entries[0]!.grade = 'observation')), /entry 1 was changed/],
      ['rebound', variant('rebound', (d) => void (d.review.reviewedHead.count -= 1)), /entry 1 does not follow .*header was changed/],
      ['not json', (writeFileSync(join(dir, 'junk.assayreview'), '{"format": "assay-review", '), join(dir, 'junk.assayreview')), /junk\.assayreview/],
    ];
    const start = fileHash(file);
    for (const [name, path, message] of cases) {
      const r = call(dir, 'review.merge', { file, package: path });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(message);
    }

    // Another assessment: same shape, another id (the header is re-chained so only the binding differs).
    const other = join(dir, 'other.assay');
    must(dir, 'assessment.create', { file: other, name: 'Other' });
    const foreign = call(dir, 'review.merge', { file: other, package: pkg });
    expect(!foreign.ok && foreign.error.message).toMatch(/reviews another assessment .*nothing was merged/);

    // The assessor's file moved on and was then replaced by a copy that diverged from what was reviewed.
    must(dir, 'systems.add', { file: copy, system: { name: 'Fork', roles: ['deployer'] } });
    closeAll();
    const forked = join(dir, 'forked.assay');
    copyFileSync(copy, forked);
    must(dir, 'review.addEntry', { file: forked, review: join(dir, 'late.assayreview'), entry: { grade: 'minor', target: { kind: 'control', id: 'GOV-01' }, text: 'x' } });
    const late = call(dir, 'review.merge', { file, package: join(dir, 'late.assayreview') });
    expect(!late.ok && late.error.message).toMatch(/only \d+ entries: it is an older copy/);
    closeAll();
    expect(fileHash(file)).toBe(start);

    // Both files took a different change at the same point: same length, different head.
    must(dir, 'systems.add', { file, system: { name: 'Other change', roles: ['provider'] } });
    const diverged = call(dir, 'review.merge', { file, package: join(dir, 'late.assayreview') });
    expect(!diverged.ok && diverged.error.message).toMatch(/the copies have diverged .*nothing was merged/);
  });

  it('binds the review to the head reviewed: once the assessment changes, the review file is refused', () => {
    const { dir, copy } = setup();
    must(dir, 'review.addEntry', { file: copy, entry: { grade: 'minor', target: { kind: 'control', id: 'GOV-01' }, text: 'First.' } });
    must(dir, 'systems.add', { file: copy, system: { name: 'Later', roles: ['deployer'] } });
    const r = call(dir, 'review.addEntry', { file: copy, entry: { grade: 'minor', target: { kind: 'control', id: 'GOV-01' }, text: 'Second.' } });
    expect(!r.ok && r.error.message).toMatch(/reviews the assessment at head \d+, but .* is now at head \d+/);
    const unknown = call(dir, 'review.addEntry', { file: copy, review: join(dir, 'new.assayreview'), entry: { grade: 'minor', target: { kind: 'evidence', id: 'EV-404' }, text: 'x' } });
    expect(!unknown.ok && unknown.error.message).toMatch(/evidence:EV-404: no such evidence item/);
    expect(existsSync(join(dir, 'new.assayreview'))).toBe(false);
  });

  it('opened read-only, the file refuses every editing command until it is closed', () => {
    const { dir, file, copy } = setup();
    const pkg = reviewed(dir, copy);
    closeAll();
    const summary = must(dir, 'assessment.open', { file, readOnly: true });
    expect(summary).toMatchObject({ readOnly: true, readNote: expect.stringMatching(/read-only for review/) });
    const before = fileHash(file);
    const edits: [CommandName, unknown][] = [
      ['systems.add', { file, system: { name: 'X', roles: ['deployer'] } }],
      ['risks.add', { file, risk: { system: 'SYS-001', title: 'Another risk', likelihood: 1, impact: 1, treatment: 'mitigate' } }],
      ['review.merge', { file, package: pkg }],
      ['review.setStatus', { file, id: 'RV-001', status: 'addressed' }],
      ['imports.run', { file, source: pkg }],
      ['evidence.add', { file, paths: [pkg] }],
    ];
    for (const [name, input] of edits) {
      const r = call(dir, name, input);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(/open read-only for review, so editing commands refuse/);
    }
    // Reading and verifying still work.
    expect(must(dir, 'review.verify', { file }).ok).toBe(true);
    expect(fileHash(file)).toBe(before);
    must(dir, 'assessment.close', { file });
    expect(must(dir, 'assessment.open', { file }).readOnly).toBe(false);
    expect(must(dir, 'review.merge', { file, package: pkg }).merged).toBe(true);
  });

  it('mutated packages never crash the merge nor merge part of a review', () => {
    const { dir, file, copy } = setup();
    const pkg = reviewed(dir, copy);
    closeAll();
    const bytes = readFileSync(pkg);
    const start = Number(head(file).split(':')[0]);
    let mergedOnce = false;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const mutated = Buffer.from(bytes);
        for (const [at, value] of flips) mutated[at] = value;
        const path = join(dir, 'mutated.assayreview');
        writeFileSync(path, mutated);
        const r = call(dir, 'review.merge', { file, package: path });
        if (r.ok) {
          // Only a harmless change (white space, an equivalent escape) can pass: then all of it arrives, once.
          expect(r.value.items.length === 3 || (mergedOnce && r.value.items.length === 0)).toBe(true);
          mergedOnce ||= r.value.items.length === 3;
        } else expect(['invalid_input', 'integrity', 'conflict', 'not_found']).toContain(r.error.code);
        const items = must(dir, 'review.items', { file }).items.length;
        expect(items === 0 || items === 3).toBe(true);
      }),
      { numRuns: 150, seed: 20261128 },
    );
    closeAll();
    expect(verifyFile(file).ok).toBe(true);
    expect(Number(head(file).split(':')[0])).toBeLessThanOrEqual(start + 1);
  });
});
