import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { addSampleHumanRisk } from '../../electron/sample/human-risk-sample';
import { humanRiskCorrelation, humanRiskSummary } from '../../electron/store/human-risk-views';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { addRisk } from '../../electron/store/risks';
import { addSystem } from '../../electron/store/systems';
import { verifyFile } from '../../electron/store/verify';
import { correlate, signalLevel, suggestLikelihood } from '../../shared/domain/human-risk/correlation';
import type { HumanMetric } from '../../shared/domain/human-risk/model';
import { type GroupFigures, groupFigures, summarise } from '../../shared/domain/human-risk/summary';
import { runAssay, tempDir } from './helpers';

type Figure = Parameters<typeof summarise>[0][number];
const fig = (over: Partial<HumanMetric>): Figure => ({
  subjectKind: 'group',
  subject: 'Sales',
  group: 'Sales',
  metric: 'phish_prone_pct',
  value: 10,
  valueText: null,
  measuredOn: '2026-01-10',
  control: 'HUM-04',
  source: 'knowbe4',
  ...over,
});
const group = (over: Partial<GroupFigures>): GroupFigures => ({ group: 'Sales', people: 0, phishPronePct: null, riskScore: null, trainingCompletionPct: null, grade: null, gradePoints: null, asOf: null, ...over });

describe('figures per control and their trend', () => {
  it('gives one value per month (the latest per subject), the organisation over groups over people, and the direction by what is better', () => {
    const s = summarise(
      [
        fig({ subject: 'Sales', value: 30, measuredOn: '2026-01-05' }),
        fig({ subject: 'Sales', value: 20, measuredOn: '2026-01-25' }),
        fig({ subject: 'Ops', group: 'Ops', value: 10, measuredOn: '2026-01-10' }),
        fig({ subjectKind: 'person', subject: 'p-0000000000000001', value: 90, measuredOn: '2026-01-10' }),
        fig({ subject: 'Sales', value: 12, measuredOn: '2026-02-03' }),
        fig({ subjectKind: 'organisation', subject: '', group: null, metric: 'risk_score', value: 40, control: 'HUM-05', measuredOn: '2026-01-01' }),
        fig({ subjectKind: 'organisation', subject: '', group: null, metric: 'risk_score', value: 45, control: 'HUM-05', measuredOn: '2026-02-01' }),
      ],
      { 'HUM-04': 'AI-generated phishing simulations' },
    );
    const phishing = s.controls.find((c) => c.control === 'HUM-04')!;
    expect(phishing.name).toBe('AI-generated phishing simulations');
    expect(phishing.figures[0]).toMatchObject({ metric: 'phish_prone_pct', series: [{ period: '2026-01', value: 15 }, { period: '2026-02', value: 12 }], latest: 12, previous: 15, direction: 'better', subjects: 1 });
    expect(s.controls.find((c) => c.control === 'HUM-05')!.figures[0]).toMatchObject({ latest: 45, previous: 40, direction: 'worse' });
    expect(s.controls.find((c) => c.control === 'HUM-02')!.figures).toEqual([]);
  });

  it('training status becomes the share of people done; counts add up', () => {
    const s = summarise(
      [
        fig({ subjectKind: 'person', subject: 'p-1', metric: 'training_status', value: 1, control: 'HUM-02' }),
        fig({ subjectKind: 'person', subject: 'p-2', metric: 'training_status', value: 0, control: 'HUM-02' }),
        fig({ subjectKind: 'person', subject: 'p-3', metric: 'training_status', value: 1, control: 'HUM-02' }),
        fig({ subjectKind: 'person', subject: 'p-1', metric: 'phish_clicked', value: 1 }),
        fig({ subjectKind: 'person', subject: 'p-2', metric: 'phish_clicked', value: 1 }),
      ],
      {},
    );
    expect(s.controls[0]!.figures[0]).toMatchObject({ label: 'Training completed (% of people)', unit: '%', latest: 66.7 });
    expect(s.controls[1]!.figures[0]).toMatchObject({ metric: 'phish_clicked', latest: 2 });
    expect(s.people).toBe(3);
  });

  it("a group's figures come from its own figures, else from its people, whose group may come from another import", () => {
    const groups = groupFigures([
      fig({ subject: 'Sales', metric: 'risk_score', value: 50, control: 'HUM-05' }),
      fig({ subjectKind: 'person', subject: 'p-1', group: 'sales', value: 40 }),
      fig({ subjectKind: 'person', subject: 'p-2', group: 'Sales', value: 20 }),
      // The training record carries no department; p-1's user record said Sales.
      fig({ subjectKind: 'person', subject: 'p-1', group: null, metric: 'training_status', value: 1, control: 'HUM-02', measuredOn: '2026-02-01' }),
      fig({ subjectKind: 'person', subject: 'p-3', group: 'Claims', metric: 'grade_risk', value: 0, valueText: 'F', control: 'HUM-05' }),
    ]);
    expect(groups).toEqual([
      { group: 'Claims', people: 1, phishPronePct: null, riskScore: null, trainingCompletionPct: null, grade: 'F', gradePoints: 0, asOf: '2026-01-10' },
      { group: 'Sales', people: 2, phishPronePct: 30, riskScore: 50, trainingCompletionPct: 100, grade: null, gradePoints: null, asOf: '2026-02-01' },
    ]);
  });
});

