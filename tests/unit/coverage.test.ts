import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ControlState } from '../../shared/domain/control-state';
import {
  COVERAGE_RULE,
  assessCoverage,
  buildCoverageModel,
  type CoverageCatalog,
  type CoverageEntry,
  type CoverageMapping,
  coverageBySystem,
  effectiveStates,
  summariseCoverage,
} from '../../shared/domain/coverage';
import { coverageGaps, rankControlsByGaps } from '../../shared/domain/coverage-gaps';

/** A small catalog where each requirement exercises one branch of the rule. */
const small: CoverageCatalog = {
  frameworks: [
    {
      id: 'fw',
      items: [
        { id: 'EQ', assessable: true },
        { id: 'SUPER', assessable: true },
        { id: 'PARTS', assessable: true },
        { id: 'SET', assessable: true },
        { id: 'GOV', assessable: true, governance_only: 'answered by the board alone' },
        { id: 'NONE', assessable: true },
        { id: 'HEADING', assessable: false },
      ],
    },
  ],
  control_requirements: [
    { control: 'AAA-01', requirement: 'fw:EQ', relationship: 'equal' },
    { control: 'AAA-02', requirement: 'fw:EQ', relationship: 'intersects' },
    { control: 'AAA-03', requirement: 'fw:SUPER', relationship: 'superset' },
    { control: 'AAA-04', requirement: 'fw:PARTS', relationship: 'subset' },
    { control: 'AAA-05', requirement: 'fw:PARTS', relationship: 'intersects' },
    { control: 'AAA-06', requirement: 'fw:SET', relationship: 'subset' },
    { control: 'AAA-07', requirement: 'fw:SET', relationship: 'intersects' },
    { control: 'AAA-08', requirement: 'fw:SET', relationship: 'subset' },
  ],
  coverage_sets: [{ id: 'set-one', requirement: 'fw:SET', controls: ['AAA-06', 'AAA-07'] }],
};
const model = buildCoverageModel(small);

const just = 'does not apply: no such data';
function org(controlId: string, state: ControlState, justification: string | null = state === 'not_applicable' ? just : null): CoverageEntry {
  return { controlId, systemId: null, state, justification };
}
function sys(systemId: string, controlId: string, state: ControlState): CoverageEntry {
  return { controlId, systemId, state, justification: state === 'not_applicable' ? just : null };
}
const statusOf = (entries: CoverageEntry[], ref: string, system: string | null = null) =>
  assessCoverage(model, entries, system).find((r) => r.requirement === ref)!;

