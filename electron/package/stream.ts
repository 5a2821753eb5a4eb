import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fstatSync } from 'node:fs';
import { readFully, writeFully } from '../files/full-io';
import { AssayError } from '../../shared/errors';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_SCRYPT,
  FORMAT_VERSION,
  PRELUDE_BYTES,
  type PackageHeader,
  type ScryptParams,
  TAG_BYTES,
  chunkAad,
  chunkCount,
  deriveKeys,
  encodePrelude,
  packageLength,
  paramsProblem,
  readPrelude,
  unlock,
  nonceFor,
} from './format';

/**
 * Sealing and opening a package between two open files, one chunk at a time: memory stays at
 * two chunk buffers whatever the size. Plain synchronous I/O: this runs on a job's worker thread,
 * and the cancel flag is a shared Int32 it can read between chunks without an event loop.
 */

export interface StreamHooks {
  onProgress?: (done: number, total: number) => void;
  /** Polled between chunks; true stops the work with a 'refused' error. */
  isCancelled?: () => boolean;
}

export interface SealOptions extends StreamHooks {
  passphrase: string;
  includesSecret: boolean;
  scrypt?: ScryptParams;
  chunkSize?: number;
}

function stopIfCancelled(hooks: StreamHooks, what: string): void {
  if (hooks.isCancelled?.()) throw new AssayError('refused', `${what} was cancelled; nothing was written`);
}

/** What is sealed: a length fixed before the first byte, read in order. */
export interface PlainSource {
  length: number;
  /** Reads `want` bytes at `position` into the start of `buffer`; answers how many it could. */
  read(buffer: Buffer, want: number, position: number): number;
}

/** A whole open file, at its size now. */
export function fileSource(fd: number): PlainSource {
  return { length: fstatSync(fd).size, read: (buffer, want, position) => readFully(fd, buffer, want, position) };
}

/** The keys and random values of one package, derived before anything is read (scrypt takes a moment). */
export interface Sealer {
  scrypt: ScryptParams;
  chunkSize: number;
  salt: Buffer;
  noncePrefix: Buffer;
  key: Buffer;
  checkKey: Buffer;
}

export function prepareSeal(options: Pick<SealOptions, 'passphrase' | 'scrypt' | 'chunkSize'>, name: string): Sealer {
  const scrypt = options.scrypt ?? DEFAULT_SCRYPT;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const problem = paramsProblem({ scrypt, chunkSize, plaintextLength: 0 });
  if (problem) throw new AssayError('usage', `${name}: cannot pack with these parameters: ${problem}`);
  const salt = randomBytes(16);
  return { scrypt, chunkSize, salt, noncePrefix: randomBytes(8), ...deriveKeys(options.passphrase, salt, scrypt) };
}

/** Encrypts the whole of `source` into `outFd`. Returns the package's size and chunk count. */
export function sealFile(source: PlainSource, outFd: number, options: SealOptions & { sealer?: Sealer }, name: string): { bytes: number; chunks: number } {
  const sealer = options.sealer ?? prepareSeal(options, name);
  const { chunkSize, key } = sealer;
  const plaintextLength = source.length;
  const header: PackageHeader = { version: FORMAT_VERSION, scrypt: sealer.scrypt, includesSecret: options.includesSecret, chunkSize, plaintextLength, salt: sealer.salt, noncePrefix: sealer.noncePrefix };
  const problem = paramsProblem(header);
  if (problem) throw new AssayError('usage', `${name}: cannot pack with these parameters: ${problem}`);
  const prelude = encodePrelude(header, sealer.checkKey);
  const digest = prelude.subarray(96, 128);
  writeFully(outFd, prelude);
  const chunks = chunkCount(plaintextLength, chunkSize);
  const buffer = Buffer.alloc(chunkSize);
  for (let i = 0; i < chunks; i++) {
    stopIfCancelled(options, `packing ${name}`);
    const want = Math.min(chunkSize, plaintextLength - i * chunkSize);
    // The size was fixed when we started: a source that shrinks underneath is an error, not a short package.
    if (source.read(buffer, want, i * chunkSize) !== want) throw new AssayError('conflict', `${name}: the file changed size while it was being packed; nothing was written`);
    const cipher = createCipheriv('aes-256-gcm', key, nonceFor(header.noncePrefix, i), { authTagLength: TAG_BYTES });
    cipher.setAAD(chunkAad(digest, i, i === chunks - 1));
    writeFully(outFd, cipher.update(buffer.subarray(0, want)));
    cipher.final();
    writeFully(outFd, cipher.getAuthTag());
    options.onProgress?.(i + 1, chunks);
  }
  return { bytes: packageLength(header), chunks };
}

