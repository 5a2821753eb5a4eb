import { createHash, createHmac, scryptSync, timingSafeEqual } from 'node:crypto';
import { readSync } from 'node:fs';
import { openDescriptor, releaseDescriptor } from '../files/descriptors';
import { AssayError } from '../../shared/errors';

/**
 * The encrypted package format (.assaypkg), version 1. Only the framing is ours; the cryptography
 * is node:crypto's scrypt, HMAC-SHA-256, SHA-256 and AES-256-GCM. The README documents it byte by byte.
 *
 *   prelude (128 bytes)
 *     0   8  magic "ASSAYPKG"
 *     8   2  format version, u16 big-endian (1)
 *     10  1  scrypt log2(N)
 *     11  1  scrypt r
 *     12  1  scrypt p
 *     13  1  flags (bit 0: the pseudonymisation secret is included; other bits zero)
 *     14  4  chunk size in bytes, u32 BE
 *     18  8  plaintext length in bytes, u64 BE
 *     26  16 salt (random per package)
 *     42  8  nonce prefix (random per package)
 *     50  14 zero
 *     64  32 key check: HMAC-SHA-256(check key, bytes 0..63)
 *     96  32 SHA-256 of bytes 0..95 (the prelude digest)
 *   then chunk 0 … chunk n-1: ciphertext (chunk size bytes, the last one 0..chunk size) + 16-byte GCM tag.
 *
 * scrypt(passphrase, salt, N, r, p) gives 64 bytes: the AES-256 key, then the check key. Chunk i
 * is sealed under nonce = prefix ‖ u32 BE i, with associated data = prelude digest ‖ u32 BE i ‖
 * final flag (1 on the last chunk, else 0): a chunk moved, dropped from the end, or taken from
 * another package does not authenticate. The unkeyed digest tells a damaged prelude from a wrong
 * passphrase; the key check tells a wrong passphrase from altered chunks.
 */

export const MAGIC = Buffer.from('ASSAYPKG', 'latin1');

/** Whether the file starts as a package does (read without opening it as a database, so nothing is created beside it). */
export function isPackage(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openDescriptor(file);
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } catch {
    return false;
  } finally {
    // An assessment is asked this too, perhaps one this process holds (files/descriptors.ts).
    if (fd !== undefined) releaseDescriptor(fd);
  }
}
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 64;
export const PRELUDE_BYTES = 128;
export const TAG_BYTES = 16;
export const FLAG_INCLUDES_SECRET = 1;

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * What packing uses: N = 2^16, r = 8, p = 2, one of the settings OWASP's Password Storage Cheat
 * Sheet lists as equal in cost to N = 2^17, r = 8, p = 1, with half its memory (64 MiB, the lanes
 * run one after another): packing and unpacking then stay under 200 MB. Packages made with
 * N = 2^17, p = 1 carry that in their header and open as before.
 */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 16, r: 8, p: 2 };
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/**
 * What a header may ask of us when reading: a hostile package must not make us allocate
 * gigabytes or spin for minutes before the passphrase is even checked.
 */
export const LIMITS = {
  minLogN: 10,
  /** 128 · N · r bytes of scrypt memory at most (256 MiB). */
  maxScryptMemory: 256 * 1024 * 1024,
  maxP: 4,
  minChunk: 4 * 1024,
  maxChunk: 16 * 1024 * 1024,
  /** 2^32 - 1 chunks at most: the chunk counter fills the last 4 bytes of the nonce. */
  maxChunks: 0xffffffff,
} as const;

export interface PackageHeader {
  version: number;
  scrypt: ScryptParams;
  includesSecret: boolean;
  chunkSize: number;
  plaintextLength: number;
  salt: Buffer;
  noncePrefix: Buffer;
}

export const scryptMemory = (s: ScryptParams) => 128 * 2 ** s.logN * s.r;

export function chunkCount(plaintextLength: number, chunkSize: number): number {
  return plaintextLength === 0 ? 1 : Math.ceil(plaintextLength / chunkSize);
}

/** The size a package of this header must have, to the byte. */
export function packageLength(h: Pick<PackageHeader, 'plaintextLength' | 'chunkSize'>): number {
  return PRELUDE_BYTES + h.plaintextLength + TAG_BYTES * chunkCount(h.plaintextLength, h.chunkSize);
}

/** Why these parameters are refused, for writing and for reading alike; undefined when they are fine. */
export function paramsProblem(h: Pick<PackageHeader, 'scrypt' | 'chunkSize' | 'plaintextLength'>): string | undefined {
  const { logN, r, p } = h.scrypt;
  if (!Number.isInteger(logN) || logN < LIMITS.minLogN || logN > 30) return `scrypt N = 2^${logN} is outside 2^${LIMITS.minLogN}..2^30`;
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1) return `scrypt r = ${r}, p = ${p} must be whole numbers of at least 1`;
  if (scryptMemory(h.scrypt) > LIMITS.maxScryptMemory) return `scrypt N = 2^${logN}, r = ${r} would need ${scryptMemory(h.scrypt) / 2 ** 20} MiB (at most ${LIMITS.maxScryptMemory / 2 ** 20} MiB)`;
  if (p > LIMITS.maxP) return `scrypt p = ${p} is above ${LIMITS.maxP}`;
  if (h.chunkSize < LIMITS.minChunk || h.chunkSize > LIMITS.maxChunk) return `a chunk size of ${h.chunkSize} bytes is outside ${LIMITS.minChunk}..${LIMITS.maxChunk}`;
  if (!Number.isSafeInteger(h.plaintextLength) || h.plaintextLength < 0) return `a content length of ${h.plaintextLength} bytes is not possible`;
  if (chunkCount(h.plaintextLength, h.chunkSize) > LIMITS.maxChunks) return 'the content has more chunks than a nonce can count';
  return undefined;
}

