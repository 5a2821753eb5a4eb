import { resolve } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ImportRecord, ReadContext } from '../../electron/imports/importer';
import { openSource } from '../../electron/imports/source';
import type { ComponentRecordData } from '../../shared/imports/component-data';
import { ImportOptions, type ImportProblem } from '../../shared/imports/model';

/** The AI-BOM fixtures and a reading context that records what a reader reports, as the engine's would. */

export const AIBOM = resolve('tests/fixtures/imports/aibom');
export const fixture = (path: string) => resolve(AIBOM, path);

const catalog = loadBundledCatalog();

export interface Reading {
  ctx: ReadContext;
  problems: Omit<ImportProblem, 'file'>[];
  skipped: { location: string; reason: string }[];
}

export function reading(options: Record<string, unknown> = {}): Reading {
  const problems: Reading['problems'] = [];
  const skipped: Reading['skipped'] = [];
  const ctx: ReadContext = {
    options: ImportOptions.parse(options),
    catalog,
    problem: (p) => problems.push(p),
    skip: (location, reason) => skipped.push({ location, reason }),
    progress: () => undefined,
    isCancelled: () => false,
    savedMapping: () => undefined,
    pseudonymise: (v) => v,
  };
  return { ctx, problems, skipped };
}

export type Read = (source: ReturnType<typeof openSource>, ctx: ReadContext) => { records: ImportRecord[] };

/** Reads a file with a reader; returns the records as components with what was reported. */
export function readWith(read: Read, path: string, options: Record<string, unknown> = {}) {
  const r = reading(options);
  const { records } = read(openSource(path), r.ctx);
  return { ...r, records: records as ImportRecord<ComponentRecordData>[], byName: (name: string) => records.find((x) => (x.data as ComponentRecordData).component.name === name) as ImportRecord<ComponentRecordData> | undefined };
}
