import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll } from '../../electron/handlers/open-files';
import { buildSample } from '../../electron/sample/build-sample';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

describe('the dashboard', () => {
  it('answers where the sample stands, from the same figures as status and check, without writing', () => {
    const dir = tempDir();
    const file = join(dir, 'northwind.assay');
    buildSample(file, { today: '2026-11-28', base: testContext(dir) });
    const before = fileHash(file);

    const d = call(dir, 'assessment.dashboard', { file });
    const status = call(dir, 'assessment.status', { file });
    const check = call(dir, 'assessment.check', { file });
    expect(d.status.coverage).toEqual(status.coverage);
    expect(d.status.systems).toMatchObject({ total: 4, classified: 4, highRisk: 1 });
    expect(d.checks.counts).toEqual(check.counts);
    expect(d.checks.top[0]!.severity).toBe('error');
    // Overdue: the sample's conformity assessment (GOV-08) was due 14 days before the day it was built.
    expect(d.checks.overdue.map((f) => f.target.id)).toEqual(expect.arrayContaining(['GOV-08', 'MOD-02']));
    expect(d.checks.overdue.every((f) => /overdue/.test(f.rule))).toBe(true);
    // Top gaps: open controls first by requirements they would close alone, each named.
    expect(d.topGaps.length).toBeGreaterThan(0);
    for (let i = 1; i < d.topGaps.length; i++) expect(d.topGaps[i - 1]!.closesAlone).toBeGreaterThanOrEqual(d.topGaps[i]!.closesAlone);
    expect(d.topGaps[0]!.name).not.toBe(d.topGaps[0]!.control);
    // Recent activity: newest first, named people, labels for people.
    expect(d.recent).toHaveLength(8);
    expect(d.recent[0]!.seq).toBeGreaterThan(d.recent[7]!.seq);
    // Labels as people read them, never the command behind them.
    expect(d.recent.every((r) => r.label.length > 0 && !/^[a-z]+\.[a-zA-Z]+$/.test(r.label))).toBe(true);
    expect(['Maria Keller', 'Tom Becker', 'Aisha Rahman', 'Jonas Weber', 'Lena Fischer']).toContain(d.recent[0]!.actorName);
    closeAll();
    expect(fileHash(file)).toBe(before);
  });
});