export interface OpenOptions extends StreamHooks {
  passphrase: string;
}

/** Reads and checks the prelude of an open package, before any key is derived. */
export function inspectPackage(fd: number, name: string): ReturnType<typeof readPrelude> & { size: number } {
  const size = fstatSync(fd).size;
  const prelude = Buffer.alloc(PRELUDE_BYTES);
  const got = readFully(fd, prelude, PRELUDE_BYTES, 0);
  return { ...readPrelude(prelude.subarray(0, got), size, name), size };
}

/**
 * Decrypts a package into `outFd`, checking every chunk: a wrong passphrase, a truncated package,
 * an altered or reordered one, and bytes after the final chunk each fail with their own message.
 * The caller publishes what was written only when this returns.
 */
export function openPackage(fd: number, outFd: number, options: OpenOptions, name: string): { header: PackageHeader; chunks: number } {
  const prelude = inspectPackage(fd, name);
  const { header, digest } = prelude;
  const expected = packageLength(header);
  const chunks = chunkCount(header.plaintextLength, header.chunkSize);
  const truncated = (at: number, chunk: number) =>
    new AssayError('integrity', `${name}: the package is truncated: it ends at byte ${at} of ${expected} (chunk ${chunk + 1} of ${chunks} is incomplete or missing); nothing was written`);
  if (prelude.size < expected) throw truncated(prelude.size, Math.max(0, Math.floor((prelude.size - PRELUDE_BYTES) / (header.chunkSize + TAG_BYTES))));
  if (prelude.size > expected) throw trailing(name, prelude.size - expected);
  const key = unlock(prelude, options.passphrase, name);
  const buffer = Buffer.alloc(header.chunkSize + TAG_BYTES);
  let position = PRELUDE_BYTES;
  for (let i = 0; i < chunks; i++) {
    stopIfCancelled(options, `unpacking ${name}`);
    const plain = Math.min(header.chunkSize, header.plaintextLength - i * header.chunkSize);
    const record = plain + TAG_BYTES;
    const got = readFully(fd, buffer, record, position);
    if (got < record) throw truncated(position + got, i);
    const final = i === chunks - 1;
    const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(header.noncePrefix, i), { authTagLength: TAG_BYTES });
    decipher.setAAD(chunkAad(digest, i, final));
    decipher.setAuthTag(buffer.subarray(plain, record));
    const out = decipher.update(buffer.subarray(0, plain));
    try {
      decipher.final();
    } catch {
      throw new AssayError('integrity', `${name}: the package is altered: chunk ${i + 1} of ${chunks} fails authentication (a changed byte, or chunks out of order); nothing was written`);
    }
    writeFully(outFd, out);
    position += record;
    options.onProgress?.(i + 1, chunks);
  }
  // The file may have grown since its size was read: the final chunk must be the end.
  if (readFully(fd, Buffer.alloc(1), 1, position) !== 0) throw trailing(name, fstatSync(fd).size - position);
  return { header, chunks };
}

function trailing(name: string, extra: number): AssayError {
  return new AssayError('integrity', `${name}: the package has ${extra} byte${extra === 1 ? '' : 's'} after its final chunk (appended or altered); nothing was written`);
}