export function encodeHeader(h: PackageHeader): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(b, 0);
  b.writeUInt16BE(h.version, 8);
  b.writeUInt8(h.scrypt.logN, 10);
  b.writeUInt8(h.scrypt.r, 11);
  b.writeUInt8(h.scrypt.p, 12);
  b.writeUInt8(h.includesSecret ? FLAG_INCLUDES_SECRET : 0, 13);
  b.writeUInt32BE(h.chunkSize, 14);
  b.writeBigUInt64BE(BigInt(h.plaintextLength), 18);
  h.salt.copy(b, 26, 0, 16);
  h.noncePrefix.copy(b, 42, 0, 8);
  return b;
}

/** The prelude: header, key check and digest. */
export function encodePrelude(h: PackageHeader, checkKey: Buffer): Buffer {
  const header = encodeHeader(h);
  const check = createHmac('sha256', checkKey).update(header).digest();
  const body = Buffer.concat([header, check]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

export function deriveKeys(passphrase: string, salt: Buffer, s: ScryptParams): { key: Buffer; checkKey: Buffer } {
  // node refuses scrypt above maxmem (32 MiB by default): allow what these parameters need, and a little more.
  const out = scryptSync(passphrase.normalize('NFC'), salt, 64, { N: 2 ** s.logN, r: s.r, p: s.p, maxmem: scryptMemory(s) + 16 * 1024 * 1024 });
  return { key: out.subarray(0, 32), checkKey: out.subarray(32, 64) };
}

export function nonceFor(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

export function chunkAad(preludeDigest: Buffer, index: number, final: boolean): Buffer {
  const aad = Buffer.alloc(37);
  preludeDigest.copy(aad, 0, 0, 32);
  aad.writeUInt32BE(index, 32);
  aad.writeUInt8(final ? 1 : 0, 36);
  return aad;
}

/** What can be told from the first bytes of a file, before any passphrase: the checks are in this order. */
export function readPrelude(prelude: Buffer, fileSize: number, name: string): { header: PackageHeader; digest: Buffer; check: Buffer; headerBytes: Buffer } {
  const magicSeen = prelude.subarray(0, Math.min(prelude.length, MAGIC.length));
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length)) || prelude.length === 0)
    throw new AssayError('refused', `${name}: is not an Assay package (it does not start with ASSAYPKG)`);
  if (prelude.length < PRELUDE_BYTES)
    throw new AssayError('integrity', `${name}: the package is truncated: it ends inside its header (${fileSize} of at least ${PRELUDE_BYTES} bytes); nothing was written`);
  const version = prelude.readUInt16BE(8);
  const body = prelude.subarray(0, 96);
  const digest = prelude.subarray(96, 128);
  if (!timingSafeEqual(createHash('sha256').update(body).digest(), digest))
    throw new AssayError('integrity', `${name}: the package is altered: its header does not match its checksum; nothing was written`);
  if (version !== FORMAT_VERSION)
    throw new AssayError('refused', `${name}: is a package in format ${version}, written by another version of Assay; this version reads format ${FORMAT_VERSION}`);
  const headerBytes = prelude.subarray(0, HEADER_BYTES);
  const flags = prelude.readUInt8(13);
  if (flags & ~FLAG_INCLUDES_SECRET || !prelude.subarray(50, 64).equals(Buffer.alloc(14)))
    throw new AssayError('refused', `${name}: the package header has fields this version of Assay does not know; nothing was written`);
  const length = prelude.readBigUInt64BE(18);
  const header: PackageHeader = {
    version,
    scrypt: { logN: prelude.readUInt8(10), r: prelude.readUInt8(11), p: prelude.readUInt8(12) },
    includesSecret: (flags & FLAG_INCLUDES_SECRET) !== 0,
    chunkSize: prelude.readUInt32BE(14),
    plaintextLength: length > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(length),
    salt: Buffer.from(prelude.subarray(26, 42)),
    noncePrefix: Buffer.from(prelude.subarray(42, 50)),
  };
  const problem = paramsProblem(header);
  if (problem) throw new AssayError('refused', `${name}: the package header asks for more than Assay allows (${problem}); refused before deriving any key, nothing was written`);
  return { header, digest: Buffer.from(digest), check: Buffer.from(prelude.subarray(64, 96)), headerBytes: Buffer.from(headerBytes) };
}

/** Derives the keys and checks the passphrase against the key check. */
export function unlock(prelude: ReturnType<typeof readPrelude>, passphrase: string, name: string): Buffer {
  const { key, checkKey } = deriveKeys(passphrase, prelude.header.salt, prelude.header.scrypt);
  const expected = createHmac('sha256', checkKey).update(prelude.headerBytes).digest();
  if (!timingSafeEqual(expected, prelude.check))
    throw new AssayError('refused', `${name}: wrong passphrase: it does not open this package (or its header was rewritten); nothing was written`);
  return key;
}