describe('the coverage rule, case by case', () => {
  it('is written down as one text for the README and the app', () => {
    expect(COVERAGE_RULE).toMatch(/equal to it or a superset/);
    expect(COVERAGE_RULE).toMatch(/coverage set/);
    expect(COVERAGE_RULE).toMatch(/not applicable with a justification/);
  });

  it('assesses only assessable items', () => {
    const refs = assessCoverage(model, [], null).map((r) => r.requirement);
    expect(refs).toEqual(['fw:EQ', 'fw:SUPER', 'fw:PARTS', 'fw:SET', 'fw:GOV', 'fw:NONE']);
  });

  it('an implemented equal control satisfies; a superset control satisfies', () => {
    expect(statusOf([org('AAA-01', 'implemented')], 'fw:EQ')).toMatchObject({ status: 'satisfied', satisfiedBy: { control: 'AAA-01', relationship: 'equal' } });
    expect(statusOf([org('AAA-03', 'implemented')], 'fw:SUPER')).toMatchObject({ status: 'satisfied', satisfiedBy: { control: 'AAA-03', relationship: 'superset' } });
  });

  it('nothing implemented, or only in progress, is not satisfied', () => {
    expect(statusOf([], 'fw:EQ').status).toBe('not_satisfied');
    expect(statusOf([org('AAA-01', 'in_progress'), org('AAA-02', 'not_started')], 'fw:EQ').status).toBe('not_satisfied');
  });

  it('only subset or intersects controls implemented is partly satisfied', () => {
    expect(statusOf([org('AAA-04', 'implemented')], 'fw:PARTS').status).toBe('partly');
    expect(statusOf([org('AAA-04', 'implemented'), org('AAA-05', 'implemented')], 'fw:PARTS').status).toBe('partly');
    expect(statusOf([org('AAA-02', 'implemented')], 'fw:EQ').status).toBe('partly');
  });

  it('a complete coverage set satisfies; some of its controls only partly', () => {
    expect(statusOf([org('AAA-06', 'implemented')], 'fw:SET').status).toBe('partly');
    const full = statusOf([org('AAA-06', 'implemented'), org('AAA-07', 'implemented')], 'fw:SET');
    expect(full).toMatchObject({ status: 'satisfied', satisfiedBy: { set: 'set-one' } });
    // AAA-08 is a subset control outside the set: with AAA-06 it is still only partial.
    expect(statusOf([org('AAA-06', 'implemented'), org('AAA-08', 'implemented')], 'fw:SET').status).toBe('partly');
  });

  it('is not applicable only when every mapped control is justified as not applicable', () => {
    expect(statusOf([org('AAA-01', 'not_applicable'), org('AAA-02', 'not_applicable')], 'fw:EQ').status).toBe('not_applicable');
    expect(statusOf([org('AAA-01', 'not_applicable')], 'fw:EQ').status).toBe('not_satisfied');
    expect(statusOf([org('AAA-01', 'not_applicable'), org('AAA-02', 'implemented')], 'fw:EQ').status).toBe('partly');
  });

  it('a not-applicable entry without a valid justification counts as open', () => {
    expect(statusOf([org('AAA-03', 'not_applicable', null)], 'fw:SUPER').status).toBe('not_satisfied');
    expect(statusOf([org('AAA-03', 'not_applicable', 'short')], 'fw:SUPER').status).toBe('not_satisfied');
    expect(statusOf([org('AAA-03', 'not_applicable')], 'fw:SUPER').status).toBe('not_applicable');
  });

  it('reports governance-only items as such and unmapped ones as not satisfied', () => {
    expect(statusOf([], 'fw:GOV').status).toBe('governance_only');
    expect(statusOf([], 'fw:NONE')).toMatchObject({ status: 'not_satisfied', links: [] });
  });

  it('flags coverage that rests on intersects controls alone', () => {
    expect(statusOf([org('AAA-05', 'implemented')], 'fw:PARTS').onlyIntersects).toBe(true);
    expect(statusOf([org('AAA-04', 'implemented'), org('AAA-05', 'implemented')], 'fw:PARTS').onlyIntersects).toBe(false);
    expect(statusOf([], 'fw:PARTS').onlyIntersects).toBe(false);
  });
});

describe('organisation-wide and per-system entries', () => {
  it('a system entry overrides the organisation entry, for that system only', () => {
    const entries = [org('AAA-01', 'implemented'), sys('s1', 'AAA-01', 'not_started')];
    expect(statusOf(entries, 'fw:EQ', null).status).toBe('satisfied');
    expect(statusOf(entries, 'fw:EQ', 's1').status).toBe('not_satisfied');
    expect(statusOf(entries, 'fw:EQ', 's2').status).toBe('satisfied');
  });

  it('a system inherits the organisation entry where it has none, and other systems never leak in', () => {
    const entries = [sys('s2', 'AAA-03', 'implemented'), org('AAA-01', 'in_progress')];
    const s1 = effectiveStates(entries, 's1');
    expect(s1.get('AAA-03')).toBeUndefined();
    expect(s1.get('AAA-01')).toBe('open');
    expect(effectiveStates(entries, 's2').get('AAA-03')).toBe('implemented');
    expect(effectiveStates(entries, null).get('AAA-03')).toBeUndefined();
  });

  it('summarises per framework and per system', () => {
    const entries = [org('AAA-01', 'implemented'), sys('s1', 'AAA-03', 'implemented'), sys('s1', 'AAA-04', 'implemented')];
    const [orgView, s1] = coverageBySystem(model, entries, ['s1']);
    expect(orgView).toEqual({
      systemId: null,
      frameworks: [{ framework: 'fw', assessable: 6, satisfied: 1, partly: 0, not_satisfied: 4, not_applicable: 0, governance_only: 1 }],
    });
    expect(s1!.frameworks[0]).toMatchObject({ satisfied: 2, partly: 1, not_satisfied: 2, governance_only: 1 });
  });

  it('limits a scope to the requirements that apply', () => {
    const only = assessCoverage(model, [], 's1', { applies: (ref) => ref === 'fw:EQ' || ref === 'fw:SET' });
    expect(only.map((r) => r.item)).toEqual(['EQ', 'SET']);
    expect(summariseCoverage(only)[0]).toMatchObject({ assessable: 2, not_satisfied: 2 });
  });
});

