import { createHmac, randomBytes } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import {
  type ColumnMapping,
  type ImportCounts,
  ImportOptions,
  type ImportOptionsParsed,
  type ImportPreview,
  type ImportProblem,
  type ImportSkip,
  type PreviewItem,
  type RecordKind,
} from '../../shared/imports/model';
import type { Assessment } from '../store/assessment';
import { refsOf } from '../store/imports';
import { chooseReader } from './detect';
import type { FormatReader, ImportRecord, Planned, ReadContext, ReadResult, RecordSink } from './importer';
import { type Resolution, resolveNames } from './proposals';
import { readers as allReaders, sinks as allSinks } from './registry';
import { type ImportSource, type SourceLimits, openSource } from './source';

/**
 * Reading and planning, shared by the preview and the import itself: nothing here writes. The
 * preview is exactly what the import will do, because the import runs this same pass first and
 * writes only what it planned.
 */

const todayOf = () => new Date().toISOString().slice(0, 10);

/** The preview lists this many items; counts always cover every record. */
export const PREVIEW_ITEMS = 500;
/** Problems beyond this many are summarised in one line (a broken 100,000-row file must stay readable). */
export const MAX_PROBLEMS = 1000;

export interface EngineHooks {
  onProgress?: (step: { phase: string; done: number; total: number }) => void;
  isCancelled?: () => boolean;
  /** For tests and for formats added at run time; default: the registry. */
  readers?: readonly FormatReader[];
  sinks?: Partial<Record<RecordKind, RecordSink>>;
  /** The assessment's keyed hash for people's identifiers; without it a throwaway key (preview only). */
  pseudonymise?: (value: string) => string;
  savedMapping?: (name: string) => Record<string, string> | undefined;
  /** Called after a successful import that asked to save its column mapping. */
  saveMapping?: (name: string, mapping: ColumnMapping, at: string) => void;
  today?: string;
  limits?: SourceLimits;
  /**
   * Called when reading has ended and when planning has: what the phase built to get there (a
   * table of every row) is garbage from then on. A job's worker collects it (collect-garbage.ts).
   */
  betweenPhases?: () => void;
}

export interface Prepared {
  source: ImportSource;
  reader: FormatReader;
  reason: string;
  options: ImportOptionsParsed;
  read: ReadResult;
  names: Resolution;
  planned: Map<RecordKind, Planned[]>;
  problems: ImportProblem[];
  skipped: ImportSkip[];
  sinks: Partial<Record<RecordKind, RecordSink>>;
  today: string;
}

export function stopIfCancelled(hooks: Pick<EngineHooks, 'isCancelled'>): void {
  if (hooks.isCancelled?.()) throw new AssayError('refused', 'the import was cancelled; nothing was changed');
}

