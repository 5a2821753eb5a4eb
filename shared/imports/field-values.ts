import type { ControlState } from '../domain/control-state';
import type { RiskLevel, RiskStatus, Treatment } from '../domain/risk';
import type { ControlType } from '../catalog/schema';

/**
 * Cell values as registers write them, turned into Assay's values: likelihood and impact words
 * (ours, ISO 27005's, CISO Assistant's, in English and French), 1–5, 0–4 and 1–3 scales and
 * percentages onto 1–5; treatments, statuses and control states in the words tools use.
 */

/** A cell's text: only strings, numbers and booleans have one (a cell never holds anything else). */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

const WORD_LEVELS: Record<string, RiskLevel> = {
  rare: 1, 'very low': 1, negligible: 1, insignificant: 1, 'very unlikely': 1, improbable: 1, 'highly unlikely': 1, 'très faible': 1,
  unlikely: 2, low: 2, minor: 2, 'rather unlikely': 2, 'peu probable': 2, mineur: 2, faible: 2,
  possible: 3, moderate: 3, medium: 3, important: 3, 'rather likely': 3, vraisemblable: 3, moyen: 3, modéré: 3,
  likely: 4, high: 4, major: 4, significant: 4, probable: 4, significatif: 4, 'très probable': 4, élevé: 4,
  'almost certain': 5, 'very likely': 5, certain: 5, 'very high': 5, severe: 5, critical: 5, catastrophic: 5, extreme: 5, critique: 5, 'presque certain': 5,
};

/** How the numbers of one column are meant: decided once from all its values. */
export type LevelScale = '1-5' | '0-4' | '1-3' | 'percent';

export function levelScaleOf(values: readonly unknown[]): LevelScale {
  // Counted in one pass, not gathered and spread into Math.max: a 300,000-row column overflowed the stack.
  let count = 0;
  let max = -Infinity;
  let zero = false;
  let fraction = false;
  for (const v of values) {
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) n = Number(v);
    else if (typeof v === 'string' && /%\s*$/.test(v)) return 'percent';
    else continue;
    count++;
    if (n > max) max = n;
    if (n === 0) zero = true;
    if (n > 0 && n < 1) fraction = true;
  }
  if (count === 0) return '1-5';
  if (fraction) return 'percent';
  if (zero && max <= 4) return '0-4';
  if (max <= 3 && count >= 3) return '1-3';
  return '1-5';
}

function fromPercent(p: number): RiskLevel {
  return p <= 10 ? 1 : p <= 30 ? 2 : p <= 50 ? 3 : p <= 80 ? 4 : 5;
}

/** A likelihood or impact: a word, "4 - very likely", a number on the column's scale, or a percentage. */
export function readLevel(value: unknown, scale: LevelScale = '1-5'): Reading<RiskLevel> {
  const text = asText(value).trim().toLowerCase();
  const bad = { ok: false as const, message: `"${asText(value).slice(0, 40)}" is not a level Assay knows (use 1–5, Rare…Almost certain, Low…Very high, or a percentage)` };
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) {
    const p = Number(percent[1]);
    return p <= 100 ? { ok: true, value: fromPercent(p) } : bad;
  }
  const numbered = /^(\d+(?:\.\d+)?)(?:\s*[-–:.)]\s*.*)?$/.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    if (scale === 'percent') return n <= 1 ? { ok: true, value: fromPercent(n * 100) } : n <= 100 ? { ok: true, value: fromPercent(n) } : bad;
    if (!Number.isInteger(n)) return { ok: false, message: `${n} is not a whole level` };
    const level = scale === '0-4' ? n + 1 : scale === '1-3' ? [0, 1, 3, 5][n] : n;
    return level !== undefined && level >= 1 && level <= 5 ? { ok: true, value: level as RiskLevel } : { ok: false, message: `${n} is outside the ${scale} scale` };
  }
  const word = WORD_LEVELS[text.replace(/\s+/g, ' ')];
  return word ? { ok: true, value: word } : bad;
}