describe('gaps and the controls that would close them', () => {
  it('lists equal before superset before set members before subset before intersects', () => {
    const catalog: CoverageCatalog = {
      frameworks: [{ id: 'g', items: [{ id: 'R', assessable: true }] }],
      control_requirements: [
        { control: 'ZZZ-01', requirement: 'g:R', relationship: 'intersects' },
        { control: 'ZZZ-02', requirement: 'g:R', relationship: 'subset' },
        { control: 'ZZZ-03', requirement: 'g:R', relationship: 'superset' },
        { control: 'ZZZ-04', requirement: 'g:R', relationship: 'equal' },
        { control: 'ZZZ-05', requirement: 'g:R', relationship: 'intersects' },
        { control: 'ZZZ-06', requirement: 'g:R', relationship: 'subset' },
      ],
      coverage_sets: [{ id: 'set-r', requirement: 'g:R', controls: ['ZZZ-05', 'ZZZ-06'] }],
    };
    const m = buildCoverageModel(catalog);
    const [gap] = coverageGaps(m, assessCoverage(m, [org('ZZZ-06', 'implemented')], null));
    expect(gap!.status).toBe('partly');
    expect(gap!.closers.map((c) => [c.control, c.closes])).toEqual([
      ['ZZZ-04', 'alone'],
      ['ZZZ-03', 'alone'],
      ['ZZZ-05', 'with_set'],
      ['ZZZ-02', 'partly'],
      ['ZZZ-01', 'partly'],
    ]);
    expect(gap!.closers[2]!.set).toEqual({ id: 'set-r', missing: 1 });
  });

  it('skips satisfied, not applicable and governance-only requirements, and never offers a not-applicable control', () => {
    const entries = [org('AAA-01', 'implemented'), org('AAA-03', 'not_applicable'), org('AAA-05', 'not_applicable')];
    const gaps = coverageGaps(model, assessCoverage(model, entries, null));
    expect(gaps.map((g) => g.item)).toEqual(['PARTS', 'SET', 'NONE']);
    expect(gaps[0]!.closers.map((c) => c.control)).toEqual(['AAA-04']);
    expect(gaps[2]).toMatchObject({ unmapped: true, closers: [] });
  });

  it('a set with a not-applicable member cannot be completed and closes nothing', () => {
    const gaps = coverageGaps(model, assessCoverage(model, [org('AAA-07', 'not_applicable')], null));
    const set = gaps.find((g) => g.item === 'SET')!;
    expect(set.closers.map((c) => [c.control, c.closes])).toEqual([
      ['AAA-06', 'partly'],
      ['AAA-08', 'partly'],
    ]);
  });
});

describe('ranking controls by the gaps they close', () => {
  it('puts the control that closes most requirements alone first', () => {
    const catalog: CoverageCatalog = {
      frameworks: [{ id: 'r', items: ['A', 'B', 'C'].map((id) => ({ id, assessable: true })) }],
      control_requirements: [
        { control: 'BBB-01', requirement: 'r:A', relationship: 'intersects' },
        { control: 'BBB-01', requirement: 'r:B', relationship: 'intersects' },
        { control: 'BBB-01', requirement: 'r:C', relationship: 'intersects' },
        { control: 'BBB-02', requirement: 'r:A', relationship: 'superset' },
        { control: 'BBB-02', requirement: 'r:B', relationship: 'superset' },
        { control: 'BBB-03', requirement: 'r:C', relationship: 'equal' },
        { control: 'BBB-04', requirement: 'r:C', relationship: 'subset' },
      ],
      coverage_sets: [{ id: 'c-set', requirement: 'r:C', controls: ['BBB-01', 'BBB-04'] }],
    };
    const m = buildCoverageModel(catalog);
    const ranked = rankControlsByGaps(coverageGaps(m, assessCoverage(m, [], null)));
    expect(ranked.map((r) => [r.control, r.closesAlone, r.inSets, r.partly])).toEqual([
      ['BBB-02', 2, 0, 0],
      ['BBB-03', 1, 0, 0],
      ['BBB-01', 0, 1, 2],
      ['BBB-04', 0, 1, 0],
    ]);
    expect(ranked[0]!.requirements).toEqual(['r:A', 'r:B']);
    expect(rankControlsByGaps([])).toEqual([]);
  });
});

