import { z } from 'zod';
import { AssessmentFile, command } from '../command-kit';
import { signoffRoles } from '../domain/signoff/message';

/**
 * Signing keys (kept in the user's settings folder, outside any assessment) and sign-offs: a named
 * role approves the audit head it saw with its Ed25519 key. A passphrase travels in the input only
 * to unlock the key for this one call; it is never stored, logged or echoed in an error.
 */

const Passphrase = z.string().min(1, 'a passphrase is required').max(1024);
/** 64 hex digits; groups, colons and capitals as people copy them are accepted. */
export const Fingerprint = z
  .string()
  .max(200)
  .transform((s) => s.replace(/[\s:]/g, '').toLowerCase())
  .refine((s) => /^[0-9a-f]{64}$/.test(s), 'a key fingerprint is 64 hex digits (SHA-256 of the public key), as assay keys show prints it');
const PersonName = z.string().trim().min(1, 'a name is required').max(200);

export const PublicKeyInfo = z.object({ name: z.string(), createdAt: z.string(), fingerprint: z.string(), fingerprintGroups: z.string(), publicKey: z.string(), file: z.string() });
export const TrustedKeyInfo = z.object({ fingerprint: z.string(), fingerprintGroups: z.string(), name: z.string(), publicKey: z.string(), addedAt: z.string() });

export const signoffVerdicts = ['trusted', 'untrusted', 'invalid', 'off_chain'] as const;
export type SignoffVerdict = (typeof signoffVerdicts)[number];

export const SignoffStatus = z.object({
  id: z.string(),
  role: z.enum(signoffRoles),
  signer: z.string(),
  fingerprint: z.string(),
  publicKey: z.string(),
  head: z.object({ count: z.number().int(), hash: z.string() }),
  signedAt: z.string(),
  comment: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** The head it approves is the state now: nothing but other sign-offs was logged since. */
  covers: z.boolean(),
  /** Entries (other than sign-offs) logged after the signed head. */
  entriesSince: z.number().int(),
  /** trusted: valid, by a key the verifier pins; untrusted: valid, but the key is known only from the file; invalid: the signature does not verify; off_chain: the signed head is not on this chain (the log was rewritten). */
  verdict: z.enum(signoffVerdicts),
  detail: z.string(),
});
export type SignoffStatus = z.infer<typeof SignoffStatus>;

export const signoffCommands = {
  'keys.show': command("This user's signing key: the public half and its fingerprint (the private half never leaves the settings folder).", z.object({}).strict(), z.object({ key: PublicKeyInfo.nullable() })),
  'keys.create': command(
    'Make an Ed25519 signing key for this user, kept in the settings folder as passphrase-encrypted PKCS#8; an existing key is kept unless replace.',
    z.object({ name: PersonName, passphrase: Passphrase, replace: z.boolean().default(false) }).strict(),
    z.object({ key: PublicKeyInfo }),
  ),
  'keys.trusted': command("The public keys this user trusts (pinned in the settings folder, outside any assessment).", z.object({}).strict(), z.object({ keys: z.array(TrustedKeyInfo) })),
  'keys.trust': command(
    "Trust a public key (PEM) under a name: sign-offs made with it count as trusted in verify and in the sign-off list.",
    z.object({ publicKey: z.string().min(1).max(4000), name: PersonName }).strict(),
    z.object({ key: TrustedKeyInfo, added: z.boolean() }),
  ),
  'keys.untrust': command('Stop trusting a public key, named by its fingerprint.', z.object({ fingerprint: Fingerprint }).strict(), z.object({ key: TrustedKeyInfo })),
  'signoff.create': command(
    'Sign off the assessment as it stands in a role, with this user\'s key: the signature covers the assessment id, the audit head, the role, the signer, the key fingerprint, the time and the comment; recorded in the audit log.',
    z.object({ file: AssessmentFile, role: z.enum(signoffRoles), passphrase: Passphrase, comment: z.string().trim().max(2000).optional() }).strict(),
    z.object({ signoff: SignoffStatus }),
  ),
  'signoff.list': command(
    'The sign-offs of an assessment, each with whether it still covers the current state and its signature checked against the keys this user trusts (and any fingerprints given in trust).',
    z.object({ file: AssessmentFile, trust: z.array(Fingerprint).max(100).optional() }).strict(),
    z.object({ head: z.object({ count: z.number().int(), hash: z.string() }), signoffs: z.array(SignoffStatus) }),
  ),
  'signoff.signManifest': command(
    "Sign a report's manifest with this user's key: writes <report>.manifest.json.sig beside it (never over one), which verify-report checks.",
    z.object({ report: AssessmentFile, passphrase: Passphrase }).strict(),
    z.object({ signature: z.string(), fingerprint: z.string(), manifestSha256: z.string() }),
  ),
} as const;
