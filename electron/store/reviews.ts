import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { type MergedItem, type MergePayload, reviewItemRow } from '../../shared/domain/review/log';
import { type ReviewGrade, type ReviewItem, type ReviewStatus, type ReviewTarget, type ReviewTargetKind, targetText } from '../../shared/domain/review/model';
import { buildIndex } from '../../shared/catalog/trace';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { rowsOf } from './record-tables';

/** Review items merged from auditors' review packages, with the assessor's status. */

export function readReviewTables(db: Database.Database): Record<string, TableRows> {
  return { review_item: rowsOf(db, 'SELECT * FROM review_item', 'id') };
}

interface Row {
  id: string;
  review_id: string;
  review_seq: number;
  reviewer: string;
  grade: ReviewGrade;
  target_kind: ReviewTargetKind;
  target_id: string;
  text: string;
  raised_at: string;
  reviewed_head_count: number;
  reviewed_head_hash: string;
  merged_at: string;
  status: ReviewStatus;
  status_note: string | null;
  status_at: string | null;
  status_by: string | null;
}

export function listReviewItems(a: Assessment, target?: ReviewTarget): ReviewItem[] {
  const name = nameResolver(a.db);
  const rows = (
    target
      ? a.db.prepare('SELECT * FROM review_item WHERE target_kind = ? AND target_id = ? ORDER BY id').all(target.kind, target.id)
      : a.db.prepare('SELECT * FROM review_item ORDER BY id').all()
  ) as Row[];
  return rows.map((r) => ({
    id: r.id,
    reviewId: r.review_id,
    reviewSeq: r.review_seq,
    reviewer: r.reviewer,
    grade: r.grade,
    target: { kind: r.target_kind, id: r.target_id },
    text: r.text,
    raisedAt: r.raised_at,
    reviewedHead: { count: r.reviewed_head_count, hash: r.reviewed_head_hash },
    mergedAt: r.merged_at,
    status: r.status,
    statusNote: r.status_note,
    statusAt: r.status_at,
    statusBy: name(r.status_by),
  }));
}

/** The review entries of one review already merged, by their number in the auditor's chain. */
export function mergedSeqs(db: Database.Database, reviewId: string): Map<number, string> {
  const rows = db.prepare('SELECT review_seq, entry_hash FROM review_item WHERE review_id = ?').all(reviewId) as { review_seq: number; entry_hash: string }[];
  return new Map(rows.map((r) => [r.review_seq, r.entry_hash]));
}

/** Whether an item a review names exists in this assessment; the reason in words when it does not. */
export function targetChecker(a: Assessment): (t: ReviewTarget) => string | null {
  const index = buildIndex(a.catalog());
  let evidence: Set<string> | undefined;
  let risks: Set<string> | undefined;
  const ids = (sql: string) => new Set((a.db.prepare(sql).pluck().all() as string[]) ?? []);
  return (t) => {
    switch (t.kind) {
      case 'control':
        return index.controls.has(t.id) ? null : `${targetText(t)}: no such control in this assessment's catalog or own controls`;
      case 'requirement':
        return index.items.has(t.id) ? null : `${targetText(t)}: no such requirement (give <framework>:<item>, e.g. eu-ai-act:Art. 9(1))`;
      case 'evidence':
        evidence ??= ids('SELECT id FROM evidence');
        return evidence.has(t.id) ? null : `${targetText(t)}: no such evidence item`;
      case 'risk':
        risks ??= ids('SELECT id FROM risk');
        return risks.has(t.id) ? null : `${targetText(t)}: no such risk`;
    }
  };
}

/** Records a merge: the items that arrived, in one transaction with its audit entry. */
export function recordMerge(a: Assessment, payload: Omit<MergePayload, 'items'>, arriving: Omit<MergedItem, 'id'>[], actor: string): ReviewItem[] {
  const ids = a.write((at) => {
    const row = a.db.prepare("SELECT max(CAST(substr(id, 4) AS INTEGER)) AS n FROM review_item WHERE id LIKE 'RV-%'").get() as { n: number | null };
    let n = row.n ?? 0;
    const items: MergedItem[] = arriving.map((x) => ({ id: `RV-${String(++n).padStart(3, '0')}`, ...x }));
    const full: MergePayload = { ...payload, items };
    a.audit({ at, actor, command: 'reviews.merge', entity: 'review', entityId: payload.review.id, payload: full });
    const insert = a.db.prepare(
      `INSERT INTO review_item (id, review_id, review_seq, reviewer, grade, target_kind, target_id, text, raised_at, entry_hash, reviewed_head_count,
         reviewed_head_hash, merged_at, status, status_note, status_at, status_by)
       VALUES (@id, @review_id, @review_seq, @reviewer, @grade, @target_kind, @target_id, @text, @raised_at, @entry_hash, @reviewed_head_count,
         @reviewed_head_hash, @merged_at, @status, @status_note, @status_at, @status_by)`,
    );
    for (const item of items) insert.run({ id: item.id, ...reviewItemRow(full, item, at) });
    return new Set(items.map((i) => i.id));
  });
  return listReviewItems(a).filter((i) => ids.has(i.id));
}

export function setReviewStatus(a: Assessment, id: string, status: ReviewStatus, note: string | null, actor: string): ReviewItem {
  const current = listReviewItems(a).find((i) => i.id === id);
  if (!current) throw new AssayError('not_found', `no review item ${id} in this assessment (assay review items lists them)`);
  if (current.status === status && current.statusNote === note) return current;
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'reviews.setStatus', entity: 'review_item', entityId: id, payload: { status, note } });
    a.db.prepare('UPDATE review_item SET status = ?, status_note = ?, status_at = ?, status_by = ? WHERE id = ?').run(status, note, at, entry.actor, id);
  });
  return listReviewItems(a).find((i) => i.id === id)!;
}
