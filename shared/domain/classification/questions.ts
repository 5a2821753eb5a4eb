import { annexILegislation, annexIIIAreas, annexIIIRef, type AnnexIIIAreaNumber } from './annexes';

/**
 * The EU AI Act classification questionnaire as data, so the app, the command line and the reports
 * show the same questions in the same order. Each question cites the provision it decides and says
 * after which answer it is asked (`when`); a question whose `when` does not hold is not asked, and
 * neither are the questions that follow from it. Wording is ours, never the Regulation's.
 */

export type QuestionSection = 'prohibited' | 'annex_i' | 'annex_iii' | 'derogation' | 'transparency' | 'gpai';

export const sectionTitles: Record<QuestionSection, string> = {
  prohibited: 'Prohibited practices (Art. 5)',
  annex_i: 'High-risk through Annex I product legislation (Art. 6(1))',
  annex_iii: 'High-risk through an Annex III use case (Art. 6(2))',
  derogation: 'Not high-risk despite Annex III (Art. 6(3))',
  transparency: 'Transparency obligations (Art. 50)',
  gpai: 'General-purpose AI model (Art. 51–52)',
};

/** After which answer a question is asked. */
export type AnswerCondition =
  | { question: string; is: boolean }
  | { question: string; includes: string }
  | { question: string; notEmpty: true };

/** A single answer, or any one of several (the derogation follows any Annex III use case). */
export type Condition = AnswerCondition | { anyOf: readonly AnswerCondition[] };

/** The questions a condition looks at. */
export function conditionQuestions(condition: Condition): string[] {
  return 'anyOf' in condition ? condition.anyOf.map((c) => c.question) : [condition.question];
}

export interface Option {
  value: string;
  label: string;
  /** The provision the option stands for, e.g. "Annex III point 5(b)". */
  ref: string;
}

export interface QuestionBase {
  id: string;
  section: QuestionSection;
  /** Short name used in messages ("manipulative techniques"). */
  short: string;
  /** The question as a person reads it. */
  text: string;
  /** The provision the question decides, exactly as cited. */
  article: string;
  /** False where the amended text's numbering could not be checked (the Digital Omnibus addition). */
  numberVerified: boolean;
  when?: Condition;
}

export type Question = QuestionBase & ({ kind: 'yes_no' } | { kind: 'choose_many'; options: readonly Option[] });

const yesNo = (q: Omit<QuestionBase, 'numberVerified'> & { numberVerified?: boolean }): Question => ({ numberVerified: true, ...q, kind: 'yes_no' });
const many = (q: Omit<QuestionBase, 'numberVerified'>, options: readonly Option[]): Question => ({ numberVerified: true, ...q, kind: 'choose_many', options });

const prohibited: Question[] = [
  yesNo({ id: 'art5_1_a', section: 'prohibited', article: 'Art. 5(1)(a)', short: 'manipulative or deceptive techniques',
    text: 'Does the system use subliminal, manipulative or deceptive techniques that materially distort people’s behaviour in a way likely to cause them significant harm?' }),
  yesNo({ id: 'art5_1_b', section: 'prohibited', article: 'Art. 5(1)(b)', short: 'exploiting vulnerabilities',
    text: 'Does the system exploit vulnerabilities due to age, disability or a social or economic situation to distort behaviour in a way likely to cause significant harm?' }),
  yesNo({ id: 'art5_1_c', section: 'prohibited', article: 'Art. 5(1)(c)', short: 'social scoring',
    text: 'Does the system score or classify people by social behaviour or personal traits, leading to unjustified or unrelated detrimental treatment?' }),
  yesNo({ id: 'art5_1_d', section: 'prohibited', article: 'Art. 5(1)(d)', short: 'crime prediction from profiling',
    text: 'Does the system predict whether a person will commit a crime based solely on profiling or personality traits (rather than supporting a human assessment based on objective facts)?' }),
  yesNo({ id: 'art5_1_e', section: 'prohibited', article: 'Art. 5(1)(e)', short: 'untargeted facial image scraping',
    text: 'Does the system build or expand facial recognition databases by untargeted scraping of facial images from the internet or CCTV footage?' }),
  yesNo({ id: 'art5_1_f', section: 'prohibited', article: 'Art. 5(1)(f)', short: 'emotion recognition at work or school',
    text: 'Does the system infer emotions of people at the workplace or in education, other than for medical or safety reasons?' }),
  yesNo({ id: 'art5_1_g', section: 'prohibited', article: 'Art. 5(1)(g)', short: 'biometric categorisation of sensitive traits',
    text: 'Does the system categorise people from biometric data to infer race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation?' }),
  yesNo({ id: 'art5_1_h', section: 'prohibited', article: 'Art. 5(1)(h)', short: 'real-time remote biometric identification for law enforcement',
    text: 'Is the system used for real-time remote biometric identification in publicly accessible spaces for law enforcement?' }),
  yesNo({ id: 'art5_1_h_exception', section: 'prohibited', article: 'Art. 5(1)(h)(i)–(iii), Art. 5(2)–(3)', short: 'law enforcement exception',
    text: 'Is each use strictly necessary for one of the narrow law-enforcement objectives the Act allows (targeted search for victims, preventing an imminent threat, locating suspects of serious crimes) and authorised beforehand?',
    when: { question: 'art5_1_h', is: true } }),
  yesNo({ id: 'art5_new_intimate_imagery', section: 'prohibited', article: 'Art. 5(1), new point (Digital Omnibus)', numberVerified: false,
    short: 'non-consensual intimate imagery or child sexual abuse material',
    text: 'Does the system generate or manipulate non-consensual intimate images or child sexual abuse material? (A prohibition reported as added by the Digital Omnibus; its point letter is not verified.)' }),
];

