import { z } from 'zod';

/**
 * What an import shows and returns at every door (app, bridge, command line): the formats, the
 * problems found (each naming the file, the row or JSON path, and the field), what will be or was
 * created, updated and skipped, and the batch that records it. Node-side readers turn a source file
 * into records (electron/imports/formats); sinks plan and write them (electron/imports/sinks).
 */

export const importFormats = [
  'csv',
  'xlsx',
  'json',
  'cyclonedx',
  'spdx',
  'garak',
  'promptfoo',
  'avid',
  'sarif',
  'trivy',
  'grype',
  'oscal',
  'knowbe4',
  'mimecast',
] as const;
export const ImportFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const ImportFormatChoice = z.enum(['auto', ...importFormats]);
export type ImportFormatChoice = z.infer<typeof ImportFormatChoice>;

/** What records become in the assessment. */
export const recordKinds = ['risk', 'control', 'finding', 'component', 'metric', 'framework'] as const;
export const RecordKind = z.enum(recordKinds);
export type RecordKind = z.infer<typeof RecordKind>;

export const ImportProblem = z.object({
  severity: z.enum(['error', 'warning']),
  /** The source file's name. */
  file: z.string(),
  /** Where in it: "row 12", "sheet Risks, row 4", "$.components[3]", "line 17". */
  location: z.string(),
  /** The column or JSON field concerned, when one is. */
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportSkip = z.object({ location: z.string(), reason: z.string() });
export type ImportSkip = z.infer<typeof ImportSkip>;

export const ImportAction = z.enum(['create', 'update', 'unchanged', 'skip']);
export type ImportAction = z.infer<typeof ImportAction>;

/** One record as the preview lists it. */
export const PreviewItem = z.object({
  kind: RecordKind,
  action: ImportAction,
  location: z.string(),
  externalId: z.string(),
  /** The id in the assessment (RSK-004, FND-012, …); null for one still to be created. */
  entityId: z.string().nullable(),
  title: z.string(),
  /** Fields that change (update), or why it is skipped. */
  detail: z.string(),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

/** A column of a table source and the field it feeds (tabular formats only). */
export const ColumnMapping = z.object({
  columns: z.array(z.string()),
  /** column → field (or absent when the column is not used). */
  mapping: z.record(z.string(), z.string()),
  fields: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  unmatchedRequired: z.array(z.string()),
  /** Where the mapping came from: suggested from the header names, a saved mapping, or given. */
  origin: z.enum(['suggested', 'saved', 'given']),
  savedName: z.string().nullable(),
  /** Where the header row was found and which sheet was read. */
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Records name systems the assessment does not have: create, use an existing one, or skip their rows. */
export const SystemProposal = z.object({
  name: z.string(),
  records: z.number().int(),
  /** 'create', 'skip', or the id of an existing system. */
  decision: z.string(),
});
export const ThreatProposal = z.object({
  text: z.string(),
  records: z.number().int(),
  /** A catalog threat id, or 'none' to keep the records unmatched. */
  decision: z.string(),
  /** Catalog threats that look like it, best first. */
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SystemProposal = z.infer<typeof SystemProposal>;
export type ThreatProposal = z.infer<typeof ThreatProposal>;

export const ImportCounts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), skip: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportPreview = z.object({
  source: z.object({ name: z.string(), sha256: z.string(), size: z.number().int() }),
  format: ImportFormat,
  /** How the format was decided: "detected from the content", "chosen". */
  formatReason: z.string(),
  kinds: z.array(RecordKind),
  counts: ImportCounts,
  /** The first items (the preview is capped; counts cover everything). */
  items: z.array(PreviewItem),
  itemsTotal: z.number().int(),
  skipped: z.array(ImportSkip),
  problems: z.array(ImportProblem),
  mapping: ColumnMapping.nullable(),
  systems: z.array(SystemProposal),
  threats: z.array(ThreatProposal),
  /** True when there are errors: nothing can be written until they are fixed. */
  blocked: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The preview again, with the batch written; batchId null when errors in the file stopped it (nothing was written). */
export const ImportResult = ImportPreview.extend({
  batchId: z.string().nullable(),
  /** The evidence item that keeps the source (or, for people's data, its pseudonymised form). */
  evidenceId: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** What the user decides in the preview, sent back with the import. */
export const ImportOptions = z
  .object({
    format: ImportFormatChoice.default('auto'),
    /** column=field pairs, over the suggested or saved mapping. */
    map: z.record(z.string().max(200), z.string().max(100)).optional(),
    /** A saved mapping by name. */
    mapping: z.string().trim().min(1).max(100).optional(),
    /** Save the mapping used under this name, for the next file from the same source. */
    saveMapping: z.string().trim().min(1).max(100).optional(),
    /** The AI system the data is about (a red-team run's target, an AI-BOM's system). */
    system: z.string().trim().min(1).max(200).optional(),
    /** Sheet of a workbook to read, when the data sheet is not the one found. */
    sheet: z.string().trim().min(1).max(200).optional(),
    systems: z.record(z.string().max(200), z.string().max(200)).optional(),
    threats: z.record(z.string().max(500), z.string().max(100)).optional(),
    /** Human-risk data: keep people's identifiers as they are instead of pseudonymising them. */
    keepIdentities: z.boolean().optional(),
  })
  .strict();
export type ImportOptions = z.input<typeof ImportOptions>;
export type ImportOptionsParsed = z.output<typeof ImportOptions>;

export const ImportBatch = z.object({
  id: z.string(),
  sourceName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  format: ImportFormat,
  kinds: z.array(RecordKind),
  counts: ImportCounts,
  problems: z.number().int(),
  evidenceId: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;
