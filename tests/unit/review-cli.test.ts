import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAssay, tempDir } from './helpers';

/** The review forms of the issue, through the real `assay` entry, as an auditor's pipeline calls them. */

describe('assay review and merge-review', () => {
  it('verifies read-only, keeps graded findings, packs them, and merges them into the assessor’s file', () => {
    const dir = tempDir();
    const assay = (...args: string[]) => runAssay(dir, args);
    expect(assay('new', 'client.assay', '--name', 'Client').code).toBe(0);
    copyFileSync(join(dir, 'client.assay'), join(dir, 'auditor.assay'));

    const verified = assay('review', 'auditor.assay');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^OK: .*auditor\.assay \(head 1:[0-9a-f]{64}\)/);
    expect(verified.out).toMatch(/ok {3}replay: replaying the log/);
    const head = /\(head (\d+:[0-9a-f]{64})\)/.exec(verified.out)![1]!;
    const wrongHead = assay('review', 'auditor.assay', '--expect-head', `2:${'a'.repeat(64)}`);
    expect(wrongHead.code).toBe(1);
    expect(wrongHead.out).toMatch(/FAIL anchor/);

    const badGrade = assay('review', 'add-finding', 'auditor.assay', '--on', 'control:GOV-01', '--grade', 'serious', '--text', 'x');
    expect(badGrade.code).toBe(2);
    expect(badGrade.err).toMatch(/--grade must be one of major, minor, observation, improvement, comment \(got "serious"\)/);
    const badTarget = assay('review', 'add-finding', 'auditor.assay', '--on', 'GOV-01', '--grade', 'minor', '--text', 'x');
    expect(badTarget.code).toBe(2);
    expect(badTarget.err).toMatch(/--on "GOV-01" is not <kind>:<id>/);

    const added = assay('review', 'add-finding', 'auditor.assay', '--on', 'control:GOV-01', '--grade', 'major', '--text', 'No AI policy exists.', '--reviewer', 'Ada Auditor');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/started .*auditor\.assayreview:\n#1 Major nonconformity on control:GOV-01 \(Ada Auditor/);
    const packed = assay('review', 'pack', 'auditor.assay', '--out', 'back.assayreview');
    expect(packed.code).toBe(0);
    expect(assay('review', 'pack', 'auditor.assay', '--out', 'back.assayreview').err).toMatch(/already exists/);

    const merged = assay('merge-review', 'client.assay', 'back.assayreview');
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/merged: RV-001/);
    const status = assay('review', 'set-status', 'client.assay', 'RV-001', '--status', 'addressed', '--note', 'Policy drafted');
    expect(status.code).toBe(0);
    const items = JSON.parse(assay('review', 'items', 'client.assay', '--on', 'control:GOV-01', '--json').out) as { items: { id: string; status: string; statusBy: string }[] };
    expect(items.items).toEqual([expect.objectContaining({ id: 'RV-001', status: 'addressed', statusBy: 'ci-bot' })]);
    expect(assay('verify', 'client.assay').code).toBe(0);

    // A tampered file fails the review check with exit 1 and names what is wrong.
    const db = new Database(join(dir, 'client.assay'));
    db.prepare("UPDATE review_item SET text = 'Fine.' WHERE id = 'RV-001'").run();
    db.close();
    const tampered = assay('review', 'client.assay');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/FAIL replay: .*review_item row RV-001, field text/);
    expect(head).toMatch(/^1:/);
    // Each step is a fresh process, as in a pipeline; on a busy machine that is several seconds each.
  }, 240_000);
});