describe('imported frameworks', () => {
  const imported = { id: 'acme-policy', items: [{ id: 'P-1', assessable: true }, { id: 'P-2', assessable: true }] };

  it('get coverage through the organisation’s own mappings', () => {
    const mappings: CoverageMapping[] = [{ control: 'AAA-01', requirement: 'acme-policy:P-1', relationship: 'equal' }];
    const m = buildCoverageModel(small, { frameworks: [imported], mappings });
    const results = assessCoverage(m, [org('AAA-01', 'implemented')], null, { frameworks: ['acme-policy'] });
    expect(results.map((r) => [r.item, r.status])).toEqual([
      ['P-1', 'satisfied'],
      ['P-2', 'not_satisfied'],
    ]);
  });

  it('a mapping repeated by the organisation does not override the catalog’s relationship', () => {
    const m = buildCoverageModel(small, { mappings: [{ control: 'AAA-02', requirement: 'fw:EQ', relationship: 'equal' }] });
    expect(assessCoverage(m, [org('AAA-02', 'implemented')], null).find((r) => r.item === 'EQ')!.status).toBe('partly');
  });
});

describe('coverage on the bundled catalog, hand-checked', () => {
  const catalog = loadBundledCatalog();
  const real = buildCoverageModel(catalog);
  const of = (entries: CoverageEntry[], ref: string) => assessCoverage(real, entries, null).find((r) => r.requirement === ref)!;

  it('Art. 14(1) is satisfied by MOD-18 (equal) alone', () => {
    expect(of([], 'eu-ai-act:Art. 14(1)').status).toBe('not_satisfied');
    expect(of([org('MOD-18', 'implemented')], 'eu-ai-act:Art. 14(1)').status).toBe('satisfied');
  });

  it('Art. 27(1) is satisfied by GOV-07 (superset) and only partly by GOV-10 (intersects)', () => {
    expect(of([org('GOV-10', 'implemented')], 'eu-ai-act:Art. 27(1)')).toMatchObject({ status: 'partly', onlyIntersects: true });
    expect(of([org('GOV-07', 'implemented')], 'eu-ai-act:Art. 27(1)').status).toBe('satisfied');
    expect(of([org('GOV-07', 'not_applicable'), org('GOV-10', 'not_applicable')], 'eu-ai-act:Art. 27(1)').status).toBe('not_applicable');
  });

  it('Art. 15(5) needs its whole named coverage set', () => {
    const set = catalog.coverage_sets.find((s) => s.id === 'eu-15-5-ai-attacks')!;
    const all = set.controls.map((c) => org(c, 'implemented'));
    expect(of(all, 'eu-ai-act:Art. 15(5)')).toMatchObject({ status: 'satisfied', satisfiedBy: { set: 'eu-15-5-ai-attacks' } });
    expect(of(all.slice(1), 'eu-ai-act:Art. 15(5)').status).toBe('partly');
    const gap = coverageGaps(real, [of(all.slice(1), 'eu-ai-act:Art. 15(5)')])[0]!;
    expect(gap.closers[0]).toMatchObject({ control: set.controls[0], closes: 'with_set', set: { missing: 1 } });
  });

  it('OWASP LLM01:2025 rests on intersects controls only', () => {
    const r = of([org('MOD-03', 'implemented')], 'owasp-llm-2025:LLM01:2025');
    expect(r).toMatchObject({ status: 'partly', onlyIntersects: true });
  });

  it('the per-system summaries agree with summarising each system’s full coverage', () => {
    const states: ControlState[] = ['not_started', 'in_progress', 'implemented', 'not_applicable'];
    const entries: CoverageEntry[] = [];
    catalog.controls.forEach((c, i) => {
      entries.push(org(c.id, states[i % 4]!));
      if (i % 3 === 0) entries.push(sys('s1', c.id, states[(i + 1) % 4]!));
      if (i % 5 === 0) entries.push(sys('s2', c.id, states[(i + 2) % 4]!));
    });
    const applies = (id: string | null) => (id === 's2' ? { frameworks: ['eu-ai-act'] } : {});
    const views = coverageBySystem(real, entries, ['s1', 's2'], applies);
    for (const view of views) expect(view.frameworks).toEqual(summariseCoverage(assessCoverage(real, entries, view.systemId, applies(view.systemId))));
    expect(views[2]!.frameworks.map((f) => f.framework)).toEqual(['eu-ai-act']);
    expect(views[0]!.frameworks).not.toEqual(views[1]!.frameworks);
  });

  it('Art. 26(10) is governance-only, and nothing is satisfied with no entries', () => {
    expect(of([], 'eu-ai-act:Art. 26(10)').status).toBe('governance_only');
    const summary = summariseCoverage(assessCoverage(real, [], null));
    for (const s of summary) expect(s.satisfied + s.partly + s.not_applicable).toBe(0);
    expect(summary.find((s) => s.framework === 'eu-ai-act')!.assessable).toBe(catalog.frameworks.find((f) => f.id === 'eu-ai-act')!.items.filter((i) => i.assessable).length);
  });
});

