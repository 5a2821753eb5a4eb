import type { Amendment, FrameworkItem } from './schema';

export interface ApplicationDate {
  scope: 'all' | 'annex_i' | 'annex_iii';
  basis: string;
  /** The date in the law as first published (Art. 113). */
  baseline: string;
  /** The date after the amendment layer, when an amendment changes it. */
  amended?: { date: string; amendment: string; title: string; status: 'reported' | 'verified'; note: string; condition?: string };
}

/** The dates from which an EU AI Act obligation applies, baseline and amended side by side. */
export function applicationDates(item: FrameworkItem, amendments: readonly Amendment[]): ApplicationDate[] {
  if (!item.eu) return [];
  return item.eu.applies_from.map((d) => {
    const change = amendments
      .flatMap((a) => a.date_changes.map((c) => ({ a, c })))
      .find(
        ({ c }) =>
          c.scope === d.scope &&
          item.eu!.risk_classes.includes(c.risk_class) &&
          c.replaces === d.date &&
          (!c.items || c.items.includes(item.id)),
      );
    return {
      scope: d.scope,
      basis: d.basis,
      baseline: d.date,
      ...(change
        ? {
            amended: {
              date: change.c.date,
              amendment: change.a.id,
              title: change.a.title,
              status: change.a.status,
              note: change.c.note,
              ...(change.c.condition ? { condition: change.c.condition } : {}),
            },
          }
        : {}),
    };
  });
}

export const scopeLabels: Record<ApplicationDate['scope'], string> = {
  all: 'all systems concerned',
  annex_i: 'Annex I product systems',
  annex_iii: 'Annex III systems',
};
