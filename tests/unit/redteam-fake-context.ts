import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ImportRecord, ReadContext, Sniff } from '../../electron/imports/importer';
import { openSource } from '../../electron/imports/source';
import { ImportOptions, type ImportProblem } from '../../shared/imports/model';

/** A ReadContext as the engine would give one, collecting problems and skips, for reader tests. */
export function readContext(options: Record<string, unknown> = {}) {
  const problems: Omit<ImportProblem, 'file'>[] = [];
  const skips: { location: string; reason: string }[] = [];
  const ctx: ReadContext = {
    options: ImportOptions.parse(options),
    catalog: loadBundledCatalog(),
    problem: (p) => problems.push(p),
    skip: (location, reason) => skips.push({ location, reason }),
    progress: () => undefined,
    isCancelled: () => false,
    savedMapping: () => undefined,
    pseudonymise: (v) => v,
  };
  return { ctx, problems, skips };
}

export const FIXTURES = 'tests/fixtures/imports/redteam';

export function sniffOf(path: string): Sniff {
  const source = openSource(path);
  const name = path.split('/').at(-1)!;
  return { name, ext: name.split('.').at(-1)!.toLowerCase(), head: source.head.toString('utf8'), zip: false };
}

export const failed = (records: ImportRecord[]) => records.filter((r) => (r.data as { status: string | null }).status !== 'fixed');
