import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import {
  annexILegislation,
  annexIIIAreas,
  askedQuestions,
  checkAnswers,
  ClassificationAnswers,
  classify,
  conditionQuestions,
  ignoredAnswers,
  nextQuestion,
  questions,
  unansweredQuestions,
} from '../../shared/domain/classification';
import { nothingApplies } from './classification-fixtures';

const catalog = loadBundledCatalog();
const eu = catalog.frameworks.find((f) => f.id === 'eu-ai-act')!;
const itemIds = new Set(eu.items.map((i) => i.id));
const reference = JSON.parse(readFileSync('tests/fixtures/reference/frameworks.json', 'utf8'));

describe('the classification questionnaire as data', () => {
  it('has unique ids, one answer field per question, and each follow-up comes after the question it follows', () => {
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(ClassificationAnswers.shape).sort()).toEqual([...ids].sort());
    for (const [i, q] of questions.entries()) {
      for (const before of q.when ? conditionQuestions(q.when) : []) {
        const at = ids.indexOf(before);
        expect(at, `${q.id} follows ${before}`).toBeGreaterThanOrEqual(0);
        expect(at, `${q.id} must come after ${before}`).toBeLessThan(i);
      }
    }
  });

  it('cites only articles the catalog has, and marks only the Digital Omnibus addition as unverified', () => {
    for (const q of questions) {
      for (const [, n] of q.article.matchAll(/Art\. (\d+)/g)) expect(itemIds.has(`Art. ${n}`), `${q.id} cites Art. ${n}`).toBe(true);
      if (/^Art\. 5\(1\)\([a-h]\)$/.test(q.article)) expect(itemIds.has(q.article), q.article).toBe(true);
    }
    expect(questions.filter((q) => !q.numberVerified).map((q) => q.id)).toEqual(['art5_new_intimate_imagery']);
    const amendment = catalog.amendments.find((a) => a.id === 'digital-omnibus-ai-2026')!;
    expect(amendment.changes.find((c) => c.kind === 'new_prohibition')?.number_verified).toBe(false);
  });

  it('names the Annex III areas by their official titles, as the catalog and the reference list have them', () => {
    for (const a of annexIIIAreas) {
      expect(eu.items.find((i) => i.id === `Annex III point ${a.area}`)?.title).toBe(a.title);
      expect(reference.eu_ai_act.annex_iii_areas.find((r: { point: string }) => r.point === a.area)?.area).toBe(a.title);
    }
  });

  it('lists Annex I Section B acts that Art. 102–109 amend, and numbers Annex I points 1–20', () => {
    expect(annexILegislation.map((l) => l.point)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const amendingTitles = eu.items.filter((i) => /^Art\. 10[2-9]$/.test(i.id)).map((i) => i.title ?? '');
    const sectionB = annexILegislation.filter((l) => l.section === 'B');
    expect(sectionB).toHaveLength(8);
    for (const l of sectionB) {
      const number = /(\d+\/\d+(?:\/\w+)?)$/.exec(l.act)![1]!;
      expect(amendingTitles.some((t) => t.includes(number)), `${l.act} is amended by one of Art. 102–109`).toBe(true);
    }
  });
});

describe('the guided flow', () => {
  it('asks only the unconditional questions at first, and the first of them is Art. 5(1)(a)', () => {
    const first = askedQuestions({}).map((q) => q.id);
    expect(first).toEqual(questions.filter((q) => !q.when).map((q) => q.id));
    expect(nextQuestion({})?.article).toBe('Art. 5(1)(a)');
    expect(first).not.toContain('annex1_legislation');
  });

  it('asks follow-ups after the answers that call for them, and only those', () => {
    const ids = (a: ClassificationAnswers) => askedQuestions(a).map((q) => q.id);
    expect(ids({ annex1_product: true })).toContain('annex1_legislation');
    expect(ids({ annex1_product: true })).not.toContain('annex1_third_party');
    expect(ids({ annex1_product: true, annex1_legislation: ['toys'] })).toContain('annex1_third_party');
    expect(ids({ annex3_areas: ['2', '4'] })).toEqual(expect.arrayContaining(['annex3_area_4', 'art6_3_conditions']));
    expect(ids({ annex3_areas: ['4'] })).not.toContain('art6_3_conditions');
    expect(ids({ annex3_areas: ['4'], annex3_area_4: [] })).not.toContain('art6_3_conditions');
    expect(ids({ annex3_areas: ['4'], annex3_area_4: ['b'] })).toContain('art6_3_conditions');
    expect(ids({ annex3_areas: ['2', '4'] })).not.toContain('annex3_area_5');
    expect(ids({ annex3_areas: ['4'], annex3_area_4: ['a'], art6_3_conditions: [] })).not.toContain('art6_3_profiling');
    expect(ids({ annex3_areas: ['4'], annex3_area_4: ['a'], art6_3_conditions: ['a'] })).toContain('art6_3_profiling');
    expect(ids({ art50_2_synthetic: true })).toEqual(expect.arrayContaining(['art50_2_assistive_only', 'art50_4_deep_fake', 'art50_4_public_interest_text']));
    expect(ids({ gpai_model: true, gpai_high_impact_compute: true })).not.toContain('gpai_designated');
    expect(ids({ gpai_model: true, gpai_high_impact_compute: false })).toContain('gpai_designated');
  });

  it('stops asking a chain when an earlier answer changes, and reports the answers left behind as ignored', () => {
    const answers: ClassificationAnswers = { ...nothingApplies, annex3_areas: [], annex3_area_4: ['a'], art6_3_conditions: ['a'], art6_3_profiling: false };
    expect(ignoredAnswers(answers)).toEqual(['annex3_area_4', 'art6_3_conditions', 'art6_3_profiling']);
    const result = classify(answers);
    expect(result.ignored).toEqual(['annex3_area_4', 'art6_3_conditions', 'art6_3_profiling']);
    expect(result.highRisk).toEqual([]);
    expect(result.derogation).toBeNull();
    expect(unansweredQuestions(answers)).toEqual([]);
  });
});

describe('validating answers', () => {
  it('accepts a half-done questionnaire', () => {
    expect(checkAnswers({ art5_1_a: false })).toEqual({ ok: true, answers: { art5_1_a: false } });
  });

  it('names the question, its article and subject in plain words for each wrong answer', () => {
    const check = checkAnswers({ art5_1_c: 'no', annex3_areas: ['9'], annex3_area_5: 'b', art6_3_conditions: ['a', 'a'], art5_1_z: true });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      'art5_1_c (Art. 5(1)(c), social scoring): answer true (yes) or false (no), not "no"',
      'annex3_areas (Art. 6(2), Annex III areas): "9" is not one of the choices ("1", "2", "3", "4", "5", "6", "7", "8")',
      'annex3_area_5 (Annex III point 5, which use cases): answer with a list of choices ("a", "b", "c", "d"), or an empty list for none',
      'art6_3_conditions (Art. 6(3), Art. 6(3) derogation): a choice is listed twice',
      'unknown question "art5_1_z" (check the spelling against the questionnaire)',
    ]);
  });

  it('refuses something that is not a mapping of answers', () => {
    expect(checkAnswers(['art5_1_a'])).toEqual({ ok: false, problems: ['the answers must be a mapping of question ids to answers, expected a mapping of fields, found a list'] });
    expect(checkAnswers(null).ok).toBe(false);
  });
});
