import { createHash, sign } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { FINGERPRINT, MANIFEST_DOMAIN, groupFingerprint } from '../../shared/domain/signoff/message';
import { AssayError } from '../../shared/errors';
import { type UnlockedKey, signatureProblem } from './keys';

/**
 * A report's manifest signed the way a sign-off is: `<manifest>.sig` beside it holds the signer,
 * the key and an Ed25519 signature over the manifest's exact bytes (by their SHA-256). The
 * manifest already binds the report's SHA-256 and the audit head it cites, so one signature
 * vouches for the document and the state it shows. Several people may sign (the assessor, then
 * the approver): the first signature is `<manifest>.sig`, each further one
 * `<manifest>.<first 16 hex digits of its key's fingerprint>.sig`, one per key.
 */

export const ManifestSignature = z
  .object({
    format: z.literal(MANIFEST_DOMAIN),
    manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
    signer: z.string().min(1).max(200),
    fingerprint: z.string().regex(FINGERPRINT),
    publicKey: z.string().max(2000),
    at: z.string().max(40),
    signature: z.string().max(200),
  })
  .strict();
export type ManifestSignature = z.infer<typeof ManifestSignature>;

export const signaturePathOf = (manifest: string) => `${manifest}.sig`;

/** Every signature file beside the manifest, the first one first. */
export function signaturePathsOf(manifest: string): string[] {
  const dir = dirname(manifest);
  const base = basename(manifest);
  const further = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{16}\\.sig$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return [...names.filter((n) => n === `${base}.sig`), ...names.filter((n) => further.test(n)).sort()].map((n) => join(dir, n));
}

function readSignature(path: string): ManifestSignature | undefined {
  try {
    return ManifestSignature.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
}

function message(s: Pick<ManifestSignature, 'manifestSha256' | 'signer' | 'fingerprint' | 'at'>): Buffer {
  return Buffer.from(`${MANIFEST_DOMAIN}\n${canonicalJson({ manifestSha256: s.manifestSha256, signer: s.signer, fingerprint: s.fingerprint, at: s.at })}`, 'utf8');
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Writes this key's signature beside the manifest; a key that has signed it already is refused, and no file is written over. */
export function signManifest(manifest: string, key: UnlockedKey, now = new Date()): { signature: string; fingerprint: string; manifestSha256: string } {
  if (!existsSync(manifest)) throw new AssayError('not_found', `${manifest}: no such manifest (a report's manifest is <report>.manifest.json)`);
  const mine = signaturePathsOf(manifest).find((p) => readSignature(p)?.fingerprint === key.fingerprint);
  if (mine) throw new AssayError('conflict', `${mine}: the manifest is already signed with this key (${key.name}); nothing was written`);
  const first = signaturePathOf(manifest);
  const out = existsSync(first) ? `${manifest}.${key.fingerprint.slice(0, 16)}.sig` : first;
  if (existsSync(out)) throw new AssayError('conflict', `${out}: exists and is not a signature by this key; nothing was written`);
  const fields = { manifestSha256: sha256Of(manifest), signer: key.name, fingerprint: key.fingerprint, at: now.toISOString() };
  const record: ManifestSignature = { format: MANIFEST_DOMAIN, ...fields, publicKey: key.publicKey, signature: sign(null, message(fields), key.privateKey).toString('base64') };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
  return { signature: out, fingerprint: key.fingerprint, manifestSha256: fields.manifestSha256 };
}

/** The checks verify-report adds, one per signature beside the manifest; none when it is unsigned. */
export function checkManifestSignatures(manifest: string, trusted: ReadonlyMap<string, string>): { name: string; ok: boolean; detail: string; warning?: boolean }[] {
  const paths = signaturePathsOf(manifest);
  return paths.map((path, i) => checkOne(manifest, path, paths.length > 1 ? `manifest signature ${i + 1} of ${paths.length}` : 'manifest signature', trusted));
}

function checkOne(manifest: string, path: string, name: string, trusted: ReadonlyMap<string, string>): { name: string; ok: boolean; detail: string; warning?: boolean } {
  const record = readSignature(path);
  if (!record) return { name, ok: false, detail: `${basename(path)} is not an Assay manifest signature` };
  const actual = sha256Of(manifest);
  if (actual !== record.manifestSha256) return { name, ok: false, detail: `the manifest was changed after it was signed (it hashes to ${actual.slice(0, 12)}…, the signature covers ${record.manifestSha256.slice(0, 12)}…)` };
  const problem = signatureProblem(record.publicKey, record.fingerprint, message(record), record.signature);
  if (problem) return { name, ok: false, detail: `invalid: ${basename(path)}: ${problem}` };
  const pinned = trusted.get(record.fingerprint);
  return pinned !== undefined
    ? { name, ok: true, detail: `signed by ${record.signer} on ${record.at.slice(0, 10)} with a trusted key (${pinned}, ${groupFingerprint(record.fingerprint)})` }
    : { name, ok: true, warning: true, detail: `signed by ${record.signer} with a key you do not trust (${groupFingerprint(record.fingerprint)}): a key found only beside the report proves nothing` };
}
