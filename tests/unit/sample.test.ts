import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHash, runAssay, tempDir } from './helpers';

describe('assay sample', () => {
  it('writes the fictional lender through the command table: systems, classes, every kind of entry, a history that verifies', () => {
    const dir = tempDir();
    const run = (...args: string[]) => runAssay(dir, args);
    const made = run('sample', 'northwind.assay', '--json');
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ name: 'Northwind Financial (sample)', systems: 4 });

    const systems = JSON.parse(run('systems', 'northwind.assay', '--json').out) as { name: string; roles: string[]; agent?: { tools: unknown[] }; classification: { labels: string[] } | null }[];
    expect(systems.map((s) => s.name)).toEqual(['Customer support assistant', 'Credit scoring model', 'Internal coding assistant', 'Procurement agent']);
    expect(systems.every((s) => s.classification !== null)).toBe(true);
    expect(systems[1]!.classification!.labels.join(' ')).toMatch(/High-risk.*Annex III point 5\(b\)/);
    expect(systems[0]!.classification!.labels.join(' ')).toContain('Art. 50(1)');
    expect(systems[3]!.agent!.tools.length).toBeGreaterThan(0);

    const controls = JSON.parse(run('controls', 'northwind.assay', '--json').out) as { id: string; state: string; owner: string | null; dueDate: string | null; justification: string | null }[];
    const states = new Set(controls.map((c) => c.state));
    expect([...states].sort()).toEqual(['implemented', 'in_progress', 'not_applicable', 'not_started']);
    expect(controls.filter((c) => c.owner).length).toBeGreaterThan(10);
    expect(controls.find((c) => c.state === 'not_applicable')!.justification).toBeTruthy();

    // Several people made the history, and it replays.
    const people = JSON.parse(run('people', 'northwind.assay', '--json').out) as { name: string }[];
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Maria Keller', 'Tom Becker', 'Aisha Rahman', 'Jonas Weber', 'Lena Fischer']));
    const verified = run('verify', 'northwind.assay');
    expect(verified.code, verified.out + verified.err).toBe(0);

    // Evidence stored inside the file with its hash, risks with an accepted one, decided threats, an own control.
    const evidence = JSON.parse(run('evidence', 'northwind.assay', '--json').out) as { sha256: string; links: { system: string | null }[] }[];
    expect(evidence.length).toBeGreaterThanOrEqual(4);
    expect(evidence.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    expect(evidence.some((e) => e.links.some((l) => l.system === 'SYS-002'))).toBe(true);
    const risks = JSON.parse(run('risks', 'northwind.assay', '--json').out) as { risks: { acceptanceStatus: string }[] };
    expect(risks.risks.map((r) => r.acceptanceStatus)).toContain('current');
    const threats = JSON.parse(run('threats', 'northwind.assay', 'SYS-002', '--json').out) as { threatId: string; decision: string | null }[];
    expect(threats.find((t) => t.threatId === 'THR-34')?.decision).toBe('added');
    expect(controls.length).toBeGreaterThan(82);

    // The checks find what an auditor would: an overdue control and the missing FRIA for the credit model.
    const check = JSON.parse(run('check', 'northwind.assay', '--json').out) as { findings: { rule: string; target: { id: string } }[] };
    expect(check.findings.map((f) => `${f.rule} ${f.target.id}`)).toEqual(expect.arrayContaining(['fria-missing GOV-07', 'control-overdue GOV-08', 'agent-unmonitored MON-02']));
  }, 90_000); // several command-line runs, each a process start

  it('never writes over an existing file', () => {
    const dir = tempDir();
    runAssay(dir, ['new', 'mine.assay', '--name', 'Mine']);
    const before = fileHash(join(dir, 'mine.assay'));
    const r = runAssay(dir, ['sample', 'mine.assay']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('mine.assay: already exists');
    expect(fileHash(join(dir, 'mine.assay'))).toBe(before);
    expect(existsSync(join(dir, 'other.txt'))).toBe(false);
    expect(runAssay(dir, ['sample', 'other.txt']).err).toContain('must end in .assay');
  }, 90_000); // several command-line runs, each a process start
});
