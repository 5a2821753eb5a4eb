import { z } from 'zod';

/** What `assessment.diff` answers: the changes between two copies of one assessment, and where their logs part. */

export const diffSections = [
  { kind: 'systems', title: 'AI systems', tables: ['ai_system', 'system_classification'] },
  { kind: 'controls', title: 'Control entries (organisation-wide)', tables: ['control_state'] },
  { kind: 'system-controls', title: 'Control entries (per system)', tables: ['system_control_state'] },
  { kind: 'evidence', title: 'Evidence', tables: ['evidence', 'evidence_revision', 'evidence_link'] },
  { kind: 'risks', title: 'Risks', tables: ['risk', 'risk_acceptance'] },
  { kind: 'findings', title: 'Findings', tables: ['finding'] },
  { kind: 'own-controls', title: 'Own controls', tables: ['own_control', 'control_mapping'] },
  { kind: 'components', title: 'Components', tables: ['system_component'] },
  { kind: 'threats', title: 'Threat decisions', tables: ['system_threat'] },
  { kind: 'incidents', title: 'Incidents and monitoring', tables: ['incident', 'monitoring_plan'] },
] as const;

export type DiffKind = (typeof diffSections)[number]['kind'];

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type DiffValue = z.infer<typeof Value>;

export const FieldChange = z.object({ field: z.string(), old: Value, new: Value });
export type FieldChange = z.infer<typeof FieldChange>;

export const DiffItem = z.object({
  table: z.string(),
  key: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** For a changed item: each field that differs, old (a) -> new (b). */
  fields: z.array(FieldChange),
});
export type DiffItem = z.infer<typeof DiffItem>;

export const DiffSection = z.object({
  kind: z.enum(diffSections.map((s) => s.kind) as [DiffKind, ...DiffKind[]]),
  title: z.string(),
  items: z.array(DiffItem),
});
export type DiffSection = z.infer<typeof DiffSection>;

const ChainHead = z.object({ count: z.number().int(), hash: z.string() });

export const ChainRelation = z.enum(['same', 'b-extends-a', 'a-extends-b', 'fork', 'unrelated']);
export type ChainRelation = z.infer<typeof ChainRelation>;

export const ChainDivergence = z.object({
  relation: ChainRelation,
  /** Entries both chains share, from the first. */
  common: z.number().int(),
  /** The first entry count at which the hashes differ (absent when one chain is a prefix of the other). */
  firstDifferent: z.number().int().optional(),
  a: ChainHead,
  b: ChainHead,
  summary: z.string(),
});
export type ChainDivergence = z.infer<typeof ChainDivergence>;

export const DiffSide = z.object({ file: z.string(), id: z.string(), name: z.string(), head: ChainHead });

export const AssessmentDiff = z.object({
  a: DiffSide,
  b: DiffSide,
  chain: ChainDivergence,
  /** Only the sections with changes, in a fixed order. */
  sections: z.array(DiffSection),
  total: z.number().int(),
});
export type AssessmentDiff = z.infer<typeof AssessmentDiff>;
