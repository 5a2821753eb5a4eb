import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import type { LoggedDomain } from '../logged/domain';
import { ImportCounts, ImportFormat, ImportProblem, RecordKind } from '../../imports/model';

/**
 * An import in the log: ONE entry for the whole batch, carrying every change it made as the
 * entries the same changes would have logged one by one (risks.add, evidence.add, …), the
 * external ids it mapped, and the batch's own record. Replay applies the carried entries with
 * the batch's time and actor, so a 100,000-row import costs one hash, not 100,000.
 *
 * The carried entries and ids are stored in parts beside the entry (import_batch_part), which
 * names their count and SHA-256 (`carried`); the Node side reads them back into the payload
 * (`entries`, `refs`) after checking that hash, before replay. Batches logged before schema 15
 * carry them inline.
 */
export const importTables = ['import_batch', 'import_ref'] as const;

export const CarriedEntry = z.object({ command: z.string().min(1), entity: z.string(), entityId: z.string(), payload: z.unknown() });
export type CarriedEntry = z.infer<typeof CarriedEntry>;
export const ImportRef = z.object({ kind: RecordKind, externalId: z.string().min(1), entityId: z.string().min(1) });
export type ImportRef = z.infer<typeof ImportRef>;

export const BatchRecord = z.object({
  sourceName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  format: ImportFormat,
  kinds: z.array(RecordKind),
  counts: ImportCounts,
  problems: z.array(ImportProblem),
  evidenceId: z.string().nullable(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/** What the entry itself records about the parts: hashed with it, so the chain covers them. */
export const CarriedParts = z.object({
  parts: z.number().int().min(0),
  entries: z.number().int().min(0),
  refs: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CarriedParts = z.infer<typeof CarriedParts>;

/** One stored part: a run of carried entries, or of external ids. */
export const BatchPart = z.union([z.object({ entries: z.array(CarriedEntry) }).strict(), z.object({ refs: z.array(ImportRef) }).strict()]);
export type BatchPart = z.infer<typeof BatchPart>;

export const ImportBatchPayload = z.object({ batch: BatchRecord, carried: CarriedParts.optional(), refs: z.array(ImportRef), entries: z.array(CarriedEntry) });
export type ImportBatchPayload = z.infer<typeof ImportBatchPayload>;

/** import_ref rows are keyed by kind and external id together. */
export const refKey = (kind: string, externalId: string) => `${kind}\u241f${externalId}`;

/** The batch row as stored (and as replay rebuilds it). */
export function batchRow(batch: BatchRecord, at: string, actor: string) {
  return {
    source_name: batch.sourceName,
    sha256: batch.sha256,
    size: batch.size,
    format: batch.format,
    kinds: canonicalJson(batch.kinds),
    counts: canonicalJson(batch.counts),
    problems: canonicalJson(batch.problems),
    evidence_id: batch.evidenceId,
    imported_at: at,
    imported_by: actor,
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const importsDomain: LoggedDomain = {
  tables: importTables,
  commands: {
    'imports.batch': {
      label: 'Import',
      payload: ImportBatchPayload,
      apply(state, entry, p: ImportBatchPayload, expand) {
        for (const [i, inner] of p.entries.entries()) {
          if (inner.command === 'imports.batch') return `entry ${entry.seq} carries an import batch inside an import batch (item ${i + 1})`;
          const problem = expand({ ...entry, command: inner.command, entity: inner.entity, entityId: inner.entityId, payload: inner.payload });
          if (problem) return `${problem} (carried by import batch ${entry.entityId}, item ${i + 1})`;
        }
        state.import_batch!.set(entry.entityId, batchRow(p.batch, entry.at, entry.actor));
        for (const r of p.refs) state.import_ref!.set(refKey(r.kind, r.externalId), { entity_id: r.entityId, batch_id: entry.entityId });
        return undefined;
      },
      describe(e) {
        const p = e.payload as Partial<ImportBatchPayload> | null;
        const b = p?.batch;
        if (!b) return { item: e.entityId, change: '' };
        const c = b.counts;
        const parts = [c.create && `${c.create} created`, c.update && `${c.update} updated`, c.unchanged && `${c.unchanged} unchanged`, c.skip && `${c.skip} skipped`].filter(Boolean);
        const problems = b.problems.length ? `; ${plural(b.problems.length, 'problem')}` : '';
        return { item: `${e.entityId} ${b.sourceName} (${b.format})`, change: `${parts.join(', ') || 'nothing to change'}${problems}` };
      },
    },
  },
};
