import { describe, expect, it } from 'vitest';
import type { ControlState } from '../../shared/domain/control-state';
import { type CoverageCatalog, type CoverageEntry, buildCoverageModel } from '../../shared/domain/coverage';
import { coverageReport, scopeFor } from '../../shared/domain/coverage-report';

/** Two frameworks: a plain one and an EU AI Act stand-in whose obligations a system's class selects. */
const catalog: CoverageCatalog = {
  frameworks: [
    { id: 'fw', items: [{ id: 'A', assessable: true }, { id: 'B', assessable: true }] },
    { id: 'eu-ai-act', items: [{ id: 'Art. 9', assessable: true }, { id: 'Art. 50', assessable: true }] },
  ],
  control_requirements: [
    { control: 'AAA-01', requirement: 'fw:A', relationship: 'equal' },
    { control: 'AAA-02', requirement: 'fw:B', relationship: 'subset' },
    { control: 'AAA-03', requirement: 'fw:B', relationship: 'superset' },
    { control: 'AAA-04', requirement: 'eu-ai-act:Art. 9', relationship: 'equal' },
    { control: 'AAA-05', requirement: 'eu-ai-act:Art. 50', relationship: 'equal' },
  ],
  coverage_sets: [],
};
const model = buildCoverageModel(catalog);
const entry = (controlId: string, state: ControlState, systemId: string | null = null): CoverageEntry => ({
  controlId,
  systemId,
  state,
  justification: state === 'not_applicable' ? 'this system holds no such data' : null,
});
const summary = (rows: { framework: string }[], fw: string) => rows.find((r) => r.framework === fw);

describe('the coverage report: organisation, then each system', () => {
  const entries = [entry('AAA-01', 'implemented'), entry('AAA-02', 'implemented'), entry('AAA-01', 'in_progress', 'S1'), entry('AAA-03', 'implemented', 'S2')];
  const report = coverageReport(model, entries, [
    { id: 'S1', name: 'One', euObligations: null },
    { id: 'S2', name: 'Two', euObligations: new Set(['eu-ai-act:Art. 50']) },
  ]);

  it("counts the organisation's entries for the organisation", () => {
    expect(summary(report.organisation, 'fw')).toMatchObject({ assessable: 2, satisfied: 1, partly: 1 });
    expect(report.gaps.map((g) => [g.requirement, g.status, g.closers.map((c) => `${c.control}:${c.closes}`)])).toEqual([
      ['fw:B', 'partly', ['AAA-03:alone']],
      ['eu-ai-act:Art. 9', 'not_satisfied', ['AAA-04:alone']],
      ['eu-ai-act:Art. 50', 'not_satisfied', ['AAA-05:alone']],
    ]);
    expect(report.closeFirst.map((c) => c.control)).toEqual(['AAA-03', 'AAA-04', 'AAA-05']);
  });

  it("lets a system's own entry override the organisation's, for that system only", () => {
    const [one, two] = report.systems;
    expect(one).toMatchObject({ systemId: 'S1', ownEntries: 1 });
    expect(summary(one!.frameworks, 'fw')).toMatchObject({ satisfied: 0, partly: 1, not_satisfied: 1 });
    expect(one!.closeFirst[0]).toMatchObject({ control: 'AAA-01', closesAlone: 1 });
    expect(summary(two!.frameworks, 'fw')).toMatchObject({ satisfied: 2 });
  });

  it("counts only the EU AI Act obligations a classified system's class and roles select", () => {
    const [one, two] = report.systems;
    expect(summary(one!.frameworks, 'eu-ai-act')).toMatchObject({ assessable: 2 });
    expect(summary(two!.frameworks, 'eu-ai-act')).toMatchObject({ assessable: 1, not_satisfied: 1 });
    expect(two!.gaps).toBe(1);
    expect(scopeFor({ euObligations: new Set(['eu-ai-act:Art. 9']) }).applies!('fw:A')).toBe(true);
    expect(scopeFor({ euObligations: new Set(['eu-ai-act:Art. 9']) }).applies!('eu-ai-act:Art. 50')).toBe(false);
  });

  it('takes not applicable for a system from its own justified entries', () => {
    const r = coverageReport(model, [entry('AAA-04', 'not_applicable', 'S1')], [{ id: 'S1', name: 'One', euObligations: null }]);
    expect(summary(r.systems[0]!.frameworks, 'eu-ai-act')).toMatchObject({ not_applicable: 1, not_satisfied: 1 });
    expect(summary(r.organisation, 'eu-ai-act')).toMatchObject({ not_applicable: 0, not_satisfied: 2 });
  });
});
