import { canonicalJson } from '../canonical-json';
import type { HeadValue } from '../head';

/**
 * What a sign-off signs, as bytes. Pure: the app, the command line and verify build the same
 * message. The leading line separates this use of the key from any other (a signed manifest
 * uses its own line), so a signature made for one can never be presented as the other.
 */

export const signoffRoles = ['assessor', 'reviewer', 'approver', 'auditor'] as const;
export type SignoffRole = (typeof signoffRoles)[number];

export const SIGNOFF_DOMAIN = 'assay-signoff-v1';
export const MANIFEST_DOMAIN = 'assay-manifest-signature-v1';

export interface SignedFields {
  assessmentId: string;
  head: HeadValue;
  role: SignoffRole;
  signer: string;
  fingerprint: string;
  at: string;
  comment: string | null;
}

/** The message as text; it is signed as its UTF-8 bytes. */
export function signoffMessage(f: SignedFields): string {
  const body = canonicalJson({ assessmentId: f.assessmentId, head: { count: f.head.count, hash: f.head.hash }, role: f.role, signer: f.signer, fingerprint: f.fingerprint, at: f.at, comment: f.comment });
  return `${SIGNOFF_DOMAIN}\n${body}`;
}

/** A key's fingerprint is the SHA-256 of its SPKI DER: 64 hex digits, kept without separators. */
export const FINGERPRINT = /^[0-9a-f]{64}$/;

/** "ab12 cd34 …": groups of four a person can read aloud and compare. */
export function groupFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)!.join(' ');
}

/** A fingerprint as people copy it (groups, colons, capitals) back to 64 hex digits, or undefined. */
export function parseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  return FINGERPRINT.test(hex) ? hex : undefined;
}

/** In words: whether a sign-off still covers the state, for lists and reports alike. */
export function coverageText(s: { covers: boolean; entriesSince: number }): string {
  return s.covers ? 'covers the current state' : `no longer covers the current state: ${s.entriesSince} ${s.entriesSince === 1 ? 'entry' : 'entries'} logged since`;
}
