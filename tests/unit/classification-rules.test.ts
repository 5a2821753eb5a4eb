import { describe, expect, it } from 'vitest';
import { classify, resultLabels, type ClassificationAnswers, type ClassificationResult, type QuestionId } from '../../shared/domain/classification';
import { nothingApplies, withAnswers } from './classification-fixtures';

const stepFor = (r: ClassificationResult, article: string) => r.reasoning.find((s) => s.article === article);

describe('minimal risk', () => {
  it('is the result only when every question is answered and nothing applies, with a concluding step', () => {
    const r = classify(nothingApplies);
    expect(r).toMatchObject({ complete: true, prohibited: [], highRisk: [], derogation: null, transparency: [], minimalRisk: true, riskClasses: ['minimal_risk'], missing: [] });
    expect(r.gpai).toEqual({ model: false, systemicRisk: false, systemicBasis: null });
    const last = r.reasoning.at(-1)!;
    expect(last.outcome).toBe('applies');
    expect(last.finding).toMatch(/^Minimal risk/);
    expect(last.restsOn.map((a) => a.question)).toEqual(['annex1_product', 'annex3_areas', 'art50_1_interaction', 'art50_2_synthetic', 'art50_3_emotion_or_categorisation', 'gpai_model']);
  });

  it('gives one reasoning step per provision, in questionnaire order, each citing its article and answer', () => {
    const r = classify(nothingApplies);
    expect(r.reasoning.map((s) => s.article).slice(0, 10)).toEqual([
      'Art. 5(1)(a)', 'Art. 5(1)(b)', 'Art. 5(1)(c)', 'Art. 5(1)(d)', 'Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 5(1)(g)', 'Art. 5(1)(h)',
      'Art. 5(1), new point (Digital Omnibus)', 'Art. 6(1)',
    ]);
    expect(stepFor(r, 'Art. 5(1)(c)')).toEqual({ article: 'Art. 5(1)(c)', restsOn: [{ question: 'art5_1_c', answer: 'no' }], outcome: 'does_not_apply', finding: 'Not this prohibited practice.' });
  });
});

describe('prohibited practices (Art. 5)', () => {
  const cases: [QuestionId, string][] = [
    ['art5_1_a', 'Art. 5(1)(a)'], ['art5_1_b', 'Art. 5(1)(b)'], ['art5_1_c', 'Art. 5(1)(c)'], ['art5_1_d', 'Art. 5(1)(d)'],
    ['art5_1_e', 'Art. 5(1)(e)'], ['art5_1_f', 'Art. 5(1)(f)'], ['art5_1_g', 'Art. 5(1)(g)'],
  ];
  it.each(cases)('%s yes is the prohibited practice %s', (id, ref) => {
    const r = classify(withAnswers({ [id]: true }));
    expect(r.prohibited).toEqual([expect.objectContaining({ ref, numberVerified: true })]);
    expect(r.riskClasses).toEqual(['prohibited']);
    expect(r.minimalRisk).toBe(false);
    expect(stepFor(r, ref)).toMatchObject({ outcome: 'applies', restsOn: [{ question: id, answer: 'yes' }] });
  });

  it('Art. 5(1)(h): real-time remote biometric identification for law enforcement is prohibited outside the permitted objectives', () => {
    const r = classify(withAnswers({ art5_1_h: true, art5_1_h_exception: false }));
    expect(r.prohibited.map((p) => p.ref)).toEqual(['Art. 5(1)(h)']);
    expect(stepFor(r, 'Art. 5(1)(h)')?.restsOn).toEqual([{ question: 'art5_1_h', answer: 'yes' }, { question: 'art5_1_h_exception', answer: 'no' }]);
  });

  it('Art. 5(1)(h): not prohibited within a permitted objective with authorisation; open while that is unanswered', () => {
    expect(classify(withAnswers({ art5_1_h: true, art5_1_h_exception: true })).prohibited).toEqual([]);
    const open = classify(withAnswers({ art5_1_h: true }));
    expect(open.prohibited).toEqual([]);
    expect(open.complete).toBe(false);
    expect(open.minimalRisk).toBeNull();
    expect(open.missing.map((m) => m.question)).toEqual(['art5_1_h_exception']);
  });

  it('the Digital Omnibus prohibition is found and marked as having an unverified point number', () => {
    const r = classify(withAnswers({ art5_new_intimate_imagery: true }));
    expect(r.prohibited).toEqual([{ ref: 'Art. 5(1), new point (Digital Omnibus)', label: expect.any(String), numberVerified: false }]);
  });

  it('several practices are all listed, and classification goes on to the other parts', () => {
    const r = classify(withAnswers({ art5_1_c: true, art5_1_f: true, art50_3_emotion_or_categorisation: true }));
    expect(r.prohibited.map((p) => p.ref)).toEqual(['Art. 5(1)(c)', 'Art. 5(1)(f)']);
    expect(r.transparency.map((t) => t.ref)).toEqual(['Art. 50(3)']);
    expect(r.riskClasses).toEqual(['prohibited', 'limited_risk']);
  });
});

