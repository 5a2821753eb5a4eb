import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown, actor = 'tester'): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir, { actor }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function assessmentWithHistory(dir: string): string {
  const file = join(dir, 'log.assay');
  call(dir, 'assessment.create', { file, name: 'Log' });
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'in_progress' }, 'alice');
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented' }, 'bob');
  // A justification that a spreadsheet would run as a formula if exported raw.
  call(dir, 'controls.setState', { file, controlId: 'ACC-02', state: 'not_applicable', justification: '=HYPERLINK("http://x","click")' }, 'alice');
  return file;
}

describe('the audit log for auditors', () => {
  it('labels entries and names items as a person would, with before → after', () => {
    const dir = tempDir();
    const file = assessmentWithHistory(dir);
    const { entries, head, total } = call(dir, 'audit.list', { file });
    expect(total).toBe(4);
    expect(head).toMatch(/^4:[0-9a-f]{64}$/);
    expect(entries[3]).toMatchObject({ label: 'Assessment created', item: 'Log', actorName: 'tester' });
    expect(entries[1]).toMatchObject({ label: 'Control state changed', item: 'GOV-01 AI risk management system', change: 'In progress → Implemented', actorName: 'bob' });
  });

  it('filters by actor, kind and date', () => {
    const dir = tempDir();
    const file = assessmentWithHistory(dir);
    const all = call(dir, 'audit.list', { file });
    const alice = all.actors.find((a) => a.name === 'alice')!;
    expect(call(dir, 'audit.list', { file, actor: alice.id }).entries.map((e) => e.seq)).toEqual([4, 2]);
    expect(call(dir, 'audit.list', { file, kinds: ['assessment.create'] }).entries.map((e) => e.seq)).toEqual([1]);
    const today = all.entries[0]!.at.slice(0, 10);
    expect(call(dir, 'audit.list', { file, from: today, to: today }).entries).toHaveLength(4);
    expect(call(dir, 'audit.list', { file, to: '2000-01-01' }).entries).toHaveLength(0);
    const bad = dispatch('audit.list', { file, from: '28/11/2026' }, testContext(dir));
    expect(!bad.ok && bad.error.message).toMatch(/from: a date must be written as YYYY-MM-DD/);
  });

  it('exports the whole log as CSV with formulas neutralised and the head, and as JSON', () => {
    const dir = tempDir();
    const file = assessmentWithHistory(dir);
    const csv = call(dir, 'audit.export', { file, format: 'csv' });
    expect(csv.fileName).toBe('log-audit-log.csv');
    const rows = Papa.parse<Record<string, string>>(csv.content.split('\n# head')[0]!, { header: true }).data;
    expect(rows).toHaveLength(4);
    const change = rows[3]!.change!;
    expect(change).toContain('=HYPERLINK');
    expect(rows.every((r) => Object.values(r).every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
    expect(csv.content).toContain(`# head,${csv.head}`);
    const json = JSON.parse(call(dir, 'audit.export', { file, format: 'json' }).content) as { head: string; entries: unknown[] };
    expect(json.head).toBe(csv.head);
    expect(json.entries).toHaveLength(4);
  });

  it('records the display name set once in the settings; ASSAY_ACTOR wins over it', () => {
    const dir = tempDir();
    expect(call(dir, 'app.settings', {})).toMatchObject({ displayName: null, actorSource: 'system' });
    expect(call(dir, 'app.setDisplayName', { displayName: '  Dana Auditor ' })).toMatchObject({ displayName: 'Dana Auditor', actor: 'Dana Auditor', actorSource: 'settings' });
    const file = join(dir, 'named.assay');
    call(dir, 'assessment.create', { file, name: 'Named' });
    expect(call(dir, 'audit.list', { file }).entries[0]!.actorName).toBe('Dana Auditor');
    const env = dispatch('app.settings', {}, testContext(dir, { actor: 'pipeline', actorFromEnvironment: true }));
    expect(env.ok && env.value).toMatchObject({ actor: 'pipeline', actorSource: 'environment' });
    const bad = dispatch('app.setDisplayName', { displayName: 'x\u001b[2J' }, testContext(dir));
    expect(!bad.ok && bad.error.message).toMatch(/displayName: a display name cannot contain control characters/);
  });
});

describe('assay audit --csv', () => {
  it('prints a CSV whose hashes read back intact (no escaped line ends inside cells)', () => {
    const dir = tempDir();
    const file = assessmentWithHistory(dir);
    const r = runAssay(dir, ['audit', file, '--csv']);
    expect(r.code, r.err).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.out.split('\n# head')[0]!, { header: true }).data;
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.out).toMatch(/^# head,4:[0-9a-f]{64}$/m);
  });
});
