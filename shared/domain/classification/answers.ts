import { z } from 'zod';
import { plainError } from '../../plain-issues';
import { annexILegislationIds } from './annexes';
import { question, questionName } from './questions';

/**
 * The answers to the classification questionnaire: one optional field per question id, so a
 * questionnaire can be stored half-done. Yes/no questions take true or false; choose-many questions
 * take a list of option values, where an empty list means "none of them" (an answer), and a missing
 * field means "not answered yet".
 */

function yesNo(id: string) {
  question(id);
  return z.boolean({ error: (issue) => `${questionName(id)}: answer true (yes) or false (no)${issue.input === undefined ? '' : `, not ${JSON.stringify(issue.input)}`}` }).optional();
}

function many<const T extends readonly [string, ...string[]]>(id: string, values: T) {
  question(id);
  const allowed = values.map((v) => JSON.stringify(v)).join(', ');
  return z
    .array(z.enum(values, { error: (issue) => `${questionName(id)}: ${JSON.stringify(issue.input)} is not one of the choices (${allowed})` }), {
      error: () => `${questionName(id)}: answer with a list of choices (${allowed}), or an empty list for none`,
    })
    .refine((list) => new Set(list).size === list.length, { error: `${questionName(id)}: a choice is listed twice` })
    .optional();
}

const letters = <const T extends readonly [string, ...string[]]>(...l: T) => l;

export const ClassificationAnswers = z
  .object({
    art5_1_a: yesNo('art5_1_a'),
    art5_1_b: yesNo('art5_1_b'),
    art5_1_c: yesNo('art5_1_c'),
    art5_1_d: yesNo('art5_1_d'),
    art5_1_e: yesNo('art5_1_e'),
    art5_1_f: yesNo('art5_1_f'),
    art5_1_g: yesNo('art5_1_g'),
    art5_1_h: yesNo('art5_1_h'),
    art5_1_h_exception: yesNo('art5_1_h_exception'),
    art5_new_intimate_imagery: yesNo('art5_new_intimate_imagery'),
    annex1_product: yesNo('annex1_product'),
    annex1_legislation: many('annex1_legislation', annexILegislationIds),
    annex1_third_party: yesNo('annex1_third_party'),
    annex3_areas: many('annex3_areas', letters('1', '2', '3', '4', '5', '6', '7', '8')),
    annex3_area_1: many('annex3_area_1', letters('a', 'b', 'c')),
    annex3_area_3: many('annex3_area_3', letters('a', 'b', 'c', 'd')),
    annex3_area_4: many('annex3_area_4', letters('a', 'b')),
    annex3_area_5: many('annex3_area_5', letters('a', 'b', 'c', 'd')),
    annex3_area_6: many('annex3_area_6', letters('a', 'b', 'c', 'd', 'e')),
    annex3_area_7: many('annex3_area_7', letters('a', 'b', 'c', 'd')),
    annex3_area_8: many('annex3_area_8', letters('a', 'b')),
    art6_3_conditions: many('art6_3_conditions', letters('a', 'b', 'c', 'd')),
    art6_3_profiling: yesNo('art6_3_profiling'),
    art50_1_interaction: yesNo('art50_1_interaction'),
    art50_2_synthetic: yesNo('art50_2_synthetic'),
    art50_2_assistive_only: yesNo('art50_2_assistive_only'),
    art50_2_on_market_before_2026_08_02: yesNo('art50_2_on_market_before_2026_08_02'),
    art50_3_emotion_or_categorisation: yesNo('art50_3_emotion_or_categorisation'),
    art50_4_deep_fake: yesNo('art50_4_deep_fake'),
    art50_4_public_interest_text: yesNo('art50_4_public_interest_text'),
    gpai_model: yesNo('gpai_model'),
    gpai_high_impact_compute: yesNo('gpai_high_impact_compute'),
    gpai_designated: yesNo('gpai_designated'),
  })
  .strict();
export type ClassificationAnswers = z.infer<typeof ClassificationAnswers>;
export type QuestionId = keyof ClassificationAnswers;

export type AnswersCheck = { ok: true; answers: ClassificationAnswers } | { ok: false; problems: string[] };

/**
 * Validates answers from any door. Every problem is one sentence that names the question by its id,
 * article and subject, so a person fixing an answers file knows which answer to change.
 */
export function checkAnswers(input: unknown): AnswersCheck {
  const parsed = ClassificationAnswers.safeParse(input, { error: plainError });
  if (parsed.success) return { ok: true, answers: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown ${issue.keys.length === 1 ? 'question' : 'questions'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the questionnaire)`;
    if (issue.path.length === 0) return `the answers must be a mapping of question ids to answers, ${issue.message}`;
    const id = String(issue.path[0]);
    // Messages the schema writes itself already name the question.
    return issue.message.startsWith(`${id} (`) ? issue.message : `${questionName(id)}: ${issue.message}`;
  });
  return { ok: false, problems };
}
