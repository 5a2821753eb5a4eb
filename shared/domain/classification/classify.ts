import type { RiskClass } from '../../catalog/schema';
import { annexILegislation, annexIIIArea, annexIIIRef, type AnnexIIIAreaNumber } from './annexes';
import type { ClassificationAnswers, QuestionId } from './answers';
import { askedQuestions, describeAnswer, ignoredAnswers } from './flow';
import { areaQuestionId, derogationConditions, question } from './questions';
import type {
  AnnexIBasis,
  AnnexIIIBasis,
  ClassificationResult,
  Derogation,
  GpaiStatus,
  HighRiskBasis,
  ProhibitedPractice,
  ReasoningStep,
  TransparencyDuty,
} from './result';

/**
 * Classifies one AI system under the EU AI Act from its questionnaire answers. Pure: the same
 * answers always give the same result, so a stored result can be re-derived whenever an answer
 * changes. Only questions the flow asks count; a missing answer leaves its part open (and says so)
 * rather than being read as "no".
 */

interface Context {
  answers: ClassificationAnswers;
  asked: Set<string>;
  steps: ReasoningStep[];
}

function value<K extends QuestionId>(ctx: Context, id: K): ClassificationAnswers[K] | undefined {
  return ctx.asked.has(id) ? ctx.answers[id] : undefined;
}

function rest(ctx: Context, ...ids: QuestionId[]): ReasoningStep['restsOn'] {
  return ids.filter((id) => ctx.asked.has(id)).map((id) => ({ question: id, answer: describeAnswer(question(id), ctx.answers[id]) }));
}

function step(ctx: Context, article: string, outcome: ReasoningStep['outcome'], finding: string, ...ids: QuestionId[]): void {
  ctx.steps.push({ article, restsOn: rest(ctx, ...ids), outcome, finding });
}

const practices: { id: QuestionId; ref: string; label: string }[] = [
  { id: 'art5_1_a', ref: 'Art. 5(1)(a)', label: 'Manipulative or deceptive techniques causing significant harm' },
  { id: 'art5_1_b', ref: 'Art. 5(1)(b)', label: 'Exploiting vulnerabilities of age, disability or social or economic situation' },
  { id: 'art5_1_c', ref: 'Art. 5(1)(c)', label: 'Social scoring leading to detrimental treatment' },
  { id: 'art5_1_d', ref: 'Art. 5(1)(d)', label: 'Predicting crime from profiling or personality traits alone' },
  { id: 'art5_1_e', ref: 'Art. 5(1)(e)', label: 'Untargeted scraping of facial images for recognition databases' },
  { id: 'art5_1_f', ref: 'Art. 5(1)(f)', label: 'Emotion recognition at the workplace or in education' },
  { id: 'art5_1_g', ref: 'Art. 5(1)(g)', label: 'Biometric categorisation inferring sensitive traits' },
];

