import { describe, expect, it } from 'vitest';
import {
  Risk,
  RiskAcceptance,
  acceptanceStatus,
  heatMaps,
  impactLabels,
  inherentScore,
  likelihoodLabels,
  materialChanges,
  ratingBands,
  ratingOf,
  residualScore,
  snapshotOf,
} from '../../shared/domain/risk';

const approver = '0d6a7c6e-8d6f-4f57-9a4c-3c1f0e2b9a11';
const risk = (over: Partial<Risk> = {}): Risk => ({
  id: 'r1',
  systemId: 'credit-model',
  threatId: 'THR-01',
  title: 'Poisoned training data skews credit decisions',
  description: null,
  likelihood: 3,
  impact: 4,
  treatment: 'accept',
  controls: ['DAT-01', 'DAT-09'],
  residualLikelihood: 2,
  residualImpact: 4,
  owner: approver,
  status: 'accepted',
  reviewDate: '2027-01-01',
  ...over,
});
const accepted = (r: Risk, over: Partial<RiskAcceptance> = {}): RiskAcceptance => ({
  riskId: r.id,
  approver,
  approvedOn: '2026-11-01',
  expiresOn: '2027-05-01',
  rationale: 'Within appetite after the data controls',
  snapshot: snapshotOf(r),
  ...over,
});

describe('scales, scores and bands', () => {
  it('labels every level of likelihood and impact', () => {
    expect(Object.values(likelihoodLabels)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(Object.values(impactLabels)).toEqual(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
  });

  it('scores as likelihood × impact, residual null until assessed', () => {
    expect(inherentScore(risk())).toBe(12);
    expect(residualScore(risk())).toBe(8);
    expect(residualScore(risk({ residualLikelihood: null, residualImpact: null }))).toBeNull();
  });

  it('bands every possible product once, and refuses scores outside 1–25', () => {
    const products = new Set<number>();
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) products.add(l * i);
    for (const p of products) expect(ratingBands.filter((b) => p >= b.min && p <= b.max)).toHaveLength(1);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(ratingOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect(() => ratingOf(0)).toThrow(/between 1 and 25/);
    expect(() => ratingOf(26)).toThrow(/between 1 and 25/);
  });

  it('validates a risk with fields named', () => {
    expect(Risk.parse(risk())).toEqual(risk());
    const paths = (over: Record<string, unknown>) => Risk.safeParse({ ...risk(), ...over }).error!.issues.map((i) => i.path.join('.'));
    expect(paths({ likelihood: 6 })).toEqual(['likelihood']);
    expect(paths({ impact: 0 })).toEqual(['impact']);
    expect(paths({ treatment: 'ignore' })).toEqual(['treatment']);
    expect(paths({ residualImpact: null })).toEqual(['residualImpact']);
    expect(paths({ owner: 'Bob' })).toEqual(['owner']);
    expect(paths({ controls: ['not a control'] })).toEqual(['controls.0']);
  });
});

describe('the heat maps', () => {
  it('counts inherent and residual risks per likelihood row and impact column', () => {
    const maps = heatMaps([
      risk(),
      risk({ id: 'r2', likelihood: 5, impact: 5, residualLikelihood: 1, residualImpact: 5 }),
      risk({ id: 'r3', likelihood: 3, impact: 4, residualLikelihood: null, residualImpact: null }),
    ]);
    expect(maps.inherent[2]![3]).toBe(2);
    expect(maps.inherent[4]![4]).toBe(1);
    expect(maps.residual[1]![3]).toBe(1);
    expect(maps.residual[0]![4]).toBe(1);
    expect(maps.residualNotAssessed).toBe(1);
    expect(maps.inherent.flat().reduce((a, b) => a + b)).toBe(3);
    expect(maps.residual.flat().reduce((a, b) => a + b)).toBe(2);
    expect(maps.inherent).toHaveLength(5);
    for (const row of maps.inherent) expect(row).toHaveLength(5);
  });

  it('is all zeros with no risks', () => {
    expect(heatMaps([]).inherent.flat().every((n) => n === 0)).toBe(true);
  });
});

describe('acceptance status', () => {
  const today = '2026-12-01';

  it('current while approved, unchanged and not expired (through the expiry day)', () => {
    const r = risk();
    expect(acceptanceStatus(r, accepted(r), today)).toBe('current');
    expect(acceptanceStatus(r, accepted(r), '2027-05-01')).toBe('current');
  });

  it('expired the day after the expiry date', () => {
    const r = risk();
    expect(acceptanceStatus(r, accepted(r), '2027-05-02')).toBe('expired');
  });

  it('pending when treated by acceptance without an approved acceptance', () => {
    const r = risk();
    expect(acceptanceStatus(r, null, today)).toBe('pending');
    expect(acceptanceStatus(r, accepted(r, { approver: null, approvedOn: null }), today)).toBe('pending');
  });

  it('none when not treated by acceptance and nothing was accepted', () => {
    expect(acceptanceStatus(risk({ treatment: 'mitigate' }), null, today)).toBe('none');
    const r = risk({ treatment: 'mitigate' });
    expect(acceptanceStatus(r, accepted(r, { approver: null, approvedOn: null }), today)).toBe('none');
  });

  it.each([
    ['likelihood', { likelihood: 4 }],
    ['impact', { impact: 5 }],
    ['residualLikelihood', { residualLikelihood: 3 }],
    ['residualImpact', { residualImpact: 3 }],
    ['treatment', { treatment: 'mitigate' }],
    ['controls', { controls: ['DAT-01'] }],
  ] as const)('a change of %s makes it no longer current', (field, change) => {
    const r = risk();
    const later = risk(change as Partial<Risk>);
    expect(materialChanges(accepted(r).snapshot, later)).toEqual([field]);
    expect(acceptanceStatus(later, accepted(r), today)).toBe('changed');
  });

  it('title, description, owner, status, review date and the order of controls are not material', () => {
    const r = risk();
    const later = risk({ title: 'Renamed risk', description: 'More words', owner: null, status: 'open', reviewDate: null, controls: ['DAT-09', 'DAT-01'] });
    expect(materialChanges(accepted(r).snapshot, later)).toEqual([]);
    expect(acceptanceStatus(later, accepted(r), today)).toBe('current');
  });

  it('a material change is reported even after expiry', () => {
    const r = risk();
    expect(acceptanceStatus(risk({ impact: 5 }), accepted(r), '2028-01-01')).toBe('changed');
  });

  it('validates an acceptance: approver and date together, expiry not before approval', () => {
    const r = risk();
    expect(RiskAcceptance.parse(accepted(r))).toEqual(accepted(r));
    const paths = (over: Record<string, unknown>) => RiskAcceptance.safeParse({ ...accepted(r), ...over }).error!.issues.map((i) => i.path.join('.'));
    expect(paths({ approvedOn: null })).toEqual(['approvedOn']);
    expect(paths({ expiresOn: '2026-10-01' })).toEqual(['expiresOn']);
    expect(paths({ approver: 'the boss' })).toEqual(['approver']);
  });
});
