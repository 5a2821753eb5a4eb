import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll, useForWriting } from '../../electron/handlers/open-files';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import type { CommandName } from '../../shared/commands';
import { chainDivergence } from '../../shared/domain/diff/chain';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call(dir: string, name: CommandName, input: unknown): unknown {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** An assessment with a system and imported red-team findings, through the script the browser tests use. */
function seeded(dir: string): string {
  const file = join(dir, 'a.assay');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/e2e/seed-findings.ts', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return file;
}

const item = (d: AssessmentDiff, kind: string, key: string) => d.sections.find((s) => s.kind === kind)?.items.find((i) => i.key === key);

describe('comparing two copies of an assessment', () => {
  it('lists each kind of change between a copy and a later one, with old -> new per field, and says b extends a', () => {
    const dir = tempDir();
    const a = seeded(dir);
    call(dir, 'controls.setState', { file: a, controlId: 'GOV-01', state: 'in_progress', system: 'SYS-001' });
    closeAll();
    const b = join(dir, 'b.assay');
    copyFileSync(a, b);
    const before = fileHash(a);

    call(dir, 'systems.add', { file: b, system: { name: 'Claims triage', roles: ['deployer'] } });
    call(dir, 'systems.update', { file: b, system: 'SYS-001', changes: { purpose: 'Answers customer questions' } });
    call(dir, 'controls.setState', { file: b, controlId: 'GOV-02', state: 'implemented' });
    call(dir, 'controls.removeSystemEntry', { file: b, controlId: 'GOV-01', system: 'SYS-001' });
    call(dir, 'risks.add', { file: b, risk: { system: 'SYS-001', title: 'Prompt injection leaks data', likelihood: 3, impact: 4, treatment: 'mitigate' } });
    call(dir, 'findings.update', { file: b, finding: 'FND-001', changes: { status: 'in_remediation', owner: 'Dana Lee' } });
    const note = join(dir, 'policy.txt');
    writeFileSync(note, 'AI use policy v1');
    addEvidenceFiles(useForWriting(b, 'tester').assessment, { paths: [note] }, 'tester');
    closeAll();

    const d = call(dir, 'assessment.diff', { file: a, other: b }) as AssessmentDiff;
    expect(fileHash(a)).toBe(before); // read-only
    expect(item(d, 'systems', 'SYS-002')).toMatchObject({ change: 'added', label: expect.stringContaining('Claims triage') });
    expect(item(d, 'systems', 'SYS-001')!.fields).toContainEqual({ field: 'purpose', old: null, new: 'Answers customer questions' });
    expect(item(d, 'controls', 'GOV-02')).toMatchObject({ change: 'added', fields: [] });
    expect(item(d, 'system-controls', 'SYS-001|GOV-01')).toMatchObject({ change: 'removed', label: 'SYS-001 (Support assistant) · GOV-01' });
    expect(item(d, 'risks', 'RSK-001')).toMatchObject({ change: 'added', label: expect.stringContaining('Prompt injection leaks data') });
    expect(item(d, 'findings', 'FND-001')!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'status', new: 'in_remediation' })]));
    expect(item(d, 'evidence', 'EV-001')).toMatchObject({ change: 'added' });
    expect(d.chain).toMatchObject({ relation: 'b-extends-a', common: d.a.head.count, a: d.a.head, b: d.b.head });
    expect(d.chain.summary).toBe(`b extends a by ${d.b.head.count - d.a.head.count} entries (a ends at entry ${d.a.head.count}, b at ${d.b.head.count})`);

    // The other way round, what b added a lacks: the same items, added becomes removed.
    const back = call(dir, 'assessment.diff', { file: b, other: a }) as AssessmentDiff;
    expect(item(back, 'systems', 'SYS-002')!.change).toBe('removed');
    expect(back.chain.relation).toBe('a-extends-b');
  }, 180_000);

  it('finds the fork when both copies changed after they parted, and calls different assessments unrelated', () => {
    const dir = tempDir();
    const a = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file: a, name: 'Copy test' });
    call(dir, 'controls.setState', { file: a, controlId: 'GOV-01', state: 'in_progress' });
    closeAll();
    const b = join(dir, 'b.assay');
    copyFileSync(a, b);
    call(dir, 'controls.setState', { file: a, controlId: 'GOV-02', state: 'implemented' });
    call(dir, 'controls.setState', { file: b, controlId: 'GOV-03', state: 'implemented' });
    call(dir, 'controls.setState', { file: b, controlId: 'GOV-04', state: 'implemented' });
    const d = call(dir, 'assessment.diff', { file: a, other: b }) as AssessmentDiff;
    expect(d.chain).toMatchObject({ relation: 'fork', common: 2, firstDifferent: 3, a: { count: 3 }, b: { count: 4 } });
    expect(d.chain.summary).toBe('the logs fork at entry 3: 2 entries shared, then 1 entry only in a and 2 entries only in b');
    expect(d.sections.map((s) => s.kind)).toEqual(['controls']);
    expect(d.sections[0]!.items.map((i) => `${i.key} ${i.change}`)).toEqual(['GOV-02 removed', 'GOV-03 added', 'GOV-04 added']);

    const other = join(dir, 'other.assay');
    call(dir, 'assessment.create', { file: other, name: 'Copy test' });
    const u = call(dir, 'assessment.diff', { file: a, other }) as AssessmentDiff;
    expect(u.chain.relation).toBe('unrelated');
    expect(u.chain.summary).toMatch(/^unrelated assessments: a is [0-9a-f-]{36}, b is [0-9a-f-]{36}/);
    expect(dispatch('assessment.diff', { file: a, other: a }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }, 120_000);

  it('places the divergence from the hashes alone: same, prefix either way, fork at the first differing entry', () => {
    const side = (hashes: string[], id = 'x') => ({ id, hashes });
    expect(chainDivergence(side(['h1', 'h2']), side(['h1', 'h2']))).toMatchObject({ relation: 'same', common: 2, summary: 'the same log: both end at entry 2' });
    expect(chainDivergence(side([]), side(['h1']))).toMatchObject({ relation: 'b-extends-a', common: 0, summary: 'b extends a by 1 entry (a ends at entry 0, b at 1)' });
    expect(chainDivergence(side(['h1', 'h2', 'h3']), side(['h1']))).toMatchObject({ relation: 'a-extends-b', common: 1, a: { count: 3, hash: 'h3' }, b: { count: 1, hash: 'h1' } });
    expect(chainDivergence(side(['h1', 'x2']), side(['h1', 'y2', 'y3']))).toMatchObject({ relation: 'fork', common: 1, firstDifferent: 2 });
    expect(chainDivergence(side(['h1']), side(['h1'], 'y')).relation).toBe('unrelated');
  });

  it('prints the diff grouped by kind through the real command line, and as JSON with --json', () => {
    const dir = tempDir();
    const a = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file: a, name: 'Sent to the auditor' });
    call(dir, 'controls.setState', { file: a, controlId: 'GOV-02', state: 'in_progress' });
    closeAll();
    copyFileSync(a, join(dir, 'b.assay'));
    call(dir, 'controls.setState', { file: join(dir, 'b.assay'), controlId: 'GOV-02', state: 'not_applicable', justification: 'No AI is built here' });
    closeAll();
    const text = runAssay(dir, ['diff', 'a.assay', 'b.assay']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('audit log: b extends a by 1 entry (a ends at entry 2, b at 3)');
    expect(text.out).toMatch(/Control entries \(organisation-wide\) \(1\)\n {2}~ GOV-02 {2}changed\n {6}justification: \(empty\) -> "No AI is built here"\n {6}state: "in_progress" -> "not_applicable"/);
    const json = runAssay(dir, ['diff', 'a.assay', 'b.assay', '--json']);
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.out) as AssessmentDiff;
    expect(parsed).toMatchObject({ total: 1, chain: { relation: 'b-extends-a' }, sections: [{ kind: 'controls', items: [{ key: 'GOV-02', change: 'changed' }] }] });
    const missing = runAssay(dir, ['diff', 'a.assay', 'nope.assay']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.assay');
  }, 180_000);
});