function prohibitedPractices(ctx: Context): ProhibitedPractice[] {
  const found: ProhibitedPractice[] = [];
  for (const p of practices) {
    const a = value(ctx, p.id);
    if (a === undefined) step(ctx, p.ref, 'open', `Not answered yet: ${p.label.toLowerCase()}.`, p.id);
    else if (a) {
      found.push({ ref: p.ref, label: p.label, numberVerified: true });
      step(ctx, p.ref, 'applies', `Prohibited practice: ${p.label.toLowerCase()}. The system may not be placed on the market, put into service or used.`, p.id);
    } else step(ctx, p.ref, 'does_not_apply', `Not this prohibited practice.`, p.id);
  }

  const h = value(ctx, 'art5_1_h');
  const exception = value(ctx, 'art5_1_h_exception');
  const hLabel = 'Real-time remote biometric identification in public spaces for law enforcement';
  if (h === undefined) step(ctx, 'Art. 5(1)(h)', 'open', 'Not answered yet: real-time remote biometric identification for law enforcement.', 'art5_1_h');
  else if (!h) step(ctx, 'Art. 5(1)(h)', 'does_not_apply', 'Not this prohibited practice.', 'art5_1_h');
  else if (exception === undefined)
    step(ctx, 'Art. 5(1)(h)', 'open', 'Real-time remote biometric identification for law enforcement: whether a permitted objective and prior authorisation cover each use is not answered yet.', 'art5_1_h', 'art5_1_h_exception');
  else if (exception)
    step(ctx, 'Art. 5(1)(h)(i)–(iii)', 'does_not_apply', 'Used only within the permitted law-enforcement objectives with authorisation, so not prohibited; such systems are remote biometric identification under Annex III point 1(a).', 'art5_1_h', 'art5_1_h_exception');
  else {
    found.push({ ref: 'Art. 5(1)(h)', label: hLabel, numberVerified: true });
    step(ctx, 'Art. 5(1)(h)', 'applies', 'Prohibited practice: real-time remote biometric identification for law enforcement outside the permitted objectives.', 'art5_1_h', 'art5_1_h_exception');
  }

  const added = question('art5_new_intimate_imagery');
  const n = value(ctx, 'art5_new_intimate_imagery');
  if (n === undefined) step(ctx, added.article, 'open', 'Not answered yet: non-consensual intimate imagery or child sexual abuse material.', added.id as QuestionId);
  else if (n) {
    found.push({ ref: added.article, label: 'Generating non-consensual intimate imagery or child sexual abuse material', numberVerified: false });
    step(ctx, added.article, 'applies', 'Prohibited practice reported as added by the Digital Omnibus (point letter not verified): generating non-consensual intimate imagery or child sexual abuse material.', 'art5_new_intimate_imagery');
  } else step(ctx, added.article, 'does_not_apply', 'Not this prohibited practice.', 'art5_new_intimate_imagery');
  return found;
}

function annexIBases(ctx: Context): HighRiskBasis[] {
  const product = value(ctx, 'annex1_product');
  if (product === undefined) {
    step(ctx, 'Art. 6(1)', 'open', 'Not answered yet: whether the system is an Annex I product or safety component.', 'annex1_product');
    return [];
  }
  if (!product) {
    step(ctx, 'Art. 6(1)', 'does_not_apply', 'Not a product or safety component under Annex I legislation, so not high-risk through Art. 6(1).', 'annex1_product');
    return [];
  }
  const legislation = value(ctx, 'annex1_legislation');
  const thirdParty = value(ctx, 'annex1_third_party');
  if (legislation === undefined || (legislation.length > 0 && thirdParty === undefined)) {
    step(ctx, 'Art. 6(1)', 'open', 'An Annex I product: which legislation covers it, or whether it needs third-party conformity assessment, is not answered yet.', 'annex1_product', 'annex1_legislation', 'annex1_third_party');
    return [];
  }
  if (legislation.length === 0) {
    step(ctx, 'Art. 6(1)(a)', 'does_not_apply', 'No Annex I legislation was chosen, so not high-risk through Art. 6(1).', 'annex1_product', 'annex1_legislation');
    return [];
  }
  if (!thirdParty) {
    step(ctx, 'Art. 6(1)(b)', 'does_not_apply', 'No third-party conformity assessment is required under the Annex I legislation, so not high-risk through Art. 6(1).', 'annex1_product', 'annex1_legislation', 'annex1_third_party');
    return [];
  }
  const bases = legislation.map((id): AnnexIBasis => {
    const l = annexILegislation.find((x) => x.id === id)!;
    return { kind: 'annex_i', article: 'Art. 6(1)', section: l.section, ref: `Annex I Section ${l.section} point ${l.point}`, legislation: l.id, act: l.act, subject: l.subject };
  });
  for (const b of bases)
    step(ctx, `Art. 6(1), ${b.ref}`, 'applies',
      b.section === 'A'
        ? `High-risk: a product or safety component under ${b.act} (${b.subject}) that needs third-party conformity assessment.`
        : `High-risk: a product or safety component under ${b.act} (${b.subject}) that needs third-party conformity assessment. Section B legislation: by Art. 2(2) only Art. 6(1), Art. 102–109 and Art. 112 apply directly; the requirements reach the product through that legislation.`,
      'annex1_product', 'annex1_legislation', 'annex1_third_party');
  return bases;
}

