import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendEntry, chainProblem, newReview } from '../../shared/domain/review/chain';
import { type ReviewDoc, ReviewDoc as ReviewDocSchema, type ReviewEntryBody } from '../../shared/domain/review/model';
import { AssayError } from '../../shared/errors';
import type { Assessment } from '../store/assessment';
import { parseJson } from '../imports/safe-json';
import { publishNew } from '../files/publish-new';

/**
 * The auditor's review file (.assayreview): JSON, so a reader can open it, hash-chained so no
 * entry can be altered, dropped or moved unseen. It sits beside the assessment unless a path is
 * given, because the auditor's copy of the assessment itself is never written.
 */

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A review of tens of thousands of entries stays far below this. */
const MAX_REVIEW_BYTES = 64 * 1024 * 1024;

export function defaultReviewPath(assessment: string): string {
  return join(dirname(assessment), `${basename(assessment).replace(/\.assay$/i, '')}.assayreview`);
}

/** Reads, validates and checks the chain of a review file or package; any fault names the file. */
export function readReview(path: string): { doc: ReviewDoc; sha256: string } {
  if (!existsSync(path)) throw new AssayError('not_found', `${path}: no such review file`);
  const size = statSync(path).size;
  if (size > MAX_REVIEW_BYTES) throw new AssayError('invalid_input', `${path}: is ${size} bytes, more than a review file can be (${MAX_REVIEW_BYTES})`);
  const bytes = readFileSync(path);
  const parsed = ReviewDocSchema.safeParse(parseJson(bytes.toString('utf8'), basename(path), 'review'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AssayError('invalid_input', `${path}: is not an Assay review (${issue.path.join('.') || 'file'}: ${issue.message})`);
  }
  const problem = chainProblem(parsed.data, sha256);
  if (problem) throw new AssayError('integrity', `${path}: the review's hash chain is broken: ${problem}`);
  return { doc: parsed.data, sha256: sha256(bytes) };
}

/** Writes beside the target and renames over it, so a crash leaves the old file or the new one. */
function writeAtomically(path: string, text: string, overwrite: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (overwrite) renameSync(temp, path);
    else publishNew(temp, path); // fails if the target exists: a package is never written over
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AssayError('conflict', `${path}: already exists; choose another name or remove it first`);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

const serialise = (doc: ReviewDoc) => `${JSON.stringify(doc, null, 2)}\n`;

/**
 * Adds one entry, starting the review file on the first. A review binds the head it reviewed: once
 * the assessment has moved on, the entries could concern a state that no longer exists, so the
 * file is refused and a new review must be started.
 */
export function addReviewEntry(a: Assessment, path: string, body: ReviewEntryBody, reviewer: string, at: string): { doc: ReviewDoc; created: boolean } {
  const summary = a.summary();
  const existing = existsSync(path) ? readReview(path).doc : null;
  if (existing) {
    if (existing.review.assessment.id !== summary.id)
      throw new AssayError('conflict', `${path}: is a review of another assessment (${existing.review.assessment.name}, ${existing.review.assessment.id}), not of ${a.file}`);
    const head = existing.review.reviewedHead;
    if (head.count !== summary.head.count || head.hash !== summary.head.hash)
      throw new AssayError('conflict', `${path}: reviews the assessment at head ${head.count}, but ${a.file} is now at head ${summary.head.count}: a review binds the state it reviewed; start a new review file (--review <path>)`);
  }
  const doc = existing ?? newReview({ id: randomUUID(), assessment: { id: summary.id, name: summary.name }, reviewedHead: summary.head, reviewer, createdAt: at });
  const next = appendEntry(doc, body, at, reviewer, sha256);
  writeAtomically(path, serialise(next), true);
  return { doc: next, created: !existing };
}

/** The review package: the same chained JSON, checked and written where it is to travel (never over a file). */
export function packReview(path: string, out: string): { doc: ReviewDoc; sha256: string } {
  const { doc } = readReview(path);
  const text = serialise(doc);
  writeAtomically(out, text, false);
  return { doc, sha256: sha256(Buffer.from(text)) };
}
