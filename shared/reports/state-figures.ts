import { canonicalJson } from '../domain/canonical-json';
import type { TablesState } from '../domain/logged/domain';

/**
 * What a report's manifest says about the state it was built from, computed from state tables in
 * the shape replay produces. At generation the tables are read from the file; verify-report
 * replays the log up to the manifest's head and computes the same, so a report built from a file
 * changed behind its log, or from another state, does not match.
 */

/** The text hashed into the manifest's stateSha256: every table, rows in key order. */
export function stateDigestText(tables: TablesState): string {
  const sorted = Object.keys(tables)
    .sort()
    .map((name) => [name, [...tables[name]!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  return canonicalJson(sorted);
}

const recordField = (row: { record?: unknown }, field: string): unknown => {
  try {
    return typeof row.record === 'string' ? (JSON.parse(row.record) as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
};

/** Counts a person can compare by eye, from the same tables. */
export function stateFigures(tables: TablesState): Record<string, number> {
  const count = (name: string) => tables[name]?.size ?? 0;
  const figures: Record<string, number> = {
    systems: count('ai_system'),
    controlEntries: count('control_state'),
    risks: count('risk'),
    evidenceItems: count('evidence'),
    findings: count('finding'),
    importBatches: count('import_batch'),
  };
  for (const row of tables.control_state?.values() ?? []) {
    const key = `controls.${String(row.state)}`;
    figures[key] = (figures[key] ?? 0) + 1;
  }
  for (const row of tables.finding?.values() ?? []) {
    const status = recordField(row, 'status');
    if (typeof status === 'string') figures[`findings.${status}`] = (figures[`findings.${status}`] ?? 0) + 1;
  }
  return figures;
}
