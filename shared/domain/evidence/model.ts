import { z } from 'zod';
import { ControlId, RequirementRef } from '../../catalog/schema';
import { IsoDate } from '../dates';

/**
 * Evidence: a stored file (content-addressed by SHA-256) with what an auditor needs to judge it —
 * who added it and when it was received (set by Assay), the date or period it speaks for and
 * until when it is valid (set by the user), and the controls and requirements it supports.
 */

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits');
export const EvidenceId = z.string().trim().regex(/^EV-\d{3,}$/, 'evidence ids look like EV-001');

const Text = (max: number, what: string) => z.string().trim().max(max, `${what} has at most ${max} characters`);

/** What the user sets; received date and who added it are Assay's. */
export const EvidenceMeta = z
  .object({
    title: Text(200, 'a title').min(1, 'a title is required'),
    description: Text(4000, 'a description').nullable().default(null),
    source: Text(500, 'a source').nullable().default(null),
    /** The date the evidence speaks for, or the first day of the period it covers. */
    effectiveFrom: IsoDate.nullable().default(null),
    /** The last day of the period covered; empty for a single date. */
    effectiveTo: IsoDate.nullable().default(null),
    validUntil: IsoDate.nullable().default(null),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.effectiveTo && !m.effectiveFrom) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: 'a period needs its first day (effectiveFrom) as well as its last' });
    if (m.effectiveTo && m.effectiveFrom && m.effectiveTo < m.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `the period cannot end (${m.effectiveTo}) before it starts (${m.effectiveFrom})` });
  });
export type EvidenceMeta = z.output<typeof EvidenceMeta>;

/** Changes to the metadata: left out keeps the value, null clears it. */
export const EvidenceMetaChanges = z
  .object({
    title: Text(200, 'a title').min(1, 'a title is required').optional(),
    description: Text(4000, 'a description').nullable().optional(),
    source: Text(500, 'a source').nullable().optional(),
    effectiveFrom: IsoDate.nullable().optional(),
    effectiveTo: IsoDate.nullable().optional(),
    validUntil: IsoDate.nullable().optional(),
  })
  .strict();
export type EvidenceMetaChanges = z.infer<typeof EvidenceMetaChanges>;

/** A link as typed: a control (optionally for one system, by id or name) or a requirement (framework-id:item-id). */
export const EvidenceLinkInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('control'), target: ControlId, system: z.string().trim().min(1).max(200).nullable().default(null) }).strict(),
  z.object({ kind: z.literal('requirement'), target: RequirementRef, system: z.null().default(null) }).strict(),
]);
export type EvidenceLinkInput = z.input<typeof EvidenceLinkInput>;

/** A link as stored and logged: the system by its id, '' for none (so a link has one key). */
export const StoredLink = z.object({ kind: z.enum(['control', 'requirement']), target: z.string().min(1), system: z.string() });
export type StoredLink = z.infer<typeof StoredLink>;

export const EvidenceRevision = z.object({
  rev: z.number().int().min(1),
  sha256: Sha256,
  size: z.number().int().min(0),
  fileName: z.string(),
  receivedAt: z.string(),
  receivedBy: z.string().nullable(),
});
export type EvidenceRevision = z.infer<typeof EvidenceRevision>;

export const EvidenceLink = z.object({
  kind: z.enum(['control', 'requirement']),
  target: z.string(),
  /** The system id when the link is for one system, else null. */
  system: z.string().nullable(),
  linkedAt: z.string(),
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

/** One evidence item as every door shows it: the current file first, every earlier revision kept. */
export const EvidenceItem = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** When Assay received the current revision: not editable. */
  receivedAt: z.string(),
  addedBy: z.string().nullable(),
  sha256: Sha256,
  size: z.number().int(),
  fileName: z.string(),
  /** Newest first. */
  revisions: z.array(EvidenceRevision),
  links: z.array(EvidenceLink),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** What adding a batch of files gives back: one line per file, the unreadable ones by name. */
export const EvidenceAddResult = z.object({
  added: z.array(
    z.object({
      file: z.string(),
      evidenceId: z.string(),
      sha256: Sha256,
      size: z.number().int(),
      /** added: a new item; revised: a new revision of the item; existing: the same content was already that item's current file (links were added to it). */
      outcome: z.enum(['added', 'revised', 'existing']),
    }),
  ),
  failed: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type EvidenceAddResult = z.infer<typeof EvidenceAddResult>;

/** True when evidence valid until `validUntil` no longer counts on `today` (both YYYY-MM-DD). */
export function isExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}

export function linkKey(evidenceId: string, link: StoredLink): string {
  return `${evidenceId}|${link.kind}|${link.target}|${link.system}`;
}

export function describeLink(link: { kind: string; target: string; system: string | null }): string {
  return link.system ? `${link.target} (${link.system})` : link.target;
}