describe('the rule over every combination of states (small catalog, exhaustive)', () => {
  const controls = ['AAA-01', 'AAA-02', 'AAA-03', 'AAA-04', 'AAA-05', 'AAA-06', 'AAA-07', 'AAA-08'];
  const states: ControlState[] = ['not_started', 'implemented', 'not_applicable'];
  const rankOf = { not_satisfied: 0, partly: 1, satisfied: 2 } as Record<string, number>;
  const combos: ControlState[][] = [];
  for (let n = 0; n < states.length ** controls.length; n++) combos.push(controls.map((_, i) => states[Math.floor(n / states.length ** i) % states.length]!));
  const entriesOf = (combo: ControlState[]) => combo.map((s, i) => org(controls[i]!, s));

  it(`holds for all ${states.length ** controls.length} combinations`, () => {
    // Mismatches are collected and compared once: a quarter of a million expect() calls would dominate the run.
    const wrong: string[] = [];
    for (const combo of combos) {
      const results = assessCoverage(model, entriesOf(combo), null);
      const implemented = new Set(controls.filter((_, i) => combo[i] === 'implemented'));
      const na = new Set(controls.filter((_, i) => combo[i] === 'not_applicable'));
      for (const r of results) {
        const mapped = small.control_requirements.filter((m) => m.requirement === r.requirement);
        if (mapped.length === 0) continue;
        const full =
          mapped.some((m) => (m.relationship === 'equal' || m.relationship === 'superset') && implemented.has(m.control)) ||
          small.coverage_sets.some((s) => s.requirement === r.requirement && s.controls.every((c) => implemented.has(c)));
        const expected = mapped.every((m) => na.has(m.control))
          ? 'not_applicable'
          : full
            ? 'satisfied'
            : mapped.some((m) => implemented.has(m.control))
              ? 'partly'
              : 'not_satisfied';
        if (r.status !== expected) wrong.push(`${r.requirement} with ${combo.join(',')}: ${r.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('implementing one more open control never lowers a requirement', () => {
    // Every neighbour of a combination is itself a combination, so each is assessed once.
    const results = new Map(combos.map((c) => [c.join(), assessCoverage(model, entriesOf(c), null)]));
    const lowered: string[] = [];
    for (const combo of combos) {
      const before = results.get(combo.join())!;
      combo.forEach((s, i) => {
        if (s !== 'not_started') return;
        const after = results.get(combo.map((x, j) => (j === i ? 'implemented' : x)).join())!;
        after.forEach((r, k) => {
          const was = before[k]!.status;
          if (was in rankOf && r.status in rankOf && rankOf[r.status]! < rankOf[was]!) lowered.push(`${r.requirement}: ${combo.join()} + ${controls[i]}`);
        });
      });
    }
    expect(lowered).toEqual([]);
  });
});
