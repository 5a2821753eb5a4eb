import { resolve } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ApplyContext, FormatReader, ImportRecord, PlanContext, Planned, ReadContext, ReadResult } from '../../electron/imports/importer';
import { metricSink } from '../../electron/imports/sinks/metrics';
import { openSource } from '../../electron/imports/source';
import type { Assessment } from '../../electron/store/assessment';
import { pseudonymiser } from '../../electron/store/pseudonyms';
import type { EvidenceLinkInput } from '../../shared/domain/evidence/model';
import type { ImportOptionsParsed, ImportProblem } from '../../shared/imports/model';

/** Stand-ins for the import engine (not merged yet): a reading context, and plan/apply with a ref table. */

export const FIXTURES = resolve('tests/fixtures/imports/human-risk');
const catalog = loadBundledCatalog();

export interface Read extends ReadResult {
  problems: Omit<ImportProblem, 'file'>[];
  skipped: { location: string; reason: string }[];
}

export async function readWith(reader: FormatReader, file: string, a: Assessment | null, options: Partial<ImportOptionsParsed> = {}): Promise<Read> {
  const problems: Read['problems'] = [];
  const skipped: Read['skipped'] = [];
  const pseudonymise = a ? pseudonymiser(a) : (v: string) => `p-${Buffer.from(v.trim().toLowerCase()).toString('hex').padEnd(16, '0').slice(0, 16)}`;
  const ctx: ReadContext = {
    options: { format: 'auto', ...options },
    catalog,
    problem: (p) => problems.push(p),
    skip: (location, reason) => skipped.push({ location, reason }),
    progress: () => undefined,
    isCancelled: () => false,
    savedMapping: () => undefined,
    pseudonymise,
  };
  const result = await reader.read(openSource(resolve(FIXTURES, file)), ctx);
  return { ...result, problems, skipped };
}

/** The engine's ref table (external id → entity id), kept across imports like the batch table. */
export type Refs = Map<string, string>;

export function plan(a: Assessment, records: ImportRecord[], refs: Refs, problems: Omit<ImportProblem, 'file'>[] = []): Planned[] {
  const ctx: PlanContext = {
    a,
    today: '2026-11-28',
    options: { format: 'auto' },
    systemOf: () => null,
    threatOf: () => null,
    ref: (kind, id) => refs.get(`${kind}:${id}`),
    problem: (p) => problems.push(p),
  };
  return metricSink.plan(records, ctx);
}

/** Plans and applies as the engine would (one write), returning the evidence links asked for. */
export function importRecords(a: Assessment, records: ImportRecord[], refs: Refs, options: Partial<ImportOptionsParsed> = {}, collect = false): { planned: Planned[]; links: EvidenceLinkInput[] } {
  const planned = plan(a, records, refs);
  const links: EvidenceLinkInput[] = [];
  a.write((at) => {
    const ctx: ApplyContext = {
      a,
      at,
      actor: 'importer',
      today: '2026-11-28',
      batchId: 'BATCH-1',
      options: { format: 'auto', ...options },
      systemOf: () => null,
      threatOf: () => null,
      ref: (kind, id) => refs.get(`${kind}:${id}`),
      setRef: (kind, id, entity) => refs.set(`${kind}:${id}`, entity),
      linkEvidence: (l) => links.push(...l),
      isCancelled: () => false,
      progress: () => undefined,
    };
    if (collect) a.collectAudit(at, () => metricSink.apply(planned, ctx));
    else metricSink.apply(planned, ctx);
  });
  return { planned, links };
}