describe('high-risk through Annex I (Art. 6(1))', () => {
  it('Section A legislation needing third-party assessment: high-risk, section A', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['medical_devices'], annex1_third_party: true }));
    expect(r.highRisk).toEqual([{ kind: 'annex_i', article: 'Art. 6(1)', section: 'A', ref: 'Annex I Section A point 11', legislation: 'medical_devices', act: 'Regulation (EU) 2017/745', subject: 'Medical devices' }]);
    expect(r.riskClasses).toEqual(['high_risk']);
  });

  it('Section B legislation: high-risk, section B, with the Art. 2(2) limit said in the reasoning', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['motor_vehicles'], annex1_third_party: true }));
    expect(r.highRisk).toEqual([expect.objectContaining({ section: 'B', ref: 'Annex I Section B point 18', act: 'Regulation (EU) 2018/858' })]);
    expect(stepFor(r, 'Art. 6(1), Annex I Section B point 18')?.finding).toMatch(/Art\. 2\(2\)/);
  });

  it('a product under no listed legislation: not high-risk through Art. 6(1), and the third-party question is not asked', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: [] }));
    expect(r.complete).toBe(true);
    expect(r.highRisk).toEqual([]);
    expect(stepFor(r, 'Art. 6(1)(a)')?.outcome).toBe('does_not_apply');
  });

  it('no third-party conformity assessment: not high-risk through Art. 6(1)', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['toys'], annex1_third_party: false }));
    expect(r.highRisk).toEqual([]);
    expect(r.minimalRisk).toBe(true);
    expect(stepFor(r, 'Art. 6(1)(b)')?.outcome).toBe('does_not_apply');
  });
});

describe('high-risk through Annex III (Art. 6(2)), one case per area', () => {
  const cases: [string, ClassificationAnswers, string][] = [
    ['1', { annex3_areas: ['1'], annex3_area_1: ['a'] }, 'Annex III point 1(a)'],
    ['2', { annex3_areas: ['2'] }, 'Annex III point 2'],
    ['3', { annex3_areas: ['3'], annex3_area_3: ['b'] }, 'Annex III point 3(b)'],
    ['4', { annex3_areas: ['4'], annex3_area_4: ['a'] }, 'Annex III point 4(a)'],
    ['5', { annex3_areas: ['5'], annex3_area_5: ['b'] }, 'Annex III point 5(b)'],
    ['6', { annex3_areas: ['6'], annex3_area_6: ['d'] }, 'Annex III point 6(d)'],
    ['7', { annex3_areas: ['7'], annex3_area_7: ['c'] }, 'Annex III point 7(c)'],
    ['8', { annex3_areas: ['8'], annex3_area_8: ['b'] }, 'Annex III point 8(b)'],
  ];
  it.each(cases)('area %s', (area, answers, ref) => {
    const r = classify(withAnswers({ ...answers, art6_3_conditions: [] }));
    expect(r.complete).toBe(true);
    expect(r.highRisk).toEqual([expect.objectContaining({ kind: 'annex_iii', article: 'Art. 6(2)', area, ref })]);
    expect(r.riskClasses).toEqual(['high_risk']);
    expect(stepFor(r, `Art. 6(2), ${ref}`)?.outcome).toBe('applies');
  });

  it('several areas and points give several bases', () => {
    const r = classify(withAnswers({ annex3_areas: ['4', '5'], annex3_area_4: ['a', 'b'], annex3_area_5: ['b', 'c'], art6_3_conditions: [] }));
    expect(r.highRisk.map((b) => b.ref)).toEqual(['Annex III point 4(a)', 'Annex III point 4(b)', 'Annex III point 5(b)', 'Annex III point 5(c)']);
  });

  it('an area chosen with none of its use cases is not high-risk', () => {
    const r = classify(withAnswers({ annex3_areas: ['3'], annex3_area_3: [] }));
    expect(r.highRisk).toEqual([]);
    expect(r.minimalRisk).toBe(true);
  });
});