const TREATMENTS: Record<string, Treatment> = {
  mitigate: 'mitigate', mitigation: 'mitigate', reduce: 'mitigate', reduction: 'mitigate', treat: 'mitigate', modify: 'mitigate', control: 'mitigate',
  accept: 'accept', accepted: 'accept', acceptance: 'accept', retain: 'accept', tolerate: 'accept', retention: 'accept',
  transfer: 'transfer', transferred: 'transfer', share: 'transfer', sharing: 'transfer', insure: 'transfer',
  avoid: 'avoid', avoidance: 'avoid', avoided: 'avoid', terminate: 'avoid', eliminate: 'avoid',
};

export function readTreatment(value: unknown): Reading<Treatment> {
  const t = TREATMENTS[asText(value).trim().toLowerCase()];
  return t ? { ok: true, value: t } : { ok: false, message: `"${asText(value).slice(0, 40)}" is not a treatment (mitigate, accept, transfer or avoid)` };
}

const RISK_STATUSES: Record<string, RiskStatus> = {
  open: 'open', new: 'open', identified: 'open', draft: 'open', active: 'open',
  'in treatment': 'in_treatment', 'in progress': 'in_treatment', treating: 'in_treatment', ongoing: 'in_treatment', 'in_treatment': 'in_treatment',
  accepted: 'accepted',
  closed: 'closed', done: 'closed', resolved: 'closed', retired: 'closed', mitigated: 'closed',
};

export function readRiskStatus(value: unknown): Reading<RiskStatus> {
  const s = RISK_STATUSES[asText(value).trim().toLowerCase().replace(/_/g, ' ')] ?? RISK_STATUSES[asText(value).trim().toLowerCase()];
  return s ? { ok: true, value: s } : { ok: false, message: `"${asText(value).slice(0, 40)}" is not a risk status (open, in treatment, accepted, closed)` };
}

const CONTROL_STATES: Record<string, ControlState> = {
  implemented: 'implemented', active: 'implemented', done: 'implemented', complete: 'implemented', completed: 'implemented', yes: 'implemented', effective: 'implemented', operational: 'implemented', 'in place': 'implemented',
  'in progress': 'in_progress', partial: 'in_progress', partially: 'in_progress', 'partially implemented': 'in_progress', ongoing: 'in_progress', 'on hold': 'in_progress', started: 'in_progress',
  'not started': 'not_started', 'to do': 'not_started', todo: 'not_started', planned: 'not_started', no: 'not_started', open: 'not_started', missing: 'not_started', '--': 'not_started', undefined: 'not_started',
  'not applicable': 'not_applicable', 'n/a': 'not_applicable', na: 'not_applicable', deprecated: 'not_applicable', excluded: 'not_applicable',
};

export function readControlState(value: unknown): Reading<ControlState> {
  const s = CONTROL_STATES[asText(value).trim().toLowerCase().replace(/[_-]+(?=\w)/g, ' ')];
  return s ? { ok: true, value: s } : { ok: false, message: `"${asText(value).slice(0, 40)}" is not a control state (implemented, in progress, not started, not applicable)` };
}

const CONTROL_TYPES: Record<string, ControlType> = {
  technical: 'technical', technology: 'technical', technological: 'technical', automated: 'technical', physical: 'technical',
  organisational: 'organisational', organizational: 'organisational', policy: 'organisational', process: 'organisational', procedure: 'organisational', governance: 'organisational', administrative: 'organisational',
  human: 'human', people: 'human', training: 'human', awareness: 'human',
};

/** A control's type; anything else is organisational, the catalog's broadest kind. */
export function readControlType(value: unknown): ControlType {
  return CONTROL_TYPES[asText(value).trim().toLowerCase()] ?? 'organisational';
}

/** Empty and placeholder cells ("--", "—", "n/a" in a value column) mean "not given". */
export function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && /^\s*(|-+|—|–)\s*$/.test(value));
}
