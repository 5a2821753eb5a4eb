import type { SignoffStatus } from '../../shared/command-groups/signoff';
import type { HeadValue } from '../../shared/domain/head';
import { type SignoffRole, groupFingerprint, signoffMessage } from '../../shared/domain/signoff/message';
import { signatureProblem } from './keys';

/** One sign-off row as stored. */
export interface SignoffRowData {
  id: string;
  role: SignoffRole;
  signer: string;
  fingerprint: string;
  public_key: string;
  head_count: number;
  head_hash: string;
  signed_at: string;
  signature: string;
  comment: string | null;
  recorded_by: string;
}

export interface JudgeContext {
  assessmentId: string;
  /** The stored hash of the entry at this count on the file's chain, or undefined when there is none. */
  hashAt(count: number): string | undefined;
  /** Entries other than sign-offs logged after this count. */
  entriesSince(count: number): number;
  /** Fingerprint → the name the verifier pinned it under. */
  trusted: ReadonlyMap<string, string>;
}

const short = (hex: string) => `${hex.slice(0, 12)}…`;

function problemOf(row: SignoffRowData, assessmentId: string): string | undefined {
  const head: HeadValue = { count: row.head_count, hash: row.head_hash };
  const message = Buffer.from(signoffMessage({ assessmentId, head, role: row.role, signer: row.signer, fingerprint: row.fingerprint, at: row.signed_at, comment: row.comment }), 'utf8');
  const problem = signatureProblem(row.public_key, row.fingerprint, message, row.signature);
  return problem === 'the signature does not match what it signs'
    ? `${problem} (assessment, head, role, signer, key, time, comment): the sign-off was altered after it was signed`
    : problem;
}

/**
 * The verdict on one sign-off. Order matters: a bad signature says nothing about the chain; a good
 * signature over a head the chain no longer has means the log was rewritten; only then does it
 * matter whose key it is.
 */
export function judgeSignoff(row: SignoffRowData, ctx: JudgeContext): Omit<SignoffStatus, 'recordedBy'> {
  const entriesSince = ctx.entriesSince(row.head_count);
  const base = {
    id: row.id,
    role: row.role,
    signer: row.signer,
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    head: { count: row.head_count, hash: row.head_hash },
    signedAt: row.signed_at,
    comment: row.comment,
    covers: entriesSince === 0,
    entriesSince,
  };
  const problem = problemOf(row, ctx.assessmentId);
  if (problem) return { ...base, verdict: 'invalid', detail: `invalid: ${problem}` };
  const onChain = ctx.hashAt(row.head_count);
  if (onChain !== row.head_hash)
    return {
      ...base,
      verdict: 'off_chain',
      detail:
        onChain === undefined
          ? `the signed head ${row.head_count}:${short(row.head_hash)} is not on this chain (it has fewer entries): the log was cut or rewritten after the sign-off`
          : `the signed head ${row.head_count}:${short(row.head_hash)} is not on this chain (entry ${row.head_count} has hash ${short(onChain)}): the log was rewritten after the sign-off`,
    };
  const pinned = ctx.trusted.get(row.fingerprint);
  if (pinned !== undefined) return { ...base, verdict: 'trusted', detail: `valid signature by a trusted key (${pinned}, ${groupFingerprint(row.fingerprint)})` };
  return {
    ...base,
    verdict: 'untrusted',
    detail: `valid signature, but the key (${groupFingerprint(row.fingerprint)}) is not one you trust: a key found only in the file proves nothing (trust it with assay keys trust, or pass --trust)`,
  };
}
