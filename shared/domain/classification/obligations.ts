import { applicationDates } from '../../catalog/eu-dates';
import type { Catalog, FrameworkItem, OperatorRole } from '../../catalog/schema';
import { conditionFor, scopeConcerns, selectionReason, systemScope, type SystemScope } from './obligation-scope';
import type { ClassificationResult } from './result';

/**
 * The EU AI Act obligations of the catalog that apply to one system: selected by its
 * classification result and the organisation's roles for it, each with its Art. 113 date, the date
 * the amendment layer puts in its place, and whether it applies on a given day.
 */

export interface ObligationDate {
  /** Which systems the date concerns in the catalog: all, Annex I products or Annex III systems. */
  scope: 'all' | 'annex_i' | 'annex_iii';
  /** Where the date comes from: "Art. 113(3)(a)", or the amendment's id for an obligation it adds. */
  basis: string;
  /** The date in the law as first published; null for an obligation only the amendment layer has. */
  baseline: string | null;
  /** The date after the amendment layer, where it changes the baseline. */
  amended: {
    date: string;
    amendment: string;
    status: 'reported' | 'verified';
    note: string;
    /** Which systems the amended date concerns, when not all. */
    condition?: string;
    /** Whether this system meets that condition; null when the answers do not say. */
    conditionMet?: boolean | null;
  } | null;
  /** The date that governs this system; null when it depends on an unanswered condition. */
  effective: string | null;
  /** Whether the obligation applies on `today`; null when the answers cannot tell. */
  appliesToday: boolean | null;
}

export interface ApplicableObligation {
  /** The catalog item id ("Art. 9(1)"), or the amended text's place for an obligation only the amendment adds. */
  item: string;
  /** The requirement reference ("eu-ai-act:Art. 9(1)"); null for an amendment-only obligation. */
  ref: string | null;
  title: string;
  /** The system's roles the obligation falls on. */
  roles: OperatorRole[];
  /** Which part of the classification selects it, in words. */
  selectedBy: string;
  /** One entry per date scope that concerns the system (two for a system high-risk under both Annex I and III). */
  dates: ObligationDate[];
  /** True when any of its dates applies today; null when that depends on an unanswered condition. */
  appliesToday: boolean | null;
  /** A fact the questionnaire does not ask on which the obligation depends, or null. */
  condition: string | null;
  /** False where the article number in the amended text is not verified. */
  numberVerified: boolean;
}

const EU = 'eu-ai-act';

function checkDay(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
    throw new Error(`today must be a date like 2026-11-28, not ${JSON.stringify(today)}`);
}

function datesFor(item: FrameworkItem, catalog: Catalog, s: SystemScope, today: string): ObligationDate[] {
  const amendments = catalog.amendments.filter((a) => a.framework === EU);
  const marking = s.result.transparency.find((t) => t.ref === 'Art. 50(2)');
  return applicationDates(item, amendments)
    .filter((d) => scopeConcerns(d.scope, item.id, s))
    .map((d): ObligationDate => {
      if (!d.amended) return { scope: d.scope, basis: d.basis, baseline: d.baseline, amended: null, effective: d.baseline, appliesToday: d.baseline <= today };
      const { date, amendment, status, note, condition } = d.amended;
      // A conditional amended date (Art. 50(2) for systems already on the market) governs only
      // systems that meet the condition; the answers say so for the one condition the catalog has.
      const conditionMet = condition ? (item.id === 'Art. 50(2)' ? (marking?.onMarketBefore20260802 ?? null) : null) : true;
      const amended = { date, amendment, status, note, ...(condition ? { condition, conditionMet } : {}) };
      if (conditionMet === true) return { scope: d.scope, basis: d.basis, baseline: d.baseline, amended, effective: date, appliesToday: date <= today };
      if (conditionMet === false) return { scope: d.scope, basis: d.basis, baseline: d.baseline, amended, effective: d.baseline, appliesToday: d.baseline <= today };
      const both = [d.baseline <= today, date <= today];
      return { scope: d.scope, basis: d.basis, baseline: d.baseline, amended, effective: null, appliesToday: both[0] === both[1] ? both[0]! : null };
    });
}

function overall(dates: ObligationDate[]): boolean | null {
  if (dates.some((d) => d.appliesToday === true)) return true;
  return dates.some((d) => d.appliesToday === null) ? null : false;
}

/**
 * The catalog's EU AI Act items that apply to a system with this classification and these
 * operator roles, in catalog order, then the obligations the amendment layer adds.
 * `today` is an ISO date (2026-11-28); it is a parameter so the answer is reproducible.
 */
export function applicableObligations(result: ClassificationResult, roles: readonly OperatorRole[], catalog: Catalog, today: string): ApplicableObligation[] {
  checkDay(today);
  const framework = catalog.frameworks.find((f) => f.id === EU);
  if (!framework) throw new Error(`the catalog has no EU AI Act framework (${EU}), so no obligations can be selected`);
  const s = systemScope(result);
  const out: ApplicableObligation[] = [];

  for (const item of framework.items) {
    if (!item.eu) continue;
    let held = item.eu.roles.filter((r) => roles.includes(r));
    // Art. 50(5) says how the Art. 50 information is given: it binds whoever holds one of those duties.
    if (item.id === 'Art. 50(5)') held = held.filter((r) => result.transparency.some((t) => t.role === r));
    if (held.length === 0) continue;
    const selectedBy = selectionReason(item.id, item.eu.risk_classes, s);
    if (!selectedBy) continue;
    const dates = datesFor(item, catalog, s, today);
    if (dates.length === 0) continue;
    out.push({
      item: item.id,
      ref: `${EU}:${item.id}`,
      title: item.label ?? item.title ?? item.id,
      roles: held,
      selectedBy,
      dates,
      appliesToday: overall(dates),
      condition: conditionFor(item.id, s),
      numberVerified: true,
    });
  }

  // A prohibition the amendment adds has no catalog item of its own; it is listed from the layer.
  const added = result.prohibited.filter((p) => !p.numberVerified);
  if (added.length > 0) {
    for (const amendment of catalog.amendments.filter((a) => a.framework === EU)) {
      for (const change of amendment.changes.filter((c) => c.kind === 'new_prohibition')) {
        const held = change.roles.filter((r) => roles.includes(r));
        if (held.length === 0 || !change.applies_from) continue;
        const dates: ObligationDate[] = [
          { scope: 'all', basis: amendment.id, baseline: null, amended: { date: change.applies_from, amendment: amendment.id, status: amendment.status, note: change.summary }, effective: change.applies_from, appliesToday: change.applies_from <= today },
        ];
        out.push({ item: change.article, ref: null, title: change.label, roles: held, selectedBy: `prohibited practice ${added[0]!.ref}`, dates, appliesToday: overall(dates), condition: null, numberVerified: change.number_verified });
      }
    }
  }
  return out;
}
