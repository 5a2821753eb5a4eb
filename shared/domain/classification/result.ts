import type { RiskClass } from '../../catalog/schema';
import type { AnnexIIIAreaNumber, AnnexISection } from './annexes';
import type { QuestionId } from './answers';
import type { QuestionSection } from './questions';

/** The shape classify() returns: a set of findings, never a single label. */

export interface ReasoningStep {
  /** The provision the step applies, exactly as cited ("Art. 5(1)(a)", "Annex III point 5(b)"). */
  article: string;
  /** The answers the step rests on, each in plain words ("yes", "none", "Annex III point 5(b)"). */
  restsOn: { question: QuestionId; answer: string }[];
  /** applies: the provision catches the system; does_not_apply: it does not; open: an answer is missing. */
  outcome: 'applies' | 'does_not_apply' | 'open';
  /** What follows, in our words. */
  finding: string;
}

export interface ProhibitedPractice {
  /** "Art. 5(1)(c)", or the Digital Omnibus addition "Art. 5(1), new point (Digital Omnibus)". */
  ref: string;
  label: string;
  /** False for the Digital Omnibus addition, whose point letter is not verified. */
  numberVerified: boolean;
}

export interface AnnexIBasis {
  kind: 'annex_i';
  article: 'Art. 6(1)';
  section: AnnexISection;
  /** "Annex I Section A point 11". */
  ref: string;
  legislation: string;
  act: string;
  subject: string;
}

export interface AnnexIIIBasis {
  kind: 'annex_iii';
  article: 'Art. 6(2)';
  area: AnnexIIIAreaNumber;
  areaTitle: string;
  /** The point's letter; empty for area 2. */
  letter: string;
  /** "Annex III point 5(b)". */
  ref: string;
  description: string;
}

export type HighRiskBasis = AnnexIBasis | AnnexIIIBasis;

export interface Derogation {
  article: 'Art. 6(3)';
  /** The conditions the provider relies on. */
  conditions: { ref: string; label: string }[];
  /** The Annex III points the derogation is claimed for. */
  claimedFor: string[];
  /** accepted: not high-risk through Annex III; refused: the system profiles people; open: profiling not answered. */
  status: 'accepted' | 'refused' | 'open';
  reason: string;
}

export interface TransparencyDuty {
  /** "Art. 50(1)" … "Art. 50(4)". */
  ref: string;
  label: string;
  /** Who the paragraph puts the duty on. */
  role: 'provider' | 'deployer';
  /** Art. 50(2) only: whether the system was on the market before 2 August 2026 (null: not answered). */
  onMarketBefore20260802?: boolean | null;
}

export interface GpaiStatus {
  /** null while not answered. */
  model: boolean | null;
  systemicRisk: boolean | null;
  /** The provision that makes the model one with systemic risk: "Art. 51(2)" (compute presumption) or "Art. 51(1)(b)". */
  systemicBasis: string | null;
}

export interface MissingAnswer {
  question: QuestionId;
  section: QuestionSection;
  article: string;
  text: string;
}

export interface ClassificationResult {
  /** True when every question the answers call for is answered. */
  complete: boolean;
  prohibited: ProhibitedPractice[];
  /** The Art. 6 bases in force: Annex I legislation, Annex III points (not those an accepted derogation covers). */
  highRisk: HighRiskBasis[];
  derogation: Derogation | null;
  transparency: TransparencyDuty[];
  gpai: GpaiStatus;
  /** True when nothing applies; false when something does; null while the answers leave it open. */
  minimalRisk: boolean | null;
  /**
   * The catalog risk classes (shared/catalog/schema.ts) this result places the system in. As in the
   * catalog, "gpai" is a model without systemic risk and "gpai_systemic" one with it; a part still
   * open adds no class.
   */
  riskClasses: RiskClass[];
  reasoning: ReasoningStep[];
  /** Questions still to answer, in questionnaire order. An incomplete result never guesses them. */
  missing: MissingAnswer[];
  /** Answers kept from an earlier path that the current answers no longer ask for; they play no part. */
  ignored: QuestionId[];
}
