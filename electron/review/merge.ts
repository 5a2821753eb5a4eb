import type { MergedItem } from '../../shared/domain/review/log';
import type { ReviewDoc, ReviewEntry, ReviewItem } from '../../shared/domain/review/model';
import { AssayError } from '../../shared/errors';
import type { Assessment } from '../store/assessment';
import { GENESIS_HASH } from '../../shared/domain/audit';
import { mergedSeqs, recordMerge, targetChecker } from '../store/reviews';
import { readReview } from './file';

/**
 * Merging an auditor's review package: what arrives is shown first (the dry run is the same pass),
 * then recorded in one transaction with its audit entry. A package is refused whole when it is
 * for another assessment, reviews a head that is not on this assessment's chain, or contradicts
 * what an earlier merge of the same review brought in.
 */

export interface MergePreview {
  review: ReviewDoc['review'];
  packageSha256: string;
  /** Entries not merged before, in chain order. */
  arriving: ReviewEntry[];
  /** Entries of this review merged by an earlier merge. */
  already: number;
  /** Items that name something this assessment does not have (merged all the same, flagged). */
  warnings: string[];
}

function hashAt(a: Assessment, count: number): string | undefined {
  if (count === 0) return GENESIS_HASH;
  const row = a.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(count) as { hash: string } | undefined;
  return row?.hash;
}

export function previewMerge(a: Assessment, pkg: string): MergePreview {
  const { doc, sha256 } = readReview(pkg);
  const summary = a.summary();
  if (doc.review.assessment.id !== summary.id)
    throw new AssayError('conflict', `${pkg}: reviews another assessment (${doc.review.assessment.name}, ${doc.review.assessment.id}), not ${summary.name} (${summary.id}); nothing was merged`);
  const head = doc.review.reviewedHead;
  const onChain = hashAt(a, head.count);
  if (onChain !== head.hash)
    throw new AssayError(
      'integrity',
      onChain === undefined
        ? `${pkg}: reviews head ${head.count}, but this assessment has only ${summary.head.count} entries: it is an older copy than the one reviewed; nothing was merged`
        : `${pkg}: reviews head ${head.count}:${head.hash.slice(0, 12)}…, but entry ${head.count} of this assessment hashes to ${onChain.slice(0, 12)}…: the copies have diverged (or the log was rewritten); nothing was merged`,
    );
  const merged = mergedSeqs(a.db, doc.review.id);
  for (const e of doc.entries) {
    const before = merged.get(e.seq);
    if (before !== undefined && before !== e.hash)
      throw new AssayError('integrity', `${pkg}: entry ${e.seq} differs from the entry ${e.seq} of this review merged earlier: the review was rewritten; nothing was merged`);
  }
  const check = targetChecker(a);
  const arriving = doc.entries.filter((e) => !merged.has(e.seq));
  const warnings = arriving.flatMap((e) => {
    const problem = check(e.target);
    return problem ? [`entry ${e.seq}: ${problem}`] : [];
  });
  return { review: doc.review, packageSha256: sha256, arriving, already: doc.entries.length - arriving.length, warnings };
}

export function mergeReview(a: Assessment, pkg: string, actor: string): { preview: MergePreview; merged: ReviewItem[] } {
  const preview = previewMerge(a, pkg);
  if (preview.arriving.length === 0) return { preview, merged: [] };
  const items: Omit<MergedItem, 'id'>[] = preview.arriving.map((e) => ({ seq: e.seq, grade: e.grade, target: e.target, text: e.text, raisedAt: e.at, entryHash: e.hash }));
  const merged = recordMerge(a, { review: { id: preview.review.id, reviewer: preview.review.reviewer, reviewedHead: preview.review.reviewedHead }, packageSha256: preview.packageSha256 }, items, actor);
  return { preview, merged };
}
