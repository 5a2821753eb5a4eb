import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHash, runAssay, tempDir } from './helpers';

const answers = resolve('examples/classification-credit-scoring.json');

describe('assay check', () => {
  it('lists what an auditor would find, errors first, and exits 1 while any is an error', () => {
    const dir = tempDir();
    const run = (...args: string[]) => runAssay(dir, args);
    expect(run('new', 'c.assay', '--name', 'Check demo').code).toBe(0);
    expect(run('systems', 'add', 'c.assay', '--name', 'Support bot', '--role', 'deployer', '--model-type', 'llm').code).toBe(0);
    expect(run('systems', 'add', 'c.assay', '--name', 'Credit scoring', '--role', 'deployer', '--model-type', 'classifier').code).toBe(0);
    expect(run('classify', 'c.assay', 'Credit scoring', '--answers', answers).code).toBe(0);

    const before = fileHash(join(dir, 'c.assay'));
    const failing = run('check', 'c.assay', '--json');
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.out) as { findings: { rule: string; severity: string; target: { id: string; systemId?: string } }[]; counts: Record<string, number> };
    expect(report.findings[0]!.severity).toBe('error');
    const rules = report.findings.map((f) => `${f.rule} ${f.target.id}${f.target.systemId ? `@${f.target.systemId}` : ''}`);
    // Credit scoring (Annex III 5(b)) deployed by us: Art. 27 and deployer oversight apply; the bot is unclassified.
    expect(rules).toEqual(expect.arrayContaining(['fria-missing GOV-07@SYS-002', 'human-oversight-missing HUM-01@SYS-002', 'system-unclassified SYS-001']));
    expect(report.counts.error).toBe(2);
    // check is read-only.
    expect(fileHash(join(dir, 'c.assay'))).toBe(before);

    // Fixing the two controls for the organisation clears the errors; the warning stays, the exit code is 0.
    expect(run('set-state', 'c.assay', 'GOV-07', 'implemented').code).toBe(0);
    expect(run('set-state', 'c.assay', 'HUM-01', 'implemented', '--due', '2026-01-31').code).toBe(0);
    const passing = run('check', 'c.assay');
    expect(passing.code, passing.err).toBe(0);
    expect(passing.out).toMatch(/0 errors, \d+ warnings?/);
    expect(passing.out).toContain('WARNING System not classified');
    expect(passing.out).toContain('fix at: system SYS-001');
    // Implemented without evidence is a warning naming the control.
    expect(passing.out).toMatch(/Implemented control without evidence\n\s+GOV-07 Fundamental-rights impact assessment is marked implemented for the organisation/);
  }, 90_000); // several command-line runs, each a process start

  it('judges dates as of a given day, and refuses a date that is not one', () => {
    const dir = tempDir();
    const run = (...args: string[]) => runAssay(dir, args);
    run('new', 'c.assay', '--name', 'Dates');
    run('set-state', 'c.assay', 'GOV-01', 'in_progress', '--due', '2026-03-01');
    const early = JSON.parse(run('check', 'c.assay', '--as-of', '2026-02-01', '--json').out) as { findings: { rule: string }[] };
    expect(early.findings.map((f) => f.rule)).not.toContain('control-overdue');
    const late = JSON.parse(run('check', 'c.assay', '--as-of', '2026-03-02', '--json').out) as { findings: { rule: string; message: string }[] };
    expect(late.findings.find((f) => f.rule === 'control-overdue')?.message).toContain('was due on 2026-03-01');
    const bad = run('check', 'c.assay', '--as-of', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/as ?of/i);
  }, 90_000); // several command-line runs, each a process start
});

describe('Art. 27 for public bodies', () => {
  it('a public body deploying any Annex III high-risk system (not area 2) needs its FRIA; the flag comes from systems add', () => {
    const dir = tempDir();
    const run = (...args: string[]) => runAssay(dir, args);
    run('new', 'p.assay', '--name', 'City');
    // Annex III area 4 (employment) is outside Art. 27's point 5(b)/(c) case: only a public body makes the FRIA due.
    const answers = join(dir, 'hiring.json');
    writeFileSync(answers, JSON.stringify({ ...JSON.parse(readFileSync(resolve('examples/classification-credit-scoring.json'), 'utf8')), annex3_areas: ['4'], annex3_area_4: ['a'], annex3_area_5: undefined }));
    expect(run('systems', 'add', 'p.assay', '--name', 'Private hiring', '--role', 'deployer').code).toBe(0);
    expect(run('systems', 'add', 'p.assay', '--name', 'City hiring', '--role', 'deployer', '--public-body-or-service').code).toBe(0);
    for (const name of ['Private hiring', 'City hiring']) expect(run('classify', 'p.assay', name, '--answers', answers).code).toBe(0);
    const report = JSON.parse(run('check', 'p.assay', '--json').out) as { findings: { rule: string; target: { systemId?: string } }[] };
    expect(report.findings.filter((f) => f.rule === 'fria-missing').map((f) => f.target.systemId)).toEqual(['SYS-002']);
  }, 90_000); // several command-line runs, each a process start
});
