import type { ReportScope } from '../scope';

/**
 * What the register reports (risks, findings, AI-BOM, human risk, Annex IV) share: which
 * entries the chosen systems cover, and counts in a fixed order so two builds read alike.
 */

/**
 * True when an entry of this system belongs in the report. Organisation-wide entries (no system)
 * belong only when the whole assessment is in scope: a report on chosen systems speaks of those.
 */
export function inScope(scope: ReportScope, systemId: string | null): boolean {
  if (scope.allSystems) return true;
  return systemId !== null && scope.systems.some((s) => s.id === systemId);
}

/** How many of `items` fall under each key, in the order of `keys` (every key present, zeros kept). */
export function countBy<T, K extends string>(items: readonly T[], keys: readonly K[], keyOf: (item: T) => K): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const item of items) counts[keyOf(item)] += 1;
  return counts;
}

/** "in_remediation" → "In remediation": for enum values that have no label table of their own. */
export function words(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The systems the report covers, in words, for its scope paragraph. */
export function scopeWords(scope: ReportScope): string {
  return scope.allSystems ? 'all AI systems of the assessment, and organisation-wide entries' : `the chosen systems: ${scope.systems.map((s) => `${s.name} (${s.id})`).join(', ')}`;
}
