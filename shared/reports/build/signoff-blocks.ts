import { coverageText, groupFingerprint } from '../../domain/signoff/message';
import type { Audience, Block } from '../model';
import { personName } from '../scope';

/** A recorded sign-off as a report shows it: enough for a reader to check it against a key they trust. */
export interface ReportSignoff {
  role: string;
  signer: string;
  fingerprint: string;
  head: { count: number; hash: string };
  signedAt: string;
  /** Nothing but other sign-offs was logged between the head it approves and the head the report cites. */
  covers: boolean;
  entriesSince: number;
  /** Whether the signature verifies over what it signs and its head is on the chain; trust in the key is the reader's to judge. */
  signatureValid: boolean;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The sign-off block: the recorded sign-offs with their key fingerprints, then blank lines for the
 * usual roles no one has signed yet. A table beside it says which head each approves and whether
 * it covers the state this report shows.
 */
export function signoffBlocks(signoffs: readonly ReportSignoff[], audience: Audience, blankRoles: readonly string[] = ['assessor', 'reviewer', 'approver']): Block[] {
  const signed = new Set(signoffs.map((s) => s.role));
  const rows = [
    ...signoffs.map((s) => ({ role: capital(s.role), name: personName(s.signer, audience, s.role), date: s.signedAt.slice(0, 10), fingerprint: groupFingerprint(s.fingerprint) })),
    ...blankRoles.filter((r) => !signed.has(r)).map((r) => ({ role: capital(r), name: null, date: null, fingerprint: null })),
  ];
  if (!signoffs.length) return [{ kind: 'signoff', rows }];
  return [
    { kind: 'signoff', rows },
    {
      kind: 'table',
      sheet: 'Sign-offs',
      caption: 'Recorded sign-offs: each is signed with the Ed25519 key of the fingerprint shown; compare the fingerprint with the key you trust for that person (assay verify --trust).',
      columns: [
        { key: 'role', label: 'Role', width: 1 },
        { key: 'signer', label: 'Signer', width: 1.4 },
        { key: 'head', label: 'Approves head', width: 1.6 },
        { key: 'state', label: 'State this report shows', width: 2 },
        { key: 'signature', label: 'Signature', width: 1.2 },
      ],
      rows: signoffs.map((s) => [
        capital(s.role),
        personName(s.signer, audience, s.role),
        `${s.head.count}:${s.head.hash.slice(0, 16)}…`,
        capital(coverageText(s)),
        s.signatureValid ? 'valid' : 'INVALID',
      ]),
    },
  ];
}
