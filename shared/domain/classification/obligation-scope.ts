import type { ClassificationResult } from './result';

/**
 * Which EU AI Act catalog items a classification result selects beyond their risk class. The
 * catalog says which roles and risk classes an item concerns; some items concern only part of a
 * class (one Annex III point, one Art. 50 paragraph, a derogation) or depend on a fact the
 * questionnaire does not ask (a public-authority deployer, a provider outside the Union). The first
 * kind narrows the selection here; the second is kept and carries its condition in words.
 */

export interface SystemScope {
  result: ClassificationResult;
  /** Annex III refs in force ("Annex III point 5(b)"). */
  annexIII: string[];
  annexIIIAreas: Set<string>;
  annexISectionA: boolean;
  annexISectionB: boolean;
  derogationAccepted: boolean;
}

export function systemScope(result: ClassificationResult): SystemScope {
  const annexIII = result.highRisk.filter((b) => b.kind === 'annex_iii');
  const annexI = result.highRisk.filter((b) => b.kind === 'annex_i');
  return {
    result,
    annexIII: annexIII.map((b) => b.ref),
    annexIIIAreas: new Set(annexIII.map((b) => b.area)),
    annexISectionA: annexI.some((b) => b.section === 'A'),
    annexISectionB: annexI.some((b) => b.section === 'B'),
    derogationAccepted: result.derogation?.status === 'accepted',
  };
}

/** Items that follow only from an accepted Art. 6(3) derogation. */
export const derogationItems = new Set(['Art. 6(4)', 'Art. 49(2)']);

const onlyAnnexIIIPoint1a = new Set(['Art. 12(3)', 'Art. 14(5)', 'Art. 26(10)']);
const notForArea2Only = new Set(['Art. 27(1)', 'Art. 27(2)', 'Art. 27(3)', 'Art. 86(1)']);

/**
 * Why the result selects an item with these risk classes, in words, or null when it does not.
 * Items for one practice, one paragraph or one Annex III point are narrowed to exactly that.
 */
export function selectionReason(itemId: string, riskClasses: readonly string[], s: SystemScope): string | null {
  const { result } = s;
  const prohibited = /^Art\. 5\(1\)\([a-h]\)$/.test(itemId);
  if (prohibited) return result.prohibited.some((p) => p.ref === itemId) ? `prohibited practice ${itemId}` : null;

  if (/^Art\. 50\([1-4]\)$/.test(itemId)) return result.transparency.some((t) => t.ref === itemId) ? `transparency duty ${itemId}` : null;
  if (itemId === 'Art. 50(5)') return result.transparency.length > 0 ? `transparency duties ${result.transparency.map((t) => t.ref).join(', ')}` : null;

  if (derogationItems.has(itemId)) return s.derogationAccepted ? 'the Art. 6(3) derogation the provider relies on' : null;

  // Art. 2(2): a system high-risk only through Annex I Section B is reached by Art. 6(1) alone.
  const sectionBOnly = s.annexISectionB && !s.annexISectionA && s.annexIII.length === 0;
  if (riskClasses.includes('high_risk') && result.highRisk.length > 0 && !(sectionBOnly && itemId !== 'Art. 6(1)')) {
    if (itemId === 'Art. 6(1)') return s.annexISectionA || s.annexISectionB ? highRiskBecause(s, 'annex_i') : null;
    if (itemId === 'Art. 6(2)') return s.annexIII.length > 0 ? highRiskBecause(s, 'annex_iii') : null;
    if (onlyAnnexIIIPoint1a.has(itemId)) return s.annexIII.includes('Annex III point 1(a)') ? 'high-risk: Annex III point 1(a)' : null;
    if (itemId === 'Art. 43(1)') return s.annexIIIAreas.has('1') ? highRiskBecause(s, 'annex_iii') : null;
    if (itemId === 'Art. 43(2)') return [...s.annexIIIAreas].some((a) => a !== '1') ? highRiskBecause(s, 'annex_iii') : null;
    if (notForArea2Only.has(itemId)) return [...s.annexIIIAreas].some((a) => a !== '2') ? highRiskBecause(s, 'annex_iii') : null;
    return highRiskBecause(s);
  }

  // The catalog's "gpai" class is a model without systemic risk and "gpai_systemic" one with it; while
  // systemic risk is open, only what both kinds of model owe is certain.
  if (result.gpai.model) {
    const systemic = result.gpai.systemicRisk;
    if (systemic === true && riskClasses.includes('gpai_systemic')) return `general-purpose AI model with systemic risk (${result.gpai.systemicBasis})`;
    if (systemic === false && riskClasses.includes('gpai')) return 'general-purpose AI model without systemic risk';
    if (systemic === null && riskClasses.includes('gpai') && riskClasses.includes('gpai_systemic')) return 'general-purpose AI model (systemic risk not yet decided)';
  }
  if (riskClasses.includes('limited_risk') && result.transparency.length > 0) return 'an AI system in scope of the Act (transparency duties apply)';
  if (riskClasses.includes('minimal_risk') && result.minimalRisk) return 'an AI system in scope of the Act (minimal risk)';
  return null;
}

function highRiskBecause(s: SystemScope, only?: 'annex_i' | 'annex_iii'): string {
  const refs = s.result.highRisk.filter((b) => !only || b.kind === only).map((b) => b.ref);
  return `high-risk: ${refs.join(', ')}`;
}

/**
 * Whether a date scope of an item concerns this system. Annex I Section B systems are reached only
 * by Art. 6(1) (Art. 2(2)); the rest of the Annex I obligations come through the sector legislation.
 */
export function scopeConcerns(scope: 'all' | 'annex_i' | 'annex_iii', itemId: string, s: SystemScope): boolean {
  if (scope === 'all') return true;
  if (scope === 'annex_iii') return s.annexIII.length > 0 || (s.derogationAccepted && derogationItems.has(itemId));
  return s.annexISectionA || (s.annexISectionB && itemId === 'Art. 6(1)');
}

/** Facts outside the questionnaire an item depends on, said in words. */
const conditions: Record<string, string> = {
  'Art. 22(1)': 'only for providers established outside the Union',
  'Art. 54(1)': 'only for model providers established outside the Union',
  'Art. 25(1)': 'only when the organisation puts its name on the system, substantially modifies it or changes its intended purpose',
  'Art. 26(7)': 'only when the system is used at the workplace',
  'Art. 26(8)': 'only for deployers that are public authorities or Union institutions, bodies, offices or agencies',
  'Art. 49(3)': 'only for deployers that are public authorities or Union institutions, bodies, offices or agencies',
  'Art. 53(2)': 'an exemption: only for models released under a free and open-source licence with public parameters',
  'Art. 60(4)': 'only when the system is tested in real-world conditions outside a regulatory sandbox',
  'Art. 60(7)': 'only when the system is tested in real-world conditions outside a regulatory sandbox',
  'Art. 60(8)': 'only when the system is tested in real-world conditions outside a regulatory sandbox',
  'Art. 111(2)': 'only for systems placed on the market or put into service before 2 August 2026',
  'Art. 111(3)': 'only for models placed on the market before 2 August 2025',
};

const fundamentalRights = 'only for deployers that are bodies governed by public law or private entities providing public services (always for Annex III points 5(b) and 5(c))';

export function conditionFor(itemId: string, s: SystemScope): string | null {
  if (itemId.startsWith('Art. 27(')) return s.annexIII.some((r) => r === 'Annex III point 5(b)' || r === 'Annex III point 5(c)') ? null : fundamentalRights;
  return conditions[itemId] ?? null;
}