describe('the Art. 6(3) derogation and the profiling rule', () => {
  const credit = { annex3_areas: ['5'], annex3_area_5: ['b'] } satisfies ClassificationAnswers;

  it('a claimed derogation without profiling stands: not high-risk, and the documentation duties are named', () => {
    const r = classify(withAnswers({ ...credit, art6_3_conditions: ['a', 'd'], art6_3_profiling: false }));
    expect(r.highRisk).toEqual([]);
    expect(r.derogation).toEqual({
      article: 'Art. 6(3)', status: 'accepted', claimedFor: ['Annex III point 5(b)'],
      conditions: [expect.objectContaining({ ref: 'Art. 6(3)(a)' }), expect.objectContaining({ ref: 'Art. 6(3)(d)' })],
      reason: expect.stringMatching(/Art\. 6\(4\).*Art\. 49\(2\)/),
    });
    expect(r.minimalRisk).toBe(true);
    expect(stepFor(r, 'Art. 6(3)(a), Art. 6(3)(d)')?.restsOn).toEqual([{ question: 'art6_3_conditions', answer: 'Art. 6(3)(a), Art. 6(3)(d)' }, { question: 'art6_3_profiling', answer: 'no' }]);
  });

  it('profiling of natural persons overrides the derogation: refused, and the system stays high-risk', () => {
    const r = classify(withAnswers({ ...credit, art6_3_conditions: ['b'], art6_3_profiling: true }));
    expect(r.derogation).toMatchObject({ status: 'refused', conditions: [{ ref: 'Art. 6(3)(b)' }] });
    expect(r.highRisk.map((b) => b.ref)).toEqual(['Annex III point 5(b)']);
    expect(r.riskClasses).toEqual(['high_risk']);
    expect(stepFor(r, 'Art. 6(3), third subparagraph')).toMatchObject({ outcome: 'applies', finding: expect.stringMatching(/refused/) });
  });

  it('a claimed derogation with profiling unanswered leaves high-risk open, never guessed', () => {
    const r = classify(withAnswers({ ...credit, art6_3_conditions: ['c'] }));
    expect(r.derogation?.status).toBe('open');
    expect(r.highRisk).toEqual([]);
    expect(r.minimalRisk).toBeNull();
    expect(r.missing.map((m) => m.question)).toEqual(['art6_3_profiling']);
  });
});

describe('transparency obligations (Art. 50)', () => {
  it('Art. 50(1): a system that talks with people', () => {
    const r = classify(withAnswers({ art50_1_interaction: true }));
    expect(r.transparency).toEqual([expect.objectContaining({ ref: 'Art. 50(1)', role: 'provider' })]);
    expect(r.riskClasses).toEqual(['limited_risk']);
  });

  it('Art. 50(2): synthetic content, with whether it was on the market before 2 August 2026', () => {
    const r = classify(withAnswers({ art50_2_synthetic: true, art50_2_assistive_only: false, art50_2_on_market_before_2026_08_02: true, art50_4_deep_fake: false, art50_4_public_interest_text: false }));
    expect(r.transparency).toEqual([expect.objectContaining({ ref: 'Art. 50(2)', role: 'provider', onMarketBefore20260802: true })]);
  });

  it('Art. 50(2) does not apply to assistive editing only', () => {
    const r = classify(withAnswers({ art50_2_synthetic: true, art50_2_assistive_only: true, art50_4_deep_fake: false, art50_4_public_interest_text: false }));
    expect(r.transparency).toEqual([]);
    expect(r.minimalRisk).toBe(true);
  });

  it('Art. 50(3): emotion recognition or biometric categorisation, a deployer duty', () => {
    const r = classify(withAnswers({ art50_3_emotion_or_categorisation: true }));
    expect(r.transparency).toEqual([expect.objectContaining({ ref: 'Art. 50(3)', role: 'deployer' })]);
  });

  it('Art. 50(4): deep fakes, and separately text on matters of public interest', () => {
    const synthetic = { art50_2_synthetic: true, art50_2_assistive_only: true } satisfies ClassificationAnswers;
    const fake = classify(withAnswers({ ...synthetic, art50_4_deep_fake: true, art50_4_public_interest_text: false }));
    expect(fake.transparency).toEqual([expect.objectContaining({ ref: 'Art. 50(4)', role: 'deployer' })]);
    const text = classify(withAnswers({ ...synthetic, art50_4_deep_fake: false, art50_4_public_interest_text: true }));
    expect(text.transparency.map((t) => t.ref)).toEqual(['Art. 50(4)']);
    expect(stepFor(text, 'Art. 50(4), second subparagraph')?.outcome).toBe('applies');
  });
});

