import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FINGERPRINT, groupFingerprint } from '../../shared/domain/signoff/message';
import { AssayError } from '../../shared/errors';
import { MIN_PASSPHRASE } from '../../shared/passphrase';

/**
 * The signer's Ed25519 key, kept in the user's settings folder (never in an assessment), so the
 * app and the command line sign with the same key. The private half is stored only as
 * passphrase-encrypted PKCS#8 PEM: a copy of the folder alone cannot sign.
 *
 * Node (OpenSSL 3) encrypts PKCS#8 with PBKDF2 at 2,048 iterations and offers no way to raise it:
 * far too cheap to guess against if the file is copied. So since version 2 the PKCS#8 passphrase
 * is not the user's passphrase but a key stretched from it with scrypt, whose salt and cost the
 * file records; the PEM is still standard PKCS#8. Version 1 files (the plain passphrase) still open,
 * and are written again as version 2 once their passphrase has unlocked them (upgradeKeyFile).
 */

/** scrypt at N=2^15, r=8: 32 MiB and about a tenth of a second per unlock. */
const KEY_KDF = { logN: 15, r: 8, p: 1 } as const;

const Scrypt = z
  .object({
    name: z.literal('scrypt'),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'a base64 salt of 16 bytes'),
    // Bounded on reading: an altered file must not make an unlock take gigabytes or minutes.
    logN: z.number().int().min(14).max(20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
  })
  .strict();
type Scrypt = z.infer<typeof Scrypt>;

const keyFields = {
  name: z.string().min(1).max(200),
  createdAt: z.string(),
  fingerprint: z.string().regex(FINGERPRINT),
  publicKey: z.string(),
  privateKey: z.string().includes('ENCRYPTED PRIVATE KEY'),
};
const KeyFile = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), ...keyFields }).strict(),
  z.object({ version: z.literal(2), kdf: Scrypt, ...keyFields }).strict(),
]);
type KeyFile = z.infer<typeof KeyFile>;

/** The passphrase the PKCS#8 PEM is encrypted under: the user's own (version 1), or stretched from it with scrypt. */
function pkcs8Passphrase(passphrase: string, kdf: Scrypt | undefined): string {
  if (!kdf) return passphrase;
  const cost = { N: 2 ** kdf.logN, r: kdf.r, p: kdf.p, maxmem: 256 * 2 ** kdf.logN * kdf.r * kdf.p };
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, cost).toString('base64');
}

export interface PublicKeyInfo {
  name: string;
  createdAt: string;
  fingerprint: string;
  /** The fingerprint in groups of four hex digits, as people compare it. */
  fingerprintGroups: string;
  publicKey: string;
  file: string;
}

export function keyFilePath(home: string): string {
  return join(home, 'signing-key.json');
}

/** SHA-256 of the key's SPKI DER: the same for the PEM and for any other encoding of the key. */
export function fingerprintOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** A public key from PEM text, refused unless it is an Ed25519 key; `where` names the source in errors. */
export function readPublicKey(pem: string, where: string): { key: KeyObject; pem: string; fingerprint: string } {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new AssayError('invalid_input', `${where}: is not a public key in PEM form (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AssayError('invalid_input', `${where}: is a ${key.asymmetricKeyType ?? 'unknown'} key; Assay signs with Ed25519 keys only`);
  const spki = key.export({ type: 'spki', format: 'pem' }).toString();
  return { key, pem: spki, fingerprint: fingerprintOf(key) };
}

function publicInfo(k: KeyFile, file: string): PublicKeyInfo {
  return { name: k.name, createdAt: k.createdAt, fingerprint: k.fingerprint, fingerprintGroups: groupFingerprint(k.fingerprint), publicKey: k.publicKey, file };
}

function loadKeyFile(home: string): KeyFile | undefined {
  const file = keyFilePath(home);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AssayError('refused', `${file}: the signing key file cannot be read (${(error as Error).message})`);
  }
  const key = KeyFile.safeParse(parsed);
  if (!key.success) throw new AssayError('refused', `${file}: is not an Assay signing key file (${key.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')})`);
  return key.data;
}

export function showKey(home: string): PublicKeyInfo | null {
  const key = loadKeyFile(home);
  return key ? publicInfo(key, keyFilePath(home)) : null;
}

/** Writes a new key pair; an existing key is kept unless `replace` (sign-offs made with it stay checkable: they carry the public key). */
export function createKey(home: string, name: string, passphrase: string, options: { replace?: boolean; now?: () => Date } = {}): PublicKeyInfo {
  const file = keyFilePath(home);
  const existing = loadKeyFile(home);
  if (existing && !options.replace)
    throw new AssayError('conflict', `${file}: a signing key already exists (${existing.name}, fingerprint ${groupFingerprint(existing.fingerprint)}); nothing was changed (replace it with --replace)`);
  if (passphrase.length < MIN_PASSPHRASE) throw new AssayError('invalid_input', `the passphrase must have at least ${MIN_PASSPHRASE} characters; no key was made`);
  const kdf = newKdf();
  const pair = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pkcs8Passphrase(passphrase, kdf) },
  });
  const key: KeyFile = {
    version: 2,
    kdf,
    name,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    fingerprint: fingerprintOf(pair.publicKey),
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
  };
  writeKeyFile(home, key);
  return publicInfo(key, file);
}

