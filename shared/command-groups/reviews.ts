import { z } from 'zod';
import { AssessmentFile, command } from '../command-kit';
import type { VerifyResult } from '../commands';
import { ReviewDoc, ReviewEntry, ReviewEntryBody, ReviewHeader, ReviewItem, ReviewStatus, ReviewTarget } from '../domain/review/model';
import { ReportVerification } from '../reports/results';

/**
 * The auditor's review: open read-only and verify everything, leave graded findings in a review
 * file of its own, send it back as a package; the assessor merges it and tracks each item's status.
 */

/** The review file; without it, "<assessment name>.assayreview" beside the assessment. */
const ReviewPath = AssessmentFile.optional();
const HeadText = z.string().trim().regex(/^\d{1,12}:[0-9a-fA-F]{64}$/, 'a head is <count>:<64 hex digits>, as reports and manifests give it');

const ReviewVerification = z.object({
  ok: z.boolean(),
  // Defined in commands.ts, which spreads this group: referenced by type to avoid a load cycle.
  assessment: z.custom<VerifyResult>((v) => typeof v === 'object' && v !== null),
  reports: z.array(ReportVerification),
  reportsFolder: z.string().nullable(),
});

const MergeResult = z.object({
  review: ReviewHeader,
  packageSha256: z.string(),
  arriving: z.array(ReviewEntry),
  already: z.number().int(),
  warnings: z.array(z.string()),
  /** False for a dry run: what would arrive is shown and nothing is written. */
  merged: z.boolean(),
  items: z.array(ReviewItem),
});

export const reviewCommands = {
  'review.verify': command(
    'Open an assessment read-only and verify everything an auditor checks: every page, the audit chain (against the head you hold, if given), replay of every state table, every evidence hash, and each report beside it (or named) against its manifest and the assessment.',
    z.object({ file: AssessmentFile, expectHead: HeadText.optional(), reports: z.array(AssessmentFile).max(1000).optional() }).strict(),
    ReviewVerification,
  ),
  'review.addEntry': command(
    'Add a comment or graded finding (major, minor, observation, improvement) on a control, requirement, evidence item or risk to the review file. The assessment is only read; the review binds its id and current head.',
    z.object({ file: AssessmentFile, review: ReviewPath, entry: ReviewEntryBody, reviewer: z.string().trim().min(1).max(200).optional() }).strict(),
    z.object({ review: AssessmentFile, created: z.boolean(), entry: ReviewEntry }),
  ),
  'review.list': command(
    'The entries of a review file, after checking its hash chain and that it reviews this assessment.',
    z.object({ file: AssessmentFile, review: ReviewPath }).strict(),
    z.object({ review: AssessmentFile, doc: ReviewDoc }),
  ),
  'review.pack': command(
    'Write the review package to send back to the assessor (the checked, chained review; never written over an existing file).',
    z.object({ file: AssessmentFile, review: ReviewPath, out: AssessmentFile }).strict(),
    z.object({ out: AssessmentFile, sha256: z.string(), entries: z.number().int() }),
  ),
  'review.merge': command(
    "Merge an auditor's review package into the assessment: shows what arrives; unless dryRun, records the merge in the audit log and adds the items next to what they concern, status open.",
    z.object({ file: AssessmentFile, package: AssessmentFile, dryRun: z.boolean().optional() }).strict(),
    MergeResult,
  ),
  'review.items': command(
    "The auditors' comments and findings merged into this assessment, optionally for one item, with their status.",
    z.object({ file: AssessmentFile, item: ReviewTarget.optional() }).strict(),
    z.object({ items: z.array(ReviewItem) }),
  ),
  'review.setStatus': command(
    'Set the status of a merged review item: open, addressed (by the assessor) or accepted (by the auditor), with a note.',
    z.object({ file: AssessmentFile, id: z.string().trim().regex(/^RV-\d{3,}$/, 'a review item id such as RV-001'), status: ReviewStatus, note: z.string().trim().max(2000).optional() }).strict(),
    ReviewItem,
  ),
} as const;

