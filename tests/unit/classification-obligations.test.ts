import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { applicableObligations, checkAnswers, classify, type ApplicableObligation } from '../../shared/domain/classification';
import { withAnswers } from './classification-fixtures';

const catalog = loadBundledCatalog();
const today = '2026-11-28';
const items = (list: ApplicableObligation[]) => list.map((o) => o.item);
const find = (list: ApplicableObligation[], item: string) => list.find((o) => o.item === item)!;

const creditScoring = classify(withAnswers({ annex3_areas: ['5'], annex3_area_5: ['b'], art6_3_conditions: [] }));

describe('the example answers file for a credit-scoring system', () => {
  it('validates and classifies as high-risk under Annex III point 5(b), complete, with no derogation', () => {
    const check = checkAnswers(JSON.parse(readFileSync('examples/classification-credit-scoring.json', 'utf8')));
    if (!check.ok) throw new Error(check.problems.join('\n'));
    const r = classify(check.answers);
    expect(r.complete).toBe(true);
    expect(r.highRisk).toEqual([expect.objectContaining({ kind: 'annex_iii', ref: 'Annex III point 5(b)', areaTitle: 'Access to and enjoyment of essential private services and essential public services and benefits' })]);
    expect(r.derogation).toBeNull();
    expect(r.riskClasses).toEqual(['high_risk']);
    expect(r).toEqual(creditScoring);
  });
});

describe('obligations of an Annex III system: provider against deployer', () => {
  const provider = applicableObligations(creditScoring, ['provider'], catalog, today);
  const deployer = applicableObligations(creditScoring, ['deployer'], catalog, today);

  it('gives the provider the Chapter III Section 2 requirements and its own duties, not the deployer’s', () => {
    expect(items(provider)).toEqual(expect.arrayContaining(['Art. 6(2)', 'Art. 9(1)', 'Art. 10(2)', 'Art. 11(1)', 'Art. 14(1)', 'Art. 16(a)', 'Art. 17(1)', 'Art. 43(2)', 'Art. 49(1)', 'Art. 72(1)', 'Art. 73(1)']));
    expect(items(provider).some((i) => i.startsWith('Art. 26(') || i.startsWith('Art. 27('))).toBe(false);
    for (const o of provider) expect(o.roles).toEqual(['provider']);
  });

  it('gives the deployer Art. 26, the fundamental-rights assessment (unconditional for point 5(b)) and Art. 86, not the provider’s', () => {
    expect(items(deployer)).toEqual(expect.arrayContaining(['Art. 26(1)', 'Art. 26(2)', 'Art. 26(5)', 'Art. 27(1)', 'Art. 86(1)']));
    expect(items(deployer)).not.toContain('Art. 9(1)');
    expect(items(deployer)).not.toContain('Art. 16(a)');
    expect(find(deployer, 'Art. 27(1)').condition).toBeNull();
    expect(find(deployer, 'Art. 26(8)').condition).toMatch(/public authorities/);
  });

  it('leaves out what concerns other Annex III points, Annex I products, derogations or other classes', () => {
    for (const item of ['Art. 12(3)', 'Art. 14(5)', 'Art. 43(1)', 'Art. 43(3)', 'Art. 8(2)', 'Art. 6(1)', 'Art. 6(4)', 'Art. 49(2)', 'Art. 5(1)(a)', 'Art. 50(1)', 'Art. 53(1)(a)'])
      expect(items([...provider, ...deployer]), item).not.toContain(item);
  });

  it('dates each obligation: Art. 113 baseline, the Digital Omnibus date, and whether it applies today', () => {
    expect(find(provider, 'Art. 9(1)')).toMatchObject({
      ref: 'eu-ai-act:Art. 9(1)',
      title: 'Establish a risk management system',
      selectedBy: 'high-risk: Annex III point 5(b)',
      appliesToday: false,
      dates: [{ scope: 'annex_iii', basis: expect.stringMatching(/^Art\. 113/), baseline: '2026-08-02', amended: { date: '2027-12-02', amendment: 'digital-omnibus-ai-2026', status: 'reported' }, effective: '2027-12-02', appliesToday: false }],
    });
    expect(find(provider, 'Art. 4')).toMatchObject({ appliesToday: true, dates: [{ baseline: '2025-02-02', amended: null, effective: '2025-02-02' }] });
    expect(applicableObligations(creditScoring, ['provider'], catalog, '2027-12-02').find((o) => o.item === 'Art. 9(1)')?.appliesToday).toBe(true);
  });

  it('gives an importer and a distributor their own Art. 23 and Art. 24 duties only', () => {
    const importer = applicableObligations(creditScoring, ['importer'], catalog, today);
    expect(items(importer).every((i) => i.startsWith('Art. 23(') || i === 'Art. 25(1)')).toBe(true);
    expect(items(importer)).toContain('Art. 23(1)');
    const distributor = applicableObligations(creditScoring, ['distributor'], catalog, today);
    expect(items(distributor)).toContain('Art. 24(1)');
  });
});

