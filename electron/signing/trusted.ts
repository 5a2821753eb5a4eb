import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FINGERPRINT, groupFingerprint } from '../../shared/domain/signoff/message';
import { AssayError } from '../../shared/errors';
import { readPublicKey } from './keys';

/**
 * The keys this user trusts, pinned in the settings folder, outside any assessment: a key found
 * only inside a file proves nothing, since whoever rewrites the file can sign again.
 */

const TrustedKey = z.object({ fingerprint: z.string().regex(FINGERPRINT), name: z.string().min(1).max(200), publicKey: z.string(), addedAt: z.string() }).strict();
export type TrustedKey = z.infer<typeof TrustedKey>;
const TrustedFile = z.object({ version: z.literal(1), keys: z.array(TrustedKey) }).strict();

export function trustedKeysPath(home: string): string {
  return join(home, 'trusted-keys.json');
}

/** A damaged list is an error, not an empty list: quietly trusting nobody would hide the damage. */
export function listTrusted(home: string): TrustedKey[] {
  const file = trustedKeysPath(home);
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AssayError('refused', `${file}: the trusted-keys list cannot be read (${(error as Error).message})`);
  }
  const list = TrustedFile.safeParse(parsed);
  if (!list.success) throw new AssayError('refused', `${file}: is not an Assay trusted-keys list (${list.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')})`);
  return list.data.keys;
}

function save(home: string, keys: TrustedKey[]): void {
  mkdirSync(home, { recursive: true });
  const file = trustedKeysPath(home);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`);
  renameSync(temp, file);
}

/** Pins a public key under a name; trusting the same key again renames it. */
export function trustKey(home: string, publicKeyPem: string, name: string, where: string): { key: TrustedKey; added: boolean } {
  const { pem, fingerprint } = readPublicKey(publicKeyPem, where);
  const keys = listTrusted(home);
  const key: TrustedKey = { fingerprint, name, publicKey: pem, addedAt: new Date().toISOString() };
  const at = keys.findIndex((k) => k.fingerprint === fingerprint);
  if (at >= 0) keys[at] = { ...keys[at]!, name };
  else keys.push(key);
  save(home, keys);
  return { key: at >= 0 ? keys[at]! : key, added: at < 0 };
}

export function untrustKey(home: string, fingerprint: string): TrustedKey {
  const keys = listTrusted(home);
  const found = keys.find((k) => k.fingerprint === fingerprint);
  if (!found) throw new AssayError('not_found', `no trusted key has the fingerprint ${groupFingerprint(fingerprint)} (${trustedKeysPath(home)})`);
  save(home, keys.filter((k) => k !== found));
  return found;
}