const annexI: Question[] = [
  yesNo({ id: 'annex1_product', section: 'annex_i', article: 'Art. 6(1)(a)', short: 'Annex I product or safety component',
    text: 'Is the system a product, or a safety component of a product, covered by the Union harmonisation legislation listed in Annex I?' }),
  many({ id: 'annex1_legislation', section: 'annex_i', article: 'Annex I', short: 'Annex I legislation',
    text: 'Which Annex I legislation covers the product?', when: { question: 'annex1_product', is: true } },
    annexILegislation.map((l) => ({ value: l.id, label: `${l.subject} (${l.act})`, ref: `Annex I Section ${l.section} point ${l.point}` }))),
  yesNo({ id: 'annex1_third_party', section: 'annex_i', article: 'Art. 6(1)(b)', short: 'third-party conformity assessment',
    text: 'Must the product undergo a third-party conformity assessment under that legislation before it is placed on the market or put into service?',
    when: { question: 'annex1_legislation', notEmpty: true } }),
];

export const areaQuestionId = (area: AnnexIIIAreaNumber): string => `annex3_area_${area}`;

const annexIII: Question[] = [
  many({ id: 'annex3_areas', section: 'annex_iii', article: 'Art. 6(2)', short: 'Annex III areas',
    text: 'In which of the Annex III areas is the system intended to be used? (Choose none if it is used in none of them.)' },
    annexIIIAreas.map((a) => ({ value: a.area, label: a.title, ref: `Annex III point ${a.area}` }))),
  // Area 2 has a single unlettered point, so choosing the area is the answer.
  ...annexIIIAreas
    .filter((a) => a.points.length > 1)
    .map((a) =>
      many({ id: areaQuestionId(a.area), section: 'annex_iii', article: `Annex III point ${a.area}`, short: 'which use cases',
        text: `Which ${a.title.toLowerCase()} use cases does the system serve?`, when: { question: 'annex3_areas', includes: a.area } },
        a.points.map((p) => ({ value: p.letter, label: p.description, ref: annexIIIRef(a.area, p.letter) }))),
    ),
];

export const derogationConditions = [
  { value: 'a', label: 'It performs a narrow procedural task', ref: 'Art. 6(3)(a)' },
  { value: 'b', label: 'It improves the result of a human activity already completed', ref: 'Art. 6(3)(b)' },
  { value: 'c', label: 'It detects decision patterns or deviations and does not replace or sway a completed human assessment without proper human review', ref: 'Art. 6(3)(c)' },
  { value: 'd', label: 'It performs a preparatory task to an assessment relevant to the Annex III use case', ref: 'Art. 6(3)(d)' },
] as const satisfies readonly Option[];

