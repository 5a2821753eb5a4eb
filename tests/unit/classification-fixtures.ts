import type { ClassificationAnswers } from '../../shared/domain/classification';

/**
 * A complete questionnaire in which nothing applies: every test starts from it and changes the
 * answers its case is about, so each case differs from minimal risk by exactly those answers.
 */
export const nothingApplies: ClassificationAnswers = {
  art5_1_a: false,
  art5_1_b: false,
  art5_1_c: false,
  art5_1_d: false,
  art5_1_e: false,
  art5_1_f: false,
  art5_1_g: false,
  art5_1_h: false,
  art5_new_intimate_imagery: false,
  annex1_product: false,
  annex3_areas: [],
  art50_1_interaction: false,
  art50_2_synthetic: false,
  art50_3_emotion_or_categorisation: false,
  gpai_model: false,
};

export const withAnswers = (changes: ClassificationAnswers): ClassificationAnswers => ({ ...nothingApplies, ...changes });