const newKdf = (): Scrypt => ({ name: 'scrypt', salt: randomBytes(16).toString('base64'), ...KEY_KDF });

/** Written whole under a temporary name, readable by the owner only, then moved into place. */
function writeKeyFile(home: string, key: KeyFile): void {
  const file = keyFilePath(home);
  mkdirSync(home, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/**
 * A version-1 key, once its passphrase has unlocked it, is written again as version 2 (the same
 * key pair, its PKCS#8 now under the scrypt-stretched passphrase), as a password hash is upgraded
 * at login. A key file that cannot be written (a read-only settings folder) keeps signing as it is.
 */
function upgradeKeyFile(home: string, key: KeyFile & { version: 1 }, privateKey: KeyObject, passphrase: string): void {
  const kdf = newKdf();
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pkcs8Passphrase(passphrase, kdf) }).toString();
  try {
    writeKeyFile(home, { ...key, version: 2, kdf, privateKey: pem });
  } catch {
    rmSync(`${keyFilePath(home)}.${process.pid}.tmp`, { force: true });
  }
}

export interface UnlockedKey {
  name: string;
  fingerprint: string;
  publicKey: string;
  privateKey: KeyObject;
}

/** Decrypts the private key; a wrong passphrase is its own clear error. */
export function unlockKey(home: string, passphrase: string): UnlockedKey {
  const key = loadKeyFile(home);
  const file = keyFilePath(home);
  if (!key) throw new AssayError('not_found', `there is no signing key in ${file}; make one first (assay keys create --name <your name>)`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: key.privateKey, format: 'pem', passphrase: pkcs8Passphrase(passphrase, key.version === 2 ? key.kdf : undefined) });
  } catch {
    throw new AssayError('refused', `the passphrase does not unlock the signing key in ${file} (wrong passphrase); nothing was signed`);
  }
  // The public half kept beside it must belong to this private key, or signatures would not verify.
  if (fingerprintOf(createPublicKey(privateKey)) !== key.fingerprint)
    throw new AssayError('integrity', `${file}: the public key recorded does not belong to the private key; the key file was altered`);
  if (key.version === 1) upgradeKeyFile(home, key, privateKey, passphrase);
  return { name: key.name, fingerprint: key.fingerprint, publicKey: key.publicKey, privateKey };
}

/**
 * Checks a detached signature against the key recorded beside it, which must be Ed25519 and have
 * the fingerprint recorded too. Answers the problem in words, or undefined when it verifies.
 */
export function signatureProblem(publicKeyPem: string, fingerprint: string, message: Buffer, signatureBase64: string): string | undefined {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return 'the public key it records cannot be read';
  }
  if (key.asymmetricKeyType !== 'ed25519') return `the key it records is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`;
  if (fingerprintOf(key) !== fingerprint) return 'the fingerprint it records is not that of the key it records';
  try {
    if (verify(null, message, key, Buffer.from(signatureBase64, 'base64'))) return undefined;
  } catch {
    // A signature of the wrong length throws rather than answering false.
  }
  return 'the signature does not match what it signs';
}
