import { resolve } from 'node:path';
import { AssayError } from '../../shared/errors';
import { addReviewEntry, defaultReviewPath, packReview, readReview } from '../review/file';
import { mergeReview, previewMerge } from '../review/merge';
import { verifyForReview } from '../review/verify-all';
import { listReviewItems, setReviewStatus, targetChecker } from '../store/reviews';
import type { Assessment } from '../store/assessment';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type ReviewHandlers = Pick<Handlers, 'review.verify' | 'review.addEntry' | 'review.list' | 'review.pack' | 'review.merge' | 'review.items' | 'review.setStatus'>;

const reviewPathOf = (file: string, review: string | undefined) => resolve(review ?? defaultReviewPath(resolve(file)));

/** The review file at path, checked, and refused when it reviews another assessment. */
function reviewOf(a: Assessment, path: string) {
  const { doc } = readReview(path);
  if (doc.review.assessment.id !== a.summary().id) throw new AssayError('conflict', `${path}: is a review of another assessment (${doc.review.assessment.name}), not of ${a.file}`);
  return doc;
}

export const reviewHandlers: ReviewHandlers = {
  'review.verify': (input) => {
    const a = useForReading(input.file);
    return verifyForReview(a, { ...(input.expectHead !== undefined ? { expectHead: input.expectHead } : {}), ...(input.reports ? { reports: input.reports.map((r) => resolve(r)) } : {}) });
  },

  // The auditor's side: the assessment is only ever read; the review file is theirs.
  'review.addEntry': (input, ctx) => {
    const a = useForReading(input.file);
    const problem = targetChecker(a)(input.entry.target);
    if (problem) throw new AssayError('not_found', `${a.file}: ${problem}; nothing was added to the review`, [{ path: 'entry.target', message: problem }]);
    const path = reviewPathOf(input.file, input.review);
    const { doc, created } = addReviewEntry(a, path, input.entry, input.reviewer ?? actorOf(ctx).actor, new Date().toISOString());
    return { review: path, created, entry: doc.entries.at(-1)! };
  },

  'review.list': (input) => {
    const a = useForReading(input.file);
    const path = reviewPathOf(input.file, input.review);
    const doc = reviewOf(a, path);
    return { review: path, doc };
  },

  'review.pack': (input) => {
    const a = useForReading(input.file);
    const path = reviewPathOf(input.file, input.review);
    const doc = reviewOf(a, path);
    if (doc.entries.length === 0) throw new AssayError('conflict', `${path}: has no entries yet; there is nothing to send`);
    const out = resolve(input.out);
    const packed = packReview(path, out);
    return { out, sha256: packed.sha256, entries: packed.doc.entries.length };
  },

  // The assessor's side.
  'review.merge': (input, ctx) => {
    const pkg = resolve(input.package);
    if (input.dryRun) {
      const preview = previewMerge(useForReading(input.file), pkg);
      return { ...preview, merged: false, items: [] };
    }
    const { assessment } = useForWriting(input.file, actorOf(ctx).actor);
    const { preview, merged } = mergeReview(assessment, pkg, actorOf(ctx).actor);
    return { ...preview, merged: merged.length > 0, items: merged };
  },

  'review.items': (input) => ({ items: listReviewItems(useForReading(input.file), input.item) }),

  'review.setStatus': (input, ctx) => {
    const { assessment } = useForWriting(input.file, actorOf(ctx).actor);
    return setReviewStatus(assessment, input.id, input.status, input.note ?? null, actorOf(ctx).actor);
  },
};