function throwawayPseudonymiser(): (value: string) => string {
  const key = randomBytes(32);
  return (value) => `p-${createHmac('sha256', key).update(value.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

interface Begun {
  source: ImportSource;
  reader: FormatReader;
  reason: string;
  options: ImportOptionsParsed;
  ctx: ReadContext;
  problems: ImportProblem[];
  skipped: ImportSkip[];
  dropped(): number;
}

function begin(a: Assessment, path: string, optionsIn: unknown, hooks: EngineHooks): Begun {
  const parsedOptions = ImportOptions.safeParse(optionsIn ?? {});
  if (!parsedOptions.success)
    throw new AssayError('invalid_input', `import options: ${parsedOptions.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  const options = parsedOptions.data;
  hooks.onProgress?.({ phase: 'reading the file', done: 0, total: 1 });
  const source = openSource(path, hooks.limits);
  if (source.size === 0) throw new AssayError('invalid_input', `${source.name}: is empty; there is nothing to import`);
  const { reader, reason } = chooseReader(source, options.format, hooks.readers ?? allReaders);
  const problems: ImportProblem[] = [];
  const skipped: ImportSkip[] = [];
  let dropped = 0;
  const ctx: ReadContext = {
    options,
    catalog: a.catalog(),
    problem: (p) => {
      if (problems.length < MAX_PROBLEMS) problems.push({ file: source.name, ...p });
      else dropped++;
    },
    skip: (location, reason) => void skipped.push({ location, reason }),
    progress: (done, total, phase) => {
      stopIfCancelled(hooks);
      hooks.onProgress?.({ phase: phase ?? `reading ${source.name}`, done, total });
    },
    isCancelled: () => hooks.isCancelled?.() ?? false,
    savedMapping: (name) => hooks.savedMapping?.(name),
    pseudonymise: hooks.pseudonymise ?? throwawayPseudonymiser(),
  };
  return { source, reader, reason, options, ctx, problems, skipped, dropped: () => dropped };
}

function plan(a: Assessment, b: Begun, read: ReadResult, hooks: EngineHooks): Prepared {
  stopIfCancelled(hooks);
  const { source, options, problems, skipped } = b;
  const problem = b.ctx.problem;
  for (const note of source.notes) problem({ severity: 'warning', location: 'file', field: null, message: note });
  const names = resolveNames(a, read.records, options);
  const sinks = hooks.sinks ?? allSinks;
  const today = hooks.today ?? todayOf();
  const byKind = new Map<RecordKind, ImportRecord[]>();
  for (const record of read.records) {
    if (names.systemOf(record.system) === 'skip') {
      skipped.push({ location: record.location, reason: `its AI system "${record.system}" is to be skipped` });
      continue;
    }
    const list = byKind.get(record.kind);
    if (list) list.push(record);
    else byKind.set(record.kind, [record]);
  }
  const planned = new Map<RecordKind, Planned[]>();
  const refs = storedRefs(a);
  for (const [kind, records] of byKind) {
    const sink = sinks[kind];
    if (!sink) throw new AssayError('internal', `${source.name}: records of kind ${kind} cannot be written yet`);
    hooks.onProgress?.({ phase: `checking ${records.length} ${kind} records`, done: 0, total: records.length });
    planned.set(
      kind,
      sink.plan(records, {
        a,
        today,
        options,
        systemOf: (r) => names.systemOf(r.system) as string | 'new' | null,
        threatOf: (r) => names.threatOf(r.threat),
        ref: refs,
        problem,
      }),
    );
    stopIfCancelled(hooks);
  }
  // Only systems that a record to be written needs are proposed (a run whose tests all passed creates none).
  const needed = new Set<string>();
  for (const list of planned.values()) for (const p of list) if (p.action !== 'skip' && p.record.system) needed.add(p.record.system.trim().toLowerCase());
  names.systems = names.systems.filter((s) => needed.has(s.name.trim().toLowerCase()));
  const dropped = b.dropped();
  if (dropped) problems.push({ file: source.name, severity: problems.some((p) => p.severity === 'error') ? 'error' : 'warning', location: 'file', field: null, message: `${dropped} more problems not listed` });
  return { source, reader: b.reader, reason: b.reason, options, read, names, planned, problems, skipped, sinks, today };
}

export async function prepareImport(a: Assessment, path: string, options: unknown, hooks: EngineHooks = {}): Promise<Prepared> {
  const b = begin(a, path, options, hooks);
  return planAfterRead(a, b, await b.reader.read(b.source, b.ctx), hooks);
}

/** The same, for callers that cannot wait (the sample): refuses a format whose reader is asynchronous. */
export function prepareImportSync(a: Assessment, path: string, options: unknown, hooks: EngineHooks = {}): Prepared {
  const b = begin(a, path, options, hooks);
  const read = b.reader.read(b.source, b.ctx);
  if (read instanceof Promise) throw new AssayError('internal', `${b.source.name}: ${b.reader.format} is read asynchronously; import it as a job`);
  return planAfterRead(a, b, read, hooks);
}

function planAfterRead(a: Assessment, b: Begun, read: ReadResult, hooks: EngineHooks): Prepared {
  hooks.betweenPhases?.();
  const prepared = plan(a, b, read, hooks);
  hooks.betweenPhases?.();
  return prepared;
}

/**
 * The external ids earlier imports mapped, read once per kind however often a sink asks (a risk
 * register names controls on every row).
 */
export function storedRefs(a: Assessment): (kind: RecordKind, externalId: string) => string | undefined {
  const byKind = new Map<RecordKind, Map<string, string>>();
  return (kind, externalId) => {
    let refs = byKind.get(kind);
    if (!refs) byKind.set(kind, (refs = refsOf(a.db, kind)));
    return refs.get(externalId);
  };
}

export function countsOf(prepared: Pick<Prepared, 'planned' | 'skipped'>): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const list of prepared.planned.values()) for (const p of list) counts[p.action]++;
  counts.skip += prepared.skipped.length;
  return counts;
}

export function previewOf(p: Prepared): ImportPreview {
  const items: PreviewItem[] = [];
  let total = 0;
  for (const list of p.planned.values())
    for (const x of list) {
      total++;
      if (items.length < PREVIEW_ITEMS)
        items.push({ kind: x.record.kind, action: x.action, location: x.record.location, externalId: x.record.externalId, entityId: x.entityId, title: x.record.title, detail: x.detail });
    }
  return {
    source: { name: p.source.name, sha256: p.source.sha256, size: p.source.size },
    format: p.reader.format,
    formatReason: p.reason,
    kinds: [...p.planned.keys()],
    counts: countsOf(p),
    items,
    itemsTotal: total,
    skipped: p.skipped.slice(0, PREVIEW_ITEMS),
    problems: p.problems,
    mapping: p.read.mapping ?? null,
    systems: p.names.systems,
    threats: p.names.threats,
    blocked: p.problems.some((x) => x.severity === 'error'),
  };
}

/** Reads and plans without writing: what the import would create, update and skip, and every problem. */
export async function previewImport(a: Assessment, path: string, options: unknown, hooks: EngineHooks = {}): Promise<ImportPreview> {
  return previewOf(await prepareImport(a, path, options, hooks));
}
