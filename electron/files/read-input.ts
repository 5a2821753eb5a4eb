import { type Stats, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { releaseDescriptor } from './descriptors';
import { AssayError } from '../../shared/errors';
import { formatBytes } from '../../shared/format-bytes';

export { formatBytes };

/**
 * Every file Assay reads from the user (framework imports now; evidence, imports and packages
 * later) goes through here. A path can name a FIFO that never sends a byte, /dev/zero that never
 * ends, a folder or a socket; each must fail at once with its name, never block the thread that
 * answers commands or grow memory. So: open without blocking, fstat the handle we opened (not the
 * path, which could be swapped in between), refuse anything but a regular file, and read through
 * that same handle with a limit.
 */

/** Large enough for any real framework library (the biggest CISO Assistant ones are a few MiB). */
export const DEFAULT_INPUT_LIMIT = 20 * 1024 * 1024;

/** Environment variable that overrides the default limit, in bytes (for unusual pipelines). */
export const INPUT_LIMIT_ENV = 'ASSAY_MAX_INPUT_BYTES';

export interface ReadInputOptions {
  /** Upper bound in bytes; default: ASSAY_MAX_INPUT_BYTES when set, else DEFAULT_INPUT_LIMIT. */
  maxBytes?: number;
  /** What the file is, for messages: "framework files are limited to …". Default "input files". */
  what?: string;
  /** Environment to read the override from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

const CHUNK = 1024 * 1024;

/** The limit that applies: an explicit option, else the environment override, else the default. */
export function inputLimit(options: Pick<ReadInputOptions, 'maxBytes' | 'env'> = {}): number {
  if (options.maxBytes !== undefined) return options.maxBytes;
  const raw = (options.env ?? process.env)[INPUT_LIMIT_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_INPUT_LIMIT;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw new AssayError('usage', `${INPUT_LIMIT_ENV} must be a whole number of bytes, e.g. 52428800 for 50 MiB (it is "${raw}")`);
  return Number(raw);
}


/** What kind of thing a path is, in the words a message uses; undefined for a regular file. */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, kind: string): AssayError {
  return new AssayError('invalid_input', kind === 'not a regular file' ? `${file}: is not a regular file` : `${file}: is ${kind}, not a file`);
}

function cannotOpen(file: string, error: NodeJS.ErrnoException): AssayError {
  if (error.code === 'ENOENT') return new AssayError('not_found', `${file}: no such file`);
  if (error.code === 'ENOTDIR') return new AssayError('not_found', `${file}: no such file (a part of the path is not a folder)`);
  if (error.code === 'EISDIR') return notRegular(file, 'a folder');
  if (error.code === 'EACCES' || error.code === 'EPERM') return new AssayError('invalid_input', `${file}: cannot be read (permission denied)`);
  // ENXIO (a socket), EWOULDBLOCK and friends: say what the path is when we can tell.
  try {
    const kind = specialKind(statSync(file));
    if (kind) return notRegular(file, kind);
  } catch {
    // fall through to the system's own words
  }
  return new AssayError('invalid_input', `${file}: cannot be read (${error.code ?? error.message})`);
}

function tooLarge(file: string, size: string, limit: number, what: string): AssayError {
  return new AssayError(
    'invalid_input',
    `${file}: is ${size}; ${what} are limited to ${formatBytes(limit)} (set ${INPUT_LIMIT_ENV} to allow more)`,
  );
}

/**
 * Opens an input file for reading through the returned handle (in chunks, for files of any size):
 * refuses folders, FIFOs, devices and sockets at once, naming the file. The caller gives the handle
 * back with releaseDescriptor: an input may be an assessment this process holds (descriptors.ts).
 */
export function openInputFile(file: string): { fd: number; size: number } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must return, not wait (it has no effect on regular files).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw cannotOpen(file, error as NodeJS.ErrnoException);
  }
  try {
    const stats = fstatSync(fd);
    const kind = specialKind(stats);
    if (kind) throw notRegular(file, kind);
    return { fd, size: stats.size };
  } catch (error) {
    releaseDescriptor(fd);
    throw error;
  }
}

/**
 * Reads a whole input file safely: refuses folders, FIFOs, devices and sockets at once, and
 * anything larger than the limit, reading at most limit + 1 bytes even when the file grows.
 */
export function readInputFile(file: string, options: ReadInputOptions = {}): Buffer {
  const limit = inputLimit(options);
  const what = options.what ?? 'input files';
  const { fd, size } = openInputFile(file);
  try {
    if (size > limit) throw tooLarge(file, formatBytes(size), limit, what);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until end of file or one byte past the limit: the size seen by fstat may change.
    for (;;) {
      const want = Math.min(CHUNK, limit + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const got = readSync(fd, chunk, 0, want, null);
      if (got === 0) break;
      chunks.push(got === want ? chunk : chunk.subarray(0, got));
      total += got;
      if (total > limit) throw tooLarge(file, `larger than ${formatBytes(limit)}`, limit, what);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof AssayError) throw error;
    throw new AssayError('invalid_input', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    releaseDescriptor(fd);
  }
}

/** Reads an input file as UTF-8 text (a leading byte-order mark is dropped). */
export function readInputText(file: string, options: ReadInputOptions = {}): string {
  const text = readInputFile(file, options).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * For callers that hand a path to another library (SQLite opens it itself): throws with a clear
 * message when the path exists but is not a regular file ("is a folder, not a file"). A missing
 * path passes when `allowMissing` is set (a file about to be created), else says "no such file".
 */
export function assertRegularFile(file: string, options: { allowMissing?: boolean } = {}): void {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && options.allowMissing) return;
    throw cannotOpen(file, error as NodeJS.ErrnoException);
  }
  const kind = specialKind(stats);
  if (kind) throw notRegular(file, kind);
}
