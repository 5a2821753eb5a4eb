import { z } from 'zod';
import { AssayError } from '../../errors';

/**
 * The auditor's review: comments and graded findings on the items of an assessment, kept in a
 * review file of their own (the auditor's copy of the assessment stays read-only), bound to the
 * assessment's id and the audit head reviewed, and hash-chained entry by entry.
 */

/** Grades as certification auditors use them (ISO 19011 / ISO/IEC 17021 practice). */
export const reviewGrades = ['major', 'minor', 'observation', 'improvement', 'comment'] as const;
export const ReviewGrade = z.enum(reviewGrades);
export type ReviewGrade = z.infer<typeof ReviewGrade>;
export const reviewGradeLabels: Record<ReviewGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  observation: 'Observation',
  improvement: 'Opportunity for improvement',
  comment: 'Comment',
};

export const reviewTargetKinds = ['control', 'requirement', 'evidence', 'risk'] as const;
export const ReviewTargetKind = z.enum(reviewTargetKinds);
export type ReviewTargetKind = z.infer<typeof ReviewTargetKind>;

export const ReviewTarget = z.object({ kind: ReviewTargetKind, id: z.string().trim().min(1).max(200) }).strict();
export type ReviewTarget = z.infer<typeof ReviewTarget>;

/** "control:GOV-01", "requirement:eu-ai-act:Art. 9(1)", "evidence:EV-004", "risk:RSK-002". */
export function parseTarget(text: string): ReviewTarget {
  const at = text.indexOf(':');
  const kind = ReviewTargetKind.safeParse(at > 0 ? text.slice(0, at) : '');
  const id = at > 0 ? text.slice(at + 1).trim() : '';
  if (!kind.success || !id) throw new AssayError('invalid_input', `"${text}" is not <kind>:<id> with kind one of ${reviewTargetKinds.join(', ')} (e.g. control:GOV-01, requirement:eu-ai-act:Art. 9(1))`);
  return { kind: kind.data, id };
}

export const targetText = (t: ReviewTarget) => `${t.kind}:${t.id}`;

export const reviewStatuses = ['open', 'addressed', 'accepted'] as const;
export const ReviewStatus = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
export const reviewStatusLabels: Record<ReviewStatus, string> = { open: 'Open', addressed: 'Addressed', accepted: 'Accepted by the auditor' };

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const Head = z.object({ count: z.number().int().min(0), hash: Sha256 }).strict();

export const ReviewHeader = z
  .object({
    id: z.string().uuid(),
    assessment: z.object({ id: z.string().min(1).max(100), name: z.string().max(500) }).strict(),
    /** The audit head of the assessment as the auditor reviewed it. */
    reviewedHead: Head,
    reviewer: z.string().trim().min(1).max(200),
    createdAt: z.string().datetime(),
  })
  .strict();
export type ReviewHeader = z.infer<typeof ReviewHeader>;

/** What the auditor writes: one comment or graded finding on one item. */
export const ReviewEntryBody = z
  .object({
    grade: ReviewGrade,
    target: ReviewTarget,
    text: z.string().trim().min(1, 'the text is empty').max(10_000),
  })
  .strict();
export type ReviewEntryBody = z.infer<typeof ReviewEntryBody>;

export const ReviewEntry = ReviewEntryBody.extend({
  seq: z.number().int().min(1),
  at: z.string().datetime(),
  by: z.string().trim().min(1).max(200),
  prevHash: Sha256,
  hash: Sha256,
}).strict();
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const REVIEW_FORMAT = 'assay-review';
export const REVIEW_VERSION = 1;

export const ReviewDoc = z
  .object({
    format: z.literal(REVIEW_FORMAT),
    version: z.literal(REVIEW_VERSION),
    review: ReviewHeader,
    entries: z.array(ReviewEntry).max(100_000),
  })
  .strict();
export type ReviewDoc = z.infer<typeof ReviewDoc>;

/** A review entry as merged into the assessment, with the assessor's status. */
export const ReviewItem = z.object({
  id: z.string(),
  reviewId: z.string(),
  reviewSeq: z.number().int(),
  reviewer: z.string(),
  grade: ReviewGrade,
  target: ReviewTarget,
  text: z.string(),
  raisedAt: z.string(),
  reviewedHead: Head,
  mergedAt: z.string(),
  status: ReviewStatus,
  statusNote: z.string().nullable(),
  statusAt: z.string().nullable(),
  statusBy: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;