describe('general-purpose AI models (Art. 51–52)', () => {
  it('a model without systemic risk', () => {
    const r = classify(withAnswers({ gpai_model: true, gpai_high_impact_compute: false, gpai_designated: false }));
    expect(r.gpai).toEqual({ model: true, systemicRisk: false, systemicBasis: null });
    expect(r.riskClasses).toEqual(['gpai']);
    expect(r.minimalRisk).toBe(false);
  });

  it('systemic risk presumed from training compute (Art. 51(2)); the designation question is then not asked', () => {
    const r = classify(withAnswers({ gpai_model: true, gpai_high_impact_compute: true }));
    expect(r.gpai).toEqual({ model: true, systemicRisk: true, systemicBasis: 'Art. 51(2)' });
    expect(r.riskClasses).toEqual(['gpai_systemic']);
    expect(r.complete).toBe(true);
  });

  it('a model whose systemic risk is not answered yet is a model, with no class guessed', () => {
    const r = classify(withAnswers({ gpai_model: true }));
    expect(r.gpai).toEqual({ model: true, systemicRisk: null, systemicBasis: null });
    expect(r.riskClasses).toEqual([]);
    expect(r.minimalRisk).toBe(false);
    expect(r.missing.map((m) => m.question)).toEqual(['gpai_high_impact_compute']);
  });

  it('systemic risk by designation (Art. 51(1)(b))', () => {
    const r = classify(withAnswers({ gpai_model: true, gpai_high_impact_compute: false, gpai_designated: true }));
    expect(r.gpai).toEqual({ model: true, systemicRisk: true, systemicBasis: 'Art. 51(1)(b)' });
  });
});

describe('an incomplete questionnaire', () => {
  it('gives a partial result that lists what is missing in order and guesses nothing', () => {
    const r = classify({ art5_1_a: false, annex3_areas: ['5'], annex3_area_5: ['b'] });
    expect(r.complete).toBe(false);
    expect(r.minimalRisk).toBeNull();
    expect(r.highRisk).toEqual([]);
    expect(r.gpai).toEqual({ model: null, systemicRisk: null, systemicBasis: null });
    expect(r.missing.map((m) => m.question)).toEqual([
      'art5_1_b', 'art5_1_c', 'art5_1_d', 'art5_1_e', 'art5_1_f', 'art5_1_g', 'art5_1_h', 'art5_new_intimate_imagery',
      'annex1_product', 'art6_3_conditions', 'art50_1_interaction', 'art50_2_synthetic', 'art50_3_emotion_or_categorisation', 'gpai_model',
    ]);
    expect(r.missing[0]).toMatchObject({ section: 'prohibited', article: 'Art. 5(1)(b)', text: expect.stringMatching(/\?$/) });
    expect(r.reasoning.filter((s) => s.outcome === 'open').length).toBeGreaterThanOrEqual(10);
  });

  it('still reports what is already certain: a prohibited practice makes it not minimal risk', () => {
    const r = classify({ art5_1_e: true });
    expect(r.complete).toBe(false);
    expect(r.prohibited.map((p) => p.ref)).toEqual(['Art. 5(1)(e)']);
    expect(r.minimalRisk).toBe(false);
  });

  it('an empty questionnaire asks every unconditional question', () => {
    const r = classify({});
    expect(r.missing).toHaveLength(15);
    expect(r.riskClasses).toEqual([]);
  });
});

describe('result labels', () => {
  it('names each finding of the set once, and says when the questionnaire is incomplete', () => {
    expect(resultLabels(classify(nothingApplies))).toEqual(['Minimal risk']);
    const many = classify(withAnswers({ art5_1_f: true, annex3_areas: ['5'], annex3_area_5: ['b'], art6_3_conditions: ['a'], art6_3_profiling: true, art50_1_interaction: true, gpai_model: true, gpai_high_impact_compute: true }));
    expect(resultLabels(many)).toEqual([
      'Prohibited: Art. 5(1)(f)',
      'High-risk: Annex III point 5(b)',
      'Derogation refused (profiling): Art. 6(3)(a)',
      'Transparency: Art. 50(1)',
      'General-purpose AI model with systemic risk (Art. 51(2))',
    ]);
    const derogated = classify(withAnswers({ annex3_areas: ['3'], annex3_area_3: ['d'], art6_3_conditions: ['d'], art6_3_profiling: false }));
    expect(resultLabels(derogated)).toEqual(['Not high-risk: derogation under Art. 6(3)(d) for Annex III point 3(d)', 'Minimal risk']);
    expect(resultLabels(classify({ art5_1_a: false }))).toEqual(['Incomplete: 14 questions to answer']);
  });
});
