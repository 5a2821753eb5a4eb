import { canonicalJson } from '../canonical-json';
import { type ReviewDoc, type ReviewEntry, type ReviewEntryBody, type ReviewHeader, REVIEW_FORMAT, REVIEW_VERSION } from './model';

/**
 * The review file's own hash chain. The first link hashes the header, so an entry cannot be moved
 * to another review, another assessment or another reviewed head; each entry hashes the one
 * before it. Hashing is passed in (node:crypto on the Node side) so the rules stay pure.
 */

export type Sha256 = (text: string) => string;

export function genesisHash(header: ReviewHeader, sha256: Sha256): string {
  return sha256(`assay-review-v${REVIEW_VERSION}\n${canonicalJson(header)}`);
}

export function entryHash(entry: Omit<ReviewEntry, 'hash'>, sha256: Sha256): string {
  return sha256(`${entry.prevHash}\n${canonicalJson(entry)}`);
}

export function newReview(header: ReviewHeader): ReviewDoc {
  return { format: REVIEW_FORMAT, version: REVIEW_VERSION, review: header, entries: [] };
}

export function appendEntry(doc: ReviewDoc, body: ReviewEntryBody, at: string, by: string, sha256: Sha256): ReviewDoc {
  const last = doc.entries.at(-1);
  const unsigned = { ...body, seq: (last?.seq ?? 0) + 1, at, by, prevHash: last?.hash ?? genesisHash(doc.review, sha256) };
  return { ...doc, entries: [...doc.entries, { ...unsigned, hash: entryHash(unsigned, sha256) }] };
}

/** The first break in the chain, in words, or null when every link holds. */
export function chainProblem(doc: ReviewDoc, sha256: Sha256): string | null {
  let prev = genesisHash(doc.review, sha256);
  for (const [i, e] of doc.entries.entries()) {
    if (e.seq !== i + 1) return `entry ${i + 1} is numbered ${e.seq}: entries were removed, added or reordered`;
    if (e.prevHash !== prev) return `entry ${e.seq} does not follow the one before it${i === 0 ? ' (or the review header was changed)' : ''}: entries were removed, reordered or changed`;
    const { hash, ...rest } = e;
    if (entryHash(rest, sha256) !== hash) return `entry ${e.seq} was changed after it was written (its hash no longer matches)`;
    prev = hash;
  }
  return null;
}
