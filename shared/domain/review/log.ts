import { z } from 'zod';
import type { LoggedDomain } from '../logged/domain';
import { Head, ReviewGrade, ReviewStatus, reviewStatusLabels, ReviewTarget } from './model';

/**
 * Merged review items in the log. A merge entry carries every item that arrived (with the hash of
 * its entry in the auditor's chain), so replay rebuilds the rows; a status change carries the new
 * status and note, its time and actor being the entry's.
 */
export const reviewTables = ['review_item'] as const;

export const MergedItem = z
  .object({
    id: z.string().regex(/^RV-\d{3,}$/),
    seq: z.number().int().min(1),
    grade: ReviewGrade,
    target: ReviewTarget,
    text: z.string(),
    raisedAt: z.string(),
    entryHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type MergedItem = z.infer<typeof MergedItem>;

export const MergePayload = z
  .object({
    review: z.object({ id: z.string(), reviewer: z.string(), reviewedHead: Head }).strict(),
    /** SHA-256 of the review package as it arrived. */
    packageSha256: z.string().regex(/^[0-9a-f]{64}$/),
    items: z.array(MergedItem),
  })
  .strict();
export type MergePayload = z.infer<typeof MergePayload>;

export const StatusPayload = z.object({ status: ReviewStatus, note: z.string().nullable() }).strict();
export type StatusPayload = z.infer<typeof StatusPayload>;

/** The row as stored and as replay rebuilds it (keyed by id). */
export function reviewItemRow(p: MergePayload, item: MergedItem, mergedAt: string) {
  return {
    review_id: p.review.id,
    review_seq: item.seq,
    reviewer: p.review.reviewer,
    grade: item.grade,
    target_kind: item.target.kind,
    target_id: item.target.id,
    text: item.text,
    raised_at: item.raisedAt,
    entry_hash: item.entryHash,
    reviewed_head_count: p.review.reviewedHead.count,
    reviewed_head_hash: p.review.reviewedHead.hash,
    merged_at: mergedAt,
    status: 'open' as const,
    status_note: null,
    status_at: null,
    status_by: null,
  };
}

export const reviewDomain: LoggedDomain = {
  tables: reviewTables,
  commands: {
    'reviews.merge': {
      label: 'Auditor’s review merged',
      payload: MergePayload,
      apply(state, entry, p: MergePayload) {
        const rows = state.review_item!;
        for (const item of p.items) {
          if (rows.has(item.id)) return `entry ${entry.seq} merges review item ${item.id} a second time`;
          rows.set(item.id, reviewItemRow(p, item, entry.at));
        }
        return undefined;
      },
      describe(e) {
        const p = MergePayload.safeParse(e.payload);
        if (!p.success) return { item: e.entityId, change: '' };
        return { item: `review ${e.entityId.slice(0, 8)} by ${p.data.review.reviewer}`, change: `${p.data.items.length} item(s) merged, reviewed at head ${p.data.review.reviewedHead.count}` };
      },
    },
    'reviews.setStatus': {
      label: 'Review item status changed',
      payload: StatusPayload,
      apply(state, entry, p: StatusPayload) {
        const row = state.review_item!.get(entry.entityId);
        if (!row) return `entry ${entry.seq} changes review item ${entry.entityId}, which was never merged`;
        state.review_item!.set(entry.entityId, { ...row, status: p.status, status_note: p.note, status_at: entry.at, status_by: entry.actor });
        return undefined;
      },
      describe(e) {
        const p = StatusPayload.safeParse(e.payload);
        return { item: e.entityId, change: p.success ? `${reviewStatusLabels[p.data.status]}${p.data.note ? `: ${p.data.note}` : ''}` : '' };
      },
    },
  },
};

