import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { COVERAGE_RULE } from '../../shared/domain/coverage';
import { runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

describe('assessment status', () => {
  it('derives coverage per framework from control states, never typed in', () => {
    const dir = tempDir();
    const file = join(dir, 's.assay');
    call(dir, 'assessment.create', { file, name: 'Status' });
    const eu = () => call(dir, 'assessment.status', { file }).coverage.find((f) => f.framework === 'eu-ai-act')!;
    const before = eu();
    expect(before).toMatchObject({ satisfied: 0, assessable: 134 });
    // MOD-18 is equal to Art. 14(1): implementing it satisfies that obligation.
    call(dir, 'controls.setState', { file, controlId: 'MOD-18', state: 'implemented' });
    const after = eu();
    expect(after.satisfied).toBeGreaterThanOrEqual(1);
    expect(after.not_satisfied).toBeLessThan(before.not_satisfied);
    expect(after.satisfied + after.partly + after.not_satisfied + after.not_applicable + after.governance_only).toBe(after.assessable);
  });

  it('assay status prints coverage, controls, systems and the rule', () => {
    const dir = tempDir();
    expect(runAssay(dir, ['new', 'a.assay', '--name', 'S']).code).toBe(0);
    const r = runAssay(dir, ['status', 'a.assay']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/EU AI Act\s+134\s+0\s+0\s+132\s+0\s+2/);
    expect(r.out).toContain(`How coverage is derived: ${COVERAGE_RULE}`);
    const json = JSON.parse(runAssay(dir, ['status', 'a.assay', '--json']).out) as { systems: { total: number } };
    expect(json.systems.total).toBe(0);
  });
});

describe('the README', () => {
  it('quotes the coverage rule exactly as the code applies it', () => {
    const quoted = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => l.slice(2))
      .join(' ');
    expect(quoted).toContain(COVERAGE_RULE);
  });
});
