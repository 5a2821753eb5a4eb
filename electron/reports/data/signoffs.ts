import type { ReportSignoff } from '../../../shared/reports/build/signoff-blocks';
import type { Assessment } from '../../store/assessment';
import { signoffStatuses } from '../../store/signoff';

/**
 * The sign-offs as of the head the report cites. Trust is not judged here (no keys are pinned for
 * a report): the reader compares the fingerprints with the keys they trust.
 */
export function gatherSignoffs(a: Assessment): ReportSignoff[] {
  return signoffStatuses(a, new Map()).map((s) => ({
    role: s.role,
    signer: s.signer,
    fingerprint: s.fingerprint,
    head: s.head,
    signedAt: s.signedAt,
    covers: s.covers,
    entriesSince: s.entriesSince,
    signatureValid: s.verdict === 'trusted' || s.verdict === 'untrusted',
  }));
}