/** The Annex III points the answers place the system in; null when an area's points are not answered yet. */
function annexIIIPoints(ctx: Context): AnnexIIIBasis[] | null {
  const areas = value(ctx, 'annex3_areas');
  if (areas === undefined) {
    step(ctx, 'Art. 6(2)', 'open', 'Not answered yet: whether the system is used in an Annex III area.', 'annex3_areas');
    return null;
  }
  if (areas.length === 0) {
    step(ctx, 'Art. 6(2)', 'does_not_apply', 'Used in no Annex III area, so not high-risk through Art. 6(2).', 'annex3_areas');
    return [];
  }
  const points: AnnexIIIBasis[] = [];
  let open = false;
  for (const area of areas as AnnexIIIAreaNumber[]) {
    const a = annexIIIArea(area);
    const basis = (letter: string, description: string): AnnexIIIBasis => ({
      kind: 'annex_iii', article: 'Art. 6(2)', area, areaTitle: a.title, letter, ref: annexIIIRef(area, letter), description,
    });
    if (a.points.length === 1) {
      points.push(basis('', a.points[0]!.description));
      continue;
    }
    const qid = areaQuestionId(area) as QuestionId;
    const letters = value(ctx, qid) as readonly string[] | undefined;
    if (letters === undefined) {
      open = true;
      step(ctx, `Annex III point ${area}`, 'open', `Used in the area "${a.title}"; which of its use cases is not answered yet.`, 'annex3_areas', qid);
      continue;
    }
    if (letters.length === 0) step(ctx, `Annex III point ${area}`, 'does_not_apply', `In the area "${a.title}" but none of its listed use cases.`, 'annex3_areas', qid);
    for (const letter of letters) points.push(basis(letter, a.points.find((p) => p.letter === letter)!.description));
  }
  for (const p of points) step(ctx, `Art. 6(2), ${p.ref}`, 'applies', `An Annex III use case: ${p.description.toLowerCase()}.`, 'annex3_areas', ...(p.letter ? [areaQuestionId(p.area) as QuestionId] : []));
  return open ? null : points;
}