const derogation: Question[] = [
  many({ id: 'art6_3_conditions', section: 'derogation', article: 'Art. 6(3)', short: 'Art. 6(3) derogation',
    text: 'Does the provider consider that the system poses no significant risk of harm because one of these conditions holds? (Choose none to claim no derogation.)',
    when: { anyOf: [
      { question: 'annex3_areas', includes: '2' },
      ...annexIIIAreas.filter((a) => a.points.length > 1).map((a) => ({ question: areaQuestionId(a.area), notEmpty: true as const })),
    ] } }, derogationConditions),
  yesNo({ id: 'art6_3_profiling', section: 'derogation', article: 'Art. 6(3), third subparagraph', short: 'profiling of natural persons',
    text: 'Does the system perform profiling of natural persons?', when: { question: 'art6_3_conditions', notEmpty: true } }),
];

const transparency: Question[] = [
  yesNo({ id: 'art50_1_interaction', section: 'transparency', article: 'Art. 50(1)', short: 'direct interaction with people',
    text: 'Is the system intended to interact directly with people (a chatbot, a voice assistant), where that it is an AI would not be obvious?' }),
  yesNo({ id: 'art50_2_synthetic', section: 'transparency', article: 'Art. 50(2)', short: 'synthetic content',
    text: 'Does the system generate synthetic audio, image, video or text?' }),
  yesNo({ id: 'art50_2_assistive_only', section: 'transparency', article: 'Art. 50(2)', short: 'assistive editing only',
    text: 'Does it only assist standard editing, or leave the input data and its meaning substantially unchanged?', when: { question: 'art50_2_synthetic', is: true } }),
  yesNo({ id: 'art50_2_on_market_before_2026_08_02', section: 'transparency', article: 'Art. 50(2), Digital Omnibus date change', short: 'on the market before 2 August 2026',
    text: 'Was the system placed on the market before 2 August 2026? (The Digital Omnibus is reported to give such systems until 2 December 2026 for marking.)',
    when: { question: 'art50_2_assistive_only', is: false } }),
  yesNo({ id: 'art50_3_emotion_or_categorisation', section: 'transparency', article: 'Art. 50(3)', short: 'emotion recognition or biometric categorisation',
    text: 'Is the system an emotion recognition or biometric categorisation system used on people?' }),
  yesNo({ id: 'art50_4_deep_fake', section: 'transparency', article: 'Art. 50(4)', short: 'deep fakes',
    text: 'Does it generate or manipulate images, audio or video that resemble real people, objects, places or events and could falsely appear authentic (a deep fake)?',
    when: { question: 'art50_2_synthetic', is: true } }),
  yesNo({ id: 'art50_4_public_interest_text', section: 'transparency', article: 'Art. 50(4), second subparagraph', short: 'text on matters of public interest',
    text: 'Does it generate or manipulate text published to inform the public on matters of public interest, without human editorial review and responsibility?',
    when: { question: 'art50_2_synthetic', is: true } }),
];

const gpai: Question[] = [
  yesNo({ id: 'gpai_model', section: 'gpai', article: 'Art. 3(63), Art. 51', short: 'general-purpose AI model',
    text: 'Is the system, or a model in it, a general-purpose AI model: one of significant generality that competently performs a wide range of distinct tasks and can be built into other systems?' }),
  yesNo({ id: 'gpai_high_impact_compute', section: 'gpai', article: 'Art. 51(2)', short: 'training compute above 10^25 FLOPs',
    text: 'Was the model trained with more than 10^25 floating-point operations in total (presumed to have high-impact capabilities)?', when: { question: 'gpai_model', is: true } }),
  yesNo({ id: 'gpai_designated', section: 'gpai', article: 'Art. 51(1)(b), Art. 52', short: 'designated by the Commission',
    text: 'Has the Commission designated the model as having systemic risk, or does it otherwise have high-impact capabilities by the Annex XIII criteria?',
    when: { question: 'gpai_high_impact_compute', is: false } }),
];

/** Every question in the order the questionnaire asks them. */
export const questions: readonly Question[] = [...prohibited, ...annexI, ...annexIII, ...derogation, ...transparency, ...gpai];

const byId = new Map(questions.map((q) => [q.id, q]));

export function question(id: string): Question {
  const q = byId.get(id);
  if (!q) throw new Error(`no classification question ${id}`);
  return q;
}

/** "art5_1_a (Art. 5(1)(a), manipulative or deceptive techniques)": how messages name a question. */
export function questionName(id: string): string {
  const q = byId.get(id);
  return q ? `${q.id} (${q.article}, ${q.short})` : id;
}
