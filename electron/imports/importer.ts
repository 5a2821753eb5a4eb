import type { Catalog } from '../../shared/catalog/schema';
import type { EvidenceLinkInput } from '../../shared/domain/evidence/model';
import type { ColumnMapping, ImportAction, ImportFormat, ImportOptionsParsed, ImportProblem, RecordKind } from '../../shared/imports/model';
import type { Assessment } from '../store/assessment';
import type { ImportSource } from './source';

/**
 * The two halves of every import. A format reader turns a source file into records without
 * touching the assessment; a sink (one per kind of record) plans them against the assessment
 * (create, update, unchanged, skip) and writes them inside the one transaction the engine holds.
 * The engine (engine.ts) does everything in between once for all formats: detection, systems and
 * threats named by the source, the preview, the batch, the source kept as evidence, cancel.
 */

/** One thing from the source: a risk, a control, a finding, a component, a metric. */
export interface ImportRecord<D = unknown> {
  kind: RecordKind;
  /** Stable id from the source, namespaced by the reader ("garak:lmrc.QuackMedicine/lmrc.Quack"): a re-import updates it. */
  externalId: string;
  /** Where it is in the source: "row 12", "$.components[3]", "line 17". */
  location: string;
  title: string;
  /** The AI system as the source names it (or as --system gives it); the engine resolves it. Null: not about one system. */
  system: string | null;
  /** The threat as the source names it (an Assay id, a name, a tag); the engine matches it. Null: none given. */
  threat: string | null;
  data: D;
}

/** What a reader gets besides the file. */
export interface ReadContext {
  options: ImportOptionsParsed;
  catalog: Catalog;
  /** Reports a problem at a place in the source; errors block the import, warnings do not. */
  problem(problem: Omit<ImportProblem, 'file'>): void;
  /** Reports a part of the source left out on purpose (a blank row, a notes sheet, a passing test). */
  skip(location: string, reason: string): void;
  progress(done: number, total: number, phase?: string): void;
  isCancelled(): boolean;
  /** Saved column mappings (tabular sources), by name. */
  savedMapping(name: string): Record<string, string> | undefined;
  /** A person's identifier as the assessment's keyed hash (HMAC-SHA-256): the same person always gives the same value. */
  pseudonymise(value: string): string;
}

export interface ReadResult {
  records: ImportRecord[];
  /** Tabular sources: the columns and how they were mapped. */
  mapping?: ColumnMapping;
  /**
   * What is kept as evidence instead of the source file (people's data: the pseudonymised form,
   * never the original with names). The batch still records the original file's SHA-256.
   */
  evidence?: { name: string; bytes: Buffer; description: string };
}

/** What detection looks at: the file name and the first 64 KiB, decoded as far as possible. */
export interface Sniff {
  name: string;
  /** Lower-case extension without the dot ("json", "jsonl", "csv", "xlsx", "sarif", "golden"). */
  ext: string;
  head: string;
  /** True when the head starts like a zip archive (XLSX). */
  zip: boolean;
}

export interface FormatReader {
  format: ImportFormat;
  /** For people: "garak report (JSONL) or digest (JSON)". */
  label: string;
  /** What the records become, for the preview before reading. */
  kinds: readonly RecordKind[];
  /** 0 when the content is not this format; higher is surer (a distinctive key: 90; only the extension: 10). */
  detect(sniff: Sniff): number;
  read(source: ImportSource, ctx: ReadContext): ReadResult | Promise<ReadResult>;
}

/** A record as a sink plans it. */
export interface Planned<D = unknown> {
  record: ImportRecord<D>;
  action: ImportAction;
  /** The id it has (update, unchanged) or null when it is still to be created. */
  entityId: string | null;
  /** What changes, or why it is skipped, in words. */
  detail: string;
  /** What planning built from the record, for a sink to reuse when applying rather than build it twice. */
  built?: unknown;
}

export interface PlanContext {
  a: Assessment;
  today: string;
  options: ImportOptionsParsed;
  /** The system a record is about: an existing id, 'new' (to be created on import), or null (none, or its rows are skipped). */
  systemOf(record: ImportRecord): string | 'new' | null;
  /** The catalog threat a record's threat text was matched to, or null. */
  threatOf(record: ImportRecord): string | null;
  /** The assessment id an external id was imported as before, or undefined. */
  ref(kind: RecordKind, externalId: string): string | undefined;
  problem(problem: Omit<ImportProblem, 'file'>): void;
}

export interface ApplyContext {
  a: Assessment;
  at: string;
  actor: string;
  today: string;
  batchId: string;
  options: ImportOptionsParsed;
  /** The system's id, created by now if the preview proposed to create it; null when none. */
  systemOf(record: ImportRecord): string | null;
  threatOf(record: ImportRecord): string | null;
  ref(kind: RecordKind, externalId: string): string | undefined;
  /** Records that `externalId` was imported as `entityId`; kept with the batch so the next import updates it. */
  setRef(kind: RecordKind, externalId: string, entityId: string): void;
  /** Links the evidence item that keeps the source to controls (per system) or requirements. */
  linkEvidence(links: EvidenceLinkInput[]): void;
  isCancelled(): boolean;
  progress(done: number, total: number): void;
}

export interface RecordSink {
  kind: RecordKind;
  /** Checks records against the assessment without writing anything. */
  plan(records: ImportRecord[], ctx: PlanContext): Planned[];
  /**
   * Writes the planned records. Runs inside the engine's write transaction with the assessment's
   * audit entries collected into the batch's one entry: call the store functions that append
   * audit entries as usual (a.audit), and replay applies them from the batch.
   */
  apply(planned: Planned[], ctx: ApplyContext): void;
}