function derogationFor(ctx: Context, points: AnnexIIIBasis[]): Derogation | null {
  const conditions = value(ctx, 'art6_3_conditions');
  if (conditions === undefined) {
    step(ctx, 'Art. 6(3)', 'open', 'Whether the provider claims the Art. 6(3) derogation is not answered yet.', 'art6_3_conditions');
    return null;
  }
  if (conditions.length === 0) {
    step(ctx, 'Art. 6(3)', 'does_not_apply', 'No derogation claimed: the Annex III use cases make the system high-risk.', 'art6_3_conditions');
    return null;
  }
  const chosen = derogationConditions.filter((c) => conditions.includes(c.value)).map((c) => ({ ref: c.ref, label: c.label }));
  const claimedFor = points.map((p) => p.ref);
  const profiling = value(ctx, 'art6_3_profiling');
  const refs = chosen.map((c) => c.ref).join(', ');
  if (profiling === undefined) {
    step(ctx, 'Art. 6(3), third subparagraph', 'open', `Derogation claimed under ${refs}; whether the system profiles natural persons, which would rule it out, is not answered yet.`, 'art6_3_conditions', 'art6_3_profiling');
    return { article: 'Art. 6(3)', conditions: chosen, claimedFor, status: 'open', reason: 'Whether the system profiles natural persons is not answered yet.' };
  }
  if (profiling) {
    const reason = 'The system profiles natural persons, so it is always high-risk and the derogation cannot apply.';
    step(ctx, 'Art. 6(3), third subparagraph', 'applies', `Derogation under ${refs} refused: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, 'art6_3_conditions', 'art6_3_profiling');
    return { article: 'Art. 6(3)', conditions: chosen, claimedFor, status: 'refused', reason };
  }
  const reason = 'A condition of Art. 6(3) holds and the system does not profile natural persons; the provider must document the assessment (Art. 6(4)) and register the system (Art. 49(2)).';
  step(ctx, refs, 'applies', `Derogation accepted: not high-risk through Annex III. ${reason}`, 'art6_3_conditions', 'art6_3_profiling');
  return { article: 'Art. 6(3)', conditions: chosen, claimedFor, status: 'accepted', reason };
}

function transparencyDuties(ctx: Context): TransparencyDuty[] {
  const duties: TransparencyDuty[] = [];
  const yes = (id: QuestionId, article: string, applies: string, none: string, ...more: QuestionId[]): boolean | undefined => {
    const a = value(ctx, id) as boolean | undefined;
    step(ctx, article, a === undefined ? 'open' : a ? 'applies' : 'does_not_apply', a === undefined ? `Not answered yet: ${question(id).short}.` : a ? applies : none, id, ...more);
    return a;
  };
  if (yes('art50_1_interaction', 'Art. 50(1)', 'The provider must make sure people are told they are dealing with an AI system.', 'No direct interaction with people that calls for a notice.'))
    duties.push({ ref: 'Art. 50(1)', label: 'Tell people they are interacting with an AI system', role: 'provider' });

  const synthetic = value(ctx, 'art50_2_synthetic');
  const assistive = value(ctx, 'art50_2_assistive_only');
  if (synthetic === undefined) step(ctx, 'Art. 50(2)', 'open', 'Not answered yet: synthetic content.', 'art50_2_synthetic');
  else if (!synthetic) step(ctx, 'Art. 50(2)', 'does_not_apply', 'Generates no synthetic content.', 'art50_2_synthetic');
  else if (assistive === undefined) step(ctx, 'Art. 50(2)', 'open', 'Generates synthetic content; whether it only assists editing is not answered yet.', 'art50_2_synthetic', 'art50_2_assistive_only');
  else if (assistive) step(ctx, 'Art. 50(2)', 'does_not_apply', 'Only assists standard editing or leaves the input substantially unchanged, so no marking duty.', 'art50_2_synthetic', 'art50_2_assistive_only');
  else {
    const before = value(ctx, 'art50_2_on_market_before_2026_08_02');
    duties.push({ ref: 'Art. 50(2)', label: 'Mark synthetic output as artificially generated, in a machine-readable way', role: 'provider', onMarketBefore20260802: before ?? null });
    step(ctx, 'Art. 50(2)', 'applies', 'The provider must mark generated content in a machine-readable, detectable way.', 'art50_2_synthetic', 'art50_2_assistive_only', 'art50_2_on_market_before_2026_08_02');
  }

  if (yes('art50_3_emotion_or_categorisation', 'Art. 50(3)', 'The deployer must inform the people exposed to it.', 'Neither emotion recognition nor biometric categorisation.'))
    duties.push({ ref: 'Art. 50(3)', label: 'Inform people exposed to emotion recognition or biometric categorisation', role: 'deployer' });

  if (synthetic) {
    const fake = yes('art50_4_deep_fake', 'Art. 50(4)', 'The deployer must disclose that the content is artificially generated or manipulated.', 'Produces no deep fakes.');
    const text = yes('art50_4_public_interest_text', 'Art. 50(4), second subparagraph', 'The deployer must disclose that text informing the public was generated or manipulated by AI.', 'Publishes no AI text on matters of public interest without editorial responsibility.');
    if (fake || text) duties.push({ ref: 'Art. 50(4)', label: 'Disclose deep fakes and AI-generated text published on matters of public interest', role: 'deployer' });
  }
  return duties;
}

function gpaiStatus(ctx: Context): GpaiStatus {
  const model = value(ctx, 'gpai_model');
  if (model === undefined) {
    step(ctx, 'Art. 51', 'open', 'Not answered yet: whether a general-purpose AI model is involved.', 'gpai_model');
    return { model: null, systemicRisk: null, systemicBasis: null };
  }
  if (!model) {
    step(ctx, 'Art. 51', 'does_not_apply', 'No general-purpose AI model.', 'gpai_model');
    return { model: false, systemicRisk: false, systemicBasis: null };
  }
  const compute = value(ctx, 'gpai_high_impact_compute');
  const designated = value(ctx, 'gpai_designated');
  if (compute) {
    step(ctx, 'Art. 51(2)', 'applies', 'A general-purpose AI model presumed to have high-impact capabilities (training compute above 10^25 FLOPs): a model with systemic risk; the provider notifies the Commission (Art. 52(1)).', 'gpai_model', 'gpai_high_impact_compute');
    return { model: true, systemicRisk: true, systemicBasis: 'Art. 51(2)' };
  }
  if (compute === undefined || designated === undefined) {
    step(ctx, 'Art. 51(1)', 'open', 'A general-purpose AI model; whether it has systemic risk is not answered yet.', 'gpai_model', 'gpai_high_impact_compute', 'gpai_designated');
    return { model: true, systemicRisk: null, systemicBasis: null };
  }
  if (designated) {
    step(ctx, 'Art. 51(1)(b)', 'applies', 'A general-purpose AI model with systemic risk by designation or the Annex XIII criteria.', 'gpai_model', 'gpai_high_impact_compute', 'gpai_designated');
    return { model: true, systemicRisk: true, systemicBasis: 'Art. 51(1)(b)' };
  }
  step(ctx, 'Art. 51(1)', 'does_not_apply', 'A general-purpose AI model without systemic risk: the Art. 53 duties apply to its provider, not those of Art. 55.', 'gpai_model', 'gpai_high_impact_compute', 'gpai_designated');
  return { model: true, systemicRisk: false, systemicBasis: null };
}

export function classify(answers: ClassificationAnswers): ClassificationResult {
  const asked = askedQuestions(answers);
  const ctx: Context = { answers, asked: new Set(asked.map((q) => q.id)), steps: [] };
  const missing = asked
    .filter((q) => (answers as Record<string, unknown>)[q.id] === undefined)
    .map((q) => ({ question: q.id as QuestionId, section: q.section, article: q.article, text: q.text }));

  const prohibited = prohibitedPractices(ctx);
  const highRisk = annexIBases(ctx);
  const points = annexIIIPoints(ctx);
  let derogation: Derogation | null = null;
  if (points && points.length > 0) {
    derogation = derogationFor(ctx, points);
    // In force once the derogation question is answered and no derogation stands or waits on an answer.
    const inForce = value(ctx, 'art6_3_conditions') !== undefined && (derogation === null || derogation.status === 'refused');
    if (inForce) highRisk.push(...points);
  }
  const transparency = transparencyDuties(ctx);
  const gpai = gpaiStatus(ctx);

  const complete = missing.length === 0;
  const found = prohibited.length > 0 || highRisk.length > 0 || transparency.length > 0 || gpai.model === true;
  const minimalRisk = found ? false : complete ? true : null;
  if (minimalRisk)
    step(ctx, 'Art. 5, Art. 6, Art. 50, Art. 51', 'applies',
      derogation?.status === 'accepted'
        ? 'Minimal risk: no prohibited practice, not high-risk (derogation accepted), no transparency duty, no general-purpose model; the derogation itself still carries the duties of Art. 6(4) and Art. 49(2).'
        : 'Minimal risk: no prohibited practice, not high-risk, no transparency duty and no general-purpose model; only the general duties (such as AI literacy, Art. 4) apply.',
      'annex1_product', 'annex3_areas', 'art50_1_interaction', 'art50_2_synthetic', 'art50_3_emotion_or_categorisation', 'gpai_model');

  const riskClasses: RiskClass[] = [];
  if (prohibited.length > 0) riskClasses.push('prohibited');
  if (highRisk.length > 0) riskClasses.push('high_risk');
  if (transparency.length > 0) riskClasses.push('limited_risk');
  // As in the catalog: "gpai" is a model without systemic risk, "gpai_systemic" one with it.
  if (gpai.model && gpai.systemicRisk === false) riskClasses.push('gpai');
  if (gpai.model && gpai.systemicRisk === true) riskClasses.push('gpai_systemic');
  if (minimalRisk) riskClasses.push('minimal_risk');

  return { complete, prohibited, highRisk, derogation, transparency, gpai, minimalRisk, riskClasses, reasoning: ctx.steps, missing, ignored: ignoredAnswers(answers) };
}