describe('obligations for other results', () => {
  it('an Annex I Section A product: the annex_i dates, Art. 8(2) and Art. 43(3), no Annex III items', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['machinery'], annex1_third_party: true }));
    const list = applicableObligations(r, ['provider', 'product_manufacturer'], catalog, today);
    expect(items(list)).toEqual(expect.arrayContaining(['Art. 6(1)', 'Art. 8(2)', 'Art. 9(1)', 'Art. 43(3)']));
    expect(items(list)).not.toContain('Art. 43(2)');
    expect(items(list)).not.toContain('Art. 49(1)');
    expect(find(list, 'Art. 9(1)').dates).toEqual([expect.objectContaining({ scope: 'annex_i', baseline: '2027-08-02', effective: '2028-08-02' })]);
    expect(find(list, 'Art. 8(2)').roles).toEqual(['provider', 'product_manufacturer']);
  });

  it('an Annex I Section B product: only Art. 6(1) from the high-risk items (Art. 2(2))', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['civil_aviation'], annex1_third_party: true }));
    const list = applicableObligations(r, ['provider', 'product_manufacturer'], catalog, today);
    expect(items(list)).toEqual(['Art. 6(1)']);
  });

  it('a system high-risk under both Annex I and Annex III carries both dates on shared obligations', () => {
    const r = classify(withAnswers({ annex1_product: true, annex1_legislation: ['medical_devices'], annex1_third_party: true, annex3_areas: ['5'], annex3_area_5: ['d'], art6_3_conditions: [] }));
    const nine = find(applicableObligations(r, ['provider'], catalog, today), 'Art. 9(1)');
    expect(nine.dates.map((d) => d.scope).sort()).toEqual(['annex_i', 'annex_iii']);
  });

  it('an accepted derogation: only the assessment and registration duties of Art. 6(4) and Art. 49(2), plus AI literacy', () => {
    const r = classify(withAnswers({ annex3_areas: ['4'], annex3_area_4: ['a'], art6_3_conditions: ['a'], art6_3_profiling: false }));
    const list = applicableObligations(r, ['provider'], catalog, today);
    expect(items(list)).toEqual(['Art. 4', 'Art. 6(4)', 'Art. 49(2)']);
    expect(find(list, 'Art. 6(4)').selectedBy).toMatch(/derogation/);
  });

  it('the derogation refused for profiling gives the full high-risk set instead', () => {
    const r = classify(withAnswers({ annex3_areas: ['4'], annex3_area_4: ['a'], art6_3_conditions: ['a'], art6_3_profiling: true }));
    const list = applicableObligations(r, ['provider'], catalog, today);
    expect(items(list)).toEqual(expect.arrayContaining(['Art. 6(2)', 'Art. 9(1)']));
    expect(items(list)).not.toContain('Art. 6(4)');
  });

  it('a remote biometric identification system (Annex III point 1(a)) adds the point-1(a) duties', () => {
    const r = classify(withAnswers({ annex3_areas: ['1'], annex3_area_1: ['a'], art6_3_conditions: [] }));
    const list = applicableObligations(r, ['provider', 'deployer'], catalog, today);
    expect(items(list)).toEqual(expect.arrayContaining(['Art. 12(3)', 'Art. 14(5)', 'Art. 26(10)', 'Art. 43(1)']));
    expect(items(list)).not.toContain('Art. 43(2)');
  });

  it('a prohibited practice selects exactly its Art. 5 point, in force since 2 February 2025', () => {
    const r = classify(withAnswers({ art5_1_c: true }));
    const list = applicableObligations(r, ['provider', 'deployer'], catalog, today);
    expect(items(list)).toEqual(['Art. 5(1)(c)']);
    expect(list[0]).toMatchObject({ appliesToday: true, roles: ['provider', 'deployer'], dates: [{ baseline: '2025-02-02', amended: null }] });
  });

  it('the Digital Omnibus prohibition comes from the amendment layer, unverified in number and not yet in force', () => {
    const r = classify(withAnswers({ art5_new_intimate_imagery: true }));
    const list = applicableObligations(r, ['deployer'], catalog, today);
    expect(list).toEqual([
      expect.objectContaining({ item: 'Art. 5(1), new point', ref: null, numberVerified: false, appliesToday: false, dates: [expect.objectContaining({ baseline: null, effective: '2026-12-02' })] }),
    ]);
    expect(applicableObligations(r, ['deployer'], catalog, '2026-12-02')[0]?.appliesToday).toBe(true);
  });

  it('Art. 50 duties follow the paragraph and the role: 50(1) for the provider, 50(3) for the deployer, 50(5) with them', () => {
    const r = classify(withAnswers({ art50_1_interaction: true, art50_3_emotion_or_categorisation: true }));
    expect(items(applicableObligations(r, ['provider'], catalog, today))).toEqual(['Art. 4', 'Art. 50(1)', 'Art. 50(5)']);
    expect(items(applicableObligations(r, ['deployer'], catalog, today))).toEqual(['Art. 4', 'Art. 50(3)', 'Art. 50(5)']);
  });

  it('Art. 50(5) binds only the role whose Art. 50 duty applies', () => {
    const r = classify(withAnswers({ art50_3_emotion_or_categorisation: true }));
    expect(items(applicableObligations(r, ['provider'], catalog, today))).toEqual(['Art. 4']);
    expect(find(applicableObligations(r, ['provider', 'deployer'], catalog, today), 'Art. 50(5)').roles).toEqual(['deployer']);
  });

  it('critical infrastructure (Annex III point 2): no fundamental-rights assessment or right to explanation', () => {
    const r = classify(withAnswers({ annex3_areas: ['2'], art6_3_conditions: [] }));
    const list = items(applicableObligations(r, ['provider', 'deployer'], catalog, today));
    expect(list).toEqual(expect.arrayContaining(['Art. 6(2)', 'Art. 43(2)', 'Art. 26(1)']));
    for (const item of ['Art. 27(1)', 'Art. 86(1)', 'Art. 43(1)']) expect(list).not.toContain(item);
  });

  it('Art. 50(2): the amended date governs only a system already on the market, and is open while that is unanswered', () => {
    const synthetic = { art50_2_synthetic: true, art50_2_assistive_only: false, art50_4_deep_fake: false, art50_4_public_interest_text: false } as const;
    const marking = (before?: boolean) =>
      find(applicableObligations(classify(withAnswers({ ...synthetic, ...(before === undefined ? {} : { art50_2_on_market_before_2026_08_02: before }) })), ['provider'], catalog, today), 'Art. 50(2)');
    expect(marking(true)).toMatchObject({ appliesToday: false, dates: [{ baseline: '2026-08-02', effective: '2026-12-02', amended: { date: '2026-12-02', conditionMet: true } }] });
    expect(marking(false)).toMatchObject({ appliesToday: true, dates: [{ effective: '2026-08-02', amended: { conditionMet: false } }] });
    expect(marking()).toMatchObject({ appliesToday: null, dates: [{ effective: null, amended: { conditionMet: null } }] });
  });

  it('a general-purpose model: Art. 53 for its provider; Art. 55 only with systemic risk; nothing for a mere deployer', () => {
    const plain = classify(withAnswers({ gpai_model: true, gpai_high_impact_compute: false, gpai_designated: false }));
    const systemic = classify(withAnswers({ gpai_model: true, gpai_high_impact_compute: true }));
    const plainList = items(applicableObligations(plain, ['gpai_provider'], catalog, today));
    const systemicList = items(applicableObligations(systemic, ['gpai_provider'], catalog, today));
    expect(plainList).toEqual(expect.arrayContaining(['Art. 53(1)(a)', 'Art. 53(1)(d)']));
    expect(plainList.some((i) => i.startsWith('Art. 55('))).toBe(false);
    expect(systemicList).toEqual(expect.arrayContaining(['Art. 52(1)', 'Art. 53(1)(a)', 'Art. 55(1)(a)', 'Art. 55(1)(d)']));
    expect(systemicList).not.toContain('Art. 53(2)');
    expect(applicableObligations(systemic, ['deployer'], catalog, today)).toEqual([]);
    const open = classify(withAnswers({ gpai_model: true }));
    const openList = items(applicableObligations(open, ['gpai_provider'], catalog, today));
    expect(openList).toContain('Art. 53(1)(a)');
    expect(openList).not.toContain('Art. 53(2)');
    expect(openList.some((i) => i.startsWith('Art. 55('))).toBe(false);
  });

  it('a minimal-risk system: AI literacy only', () => {
    const list = applicableObligations(classify(withAnswers({})), ['provider', 'deployer'], catalog, today);
    expect(items(list)).toEqual(['Art. 4']);
  });

  it('refuses a day that is not a date, and a catalog without the EU AI Act', () => {
    expect(() => applicableObligations(creditScoring, ['provider'], catalog, '28/11/2026')).toThrow('today must be a date like 2026-11-28, not "28/11/2026"');
    expect(() => applicableObligations(creditScoring, ['provider'], { ...catalog, frameworks: [] }, today)).toThrow(/no EU AI Act framework/);
  });
});