describe('suggested likelihood from the figures', () => {
  it('puts each figure on the 1–5 scale at the stated bands', () => {
    expect([4.9, 5, 9.9, 10, 19.9, 20, 29.9, 30, 80].map(signalLevel.phishPronePct)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([0, 19.9, 20, 45, 60, 79.9, 80, 100].map(signalLevel.riskScore)).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
    expect([100, 95, 94, 85, 70, 50, 49, 0].map(signalLevel.trainingCompletionPct)).toEqual([1, 2, 2, 3, 4, 5, 5, 5]);
    expect([4, 3, 2, 1, 0].map(signalLevel.gradePoints)).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes the weakest group and worst relevant signal, and says why', () => {
    const groups = [group({ group: 'Sales', phishPronePct: 31.3, riskScore: 20 }), group({ group: 'Ops', phishPronePct: 4, riskScore: 85 })];
    expect(suggestLikelihood('THR-25', groups)).toEqual({ level: 5, basis: 'Sales: phish-prone 31.3% → 5 (Almost certain)' });
    expect(suggestLikelihood('THR-19', groups)).toEqual({ level: 5, basis: 'Ops: risk score 85 → 5 (Almost certain)' });
    expect(suggestLikelihood('THR-12', [group({ trainingCompletionPct: 80 })])).toEqual({ level: 3, basis: 'Sales: training completed 80% → 3 (Possible)' });
    expect(suggestLikelihood('THR-25', [group({ riskScore: 90 })])).toBeNull();
  });

  it('matches systems to groups by business unit and group names, case-insensitively, and finds the register risk', () => {
    const out = correlate(
      [
        { id: 'SYS-001', name: 'Assistant', businessUnit: 'customer service', groups: [{ name: 'IT Ops', relation: 'operates' }, { name: 'Partners', relation: 'uses' }] },
        { id: 'SYS-002', name: 'Lonely', groups: [] },
      ],
      [group({ group: 'Customer Service', phishPronePct: 25 }), group({ group: 'IT ops', riskScore: 10 })],
      [{ id: 'RSK-001', systemId: 'SYS-001', threatId: 'THR-25', title: 'Phishing of agents', likelihood: 2, impact: 4 }],
      { 'THR-25': 'Deepfake and AI-generated phishing' },
    );
    expect(out[0]!.groups.map((g) => [g.relation, g.name, g.figures?.group ?? null])).toEqual([
      ['business unit', 'customer service', 'Customer Service'],
      ['operates', 'IT Ops', 'IT ops'],
      ['uses', 'Partners', null],
    ]);
    const phishing = out[0]!.threats.find((t) => t.threatId === 'THR-25')!;
    expect(phishing).toMatchObject({ threatName: 'Deepfake and AI-generated phishing', suggested: 4, highRisk: true, risk: { id: 'RSK-001', likelihood: 2 } });
    expect(out[0]!.highRisk).toBe(true);
    expect(out[1]).toMatchObject({ highRisk: false, groups: [] });
    expect(out[1]!.threats.every((t) => t.suggested === null)).toBe(true);
  });
});

describe('humanRisk queries and assay human-risk', () => {
  function seeded() {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    createAssessment(file, { name: 'Northwind', catalog: loadBundledCatalog(), actor: 'tester' }).close();
    const a = openForWriting(file, { actor: 'tester' }).assessment;
    addSystem(a, { name: 'Procurement agent', roles: ['deployer'], businessUnit: 'Finance operations', groups: [{ name: 'Security', relation: 'operates' }] }, 'tester');
    addSystem(a, { name: 'Code helper', roles: ['deployer'], groups: [{ name: 'security', relation: 'uses' }] }, 'tester');
    addRisk(a, { system: 'SYS-001', threat: 'THR-25', title: 'Invoice fraud by deepfake', likelihood: 2, impact: 4, treatment: 'mitigate' }, 'tester');
    expect(addSampleHumanRisk(a, 'tester', '2026-11-28')).toBe(57);
    return { dir, file, a };
  }

  it('summarise the sample per control and group, correlate it with the systems, and keep verify intact', () => {
    const { file, a } = seeded();
    const summary = humanRiskSummary(a);
    expect(summary.controls.map((c) => [c.control, c.name, c.figures.map((f) => f.metric)])).toEqual([
      ['HUM-02', 'Role-based AI security awareness training', ['training_status']],
      ['HUM-04', 'AI-generated phishing simulations', ['phish_prone_pct']],
      ['HUM-05', 'Measuring behaviour change', ['risk_score']],
    ]);
    expect(summary.controls[2]!.figures[0]).toMatchObject({ latest: 37, previous: 40, direction: 'better', series: [{ period: '2026-09' }, { period: '2026-10' }, { period: '2026-11' }] });
    expect(summary.groups.find((g) => g.group === 'Finance operations')).toMatchObject({ phishPronePct: 35, riskScore: 84, trainingCompletionPct: 0, people: 2 });
    const { systems } = humanRiskCorrelation(a);
    expect(systems[0]!.threats.find((t) => t.threatId === 'THR-25')).toMatchObject({ suggested: 5, highRisk: true, risk: { id: 'RSK-001', likelihood: 2 } });
    expect(systems[1]).toMatchObject({ systemName: 'Code helper', highRisk: false });
    a.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('assay human-risk prints each system with its groups and suggestions; --json gives the same', () => {
    const { dir, file, a } = seeded();
    a.close();
    const text = runAssay(dir, ['human-risk', file]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('SYS-001  Procurement agent  ← HIGH-RISK USERS');
    expect(text.out).toContain('business unit Finance operations: phish-prone 35% · risk score 84 · training 0% (2 people), as of 2026-11-28');
    expect(text.out).toMatch(/THR-25 Deepfake and AI-generated phishing: suggested likelihood 5 \(Almost certain\) HIGH — Finance operations: phish-prone 35% → 5 \(Almost certain\); RSK-001 likelihood 2 \(below the suggestion\)/);
    expect(text.out).toContain('SYS-002  Code helper\n');
    const json = runAssay(dir, ['human-risk', file, '--json']);
    expect(JSON.parse(json.out).systems[0].highRisk).toBe(true);
    const missing = runAssay(dir, ['human-risk', join(dir, 'none.assay')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('none.assay');
  }, 60_000); // three command-line runs
});
