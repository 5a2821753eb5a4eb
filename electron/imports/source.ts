import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { releaseDescriptor } from '../files/descriptors';
import { basename } from 'node:path';
import { AssayError } from '../../shared/errors';
import { formatBytes } from '../../shared/format-bytes';
import { INPUT_LIMIT_ENV, openInputFile } from '../files/read-input';

/**
 * A file being imported, read through one handle opened safely (no FIFOs, devices or folders) and
 * never beyond the import size limit. Readers take what suits them: the whole text (decoded and
 * checked), the lines one at a time (a 50 MB JSONL never sits in memory whole), or the bytes (a
 * workbook). Text that is not UTF-8 is refused by name unless it is UTF-16 with its byte-order mark.
 */

/** Imports are larger than framework files: a red-team run's JSONL easily reaches tens of MB. */
export const DEFAULT_IMPORT_LIMIT = 512 * 1024 * 1024;
/** Files read whole (JSON documents, workbooks) have a lower ceiling than line-by-line ones. */
export const DEFAULT_WHOLE_LIMIT = 200 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface ImportSource {
  path: string;
  /** The file name, as problems name it. */
  name: string;
  size: number;
  sha256: string;
  /** The first bytes, for format detection. */
  head: Buffer;
  /** The whole file as text (byte-order mark dropped); refuses binary content and bad encodings. */
  text(): string;
  /** The whole file's bytes (workbooks). */
  bytes(): Buffer;
  /** The lines one at a time, numbered from 1; the file is read in chunks. */
  lines(): Generator<{ number: number; line: string }>;
  /** Warnings found while decoding (e.g. a UTF-16 file), for the preview. */
  readonly notes: string[];
}

export interface SourceLimits {
  /** Largest file accepted at all. */
  maxBytes?: number;
  /** Largest file read whole into memory. */
  maxWholeBytes?: number;
}

export function importLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[INPUT_LIMIT_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_IMPORT_LIMIT;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new AssayError('usage', `${INPUT_LIMIT_ENV} must be a whole number of bytes (it is "${raw}")`);
  return Number(raw);
}

function eachChunk(fd: number, use: (chunk: Buffer) => void, limit: number, name: string): number {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let position = 0;
  for (;;) {
    const got = readSync(fd, buffer, 0, buffer.length, position);
    if (got === 0) return position;
    position += got;
    if (position > limit) throw tooLarge(name, limit);
    use(buffer.subarray(0, got));
  }
}

function tooLarge(name: string, limit: number): AssayError {
  return new AssayError('invalid_input', `${name}: is larger than ${formatBytes(limit)}; imports are limited to that (set ${INPUT_LIMIT_ENV} to allow more)`);
}

/** Decodes text the way people's files come: UTF-8 (with or without BOM), or UTF-16 with its BOM. */
export function decodeText(bytes: Buffer, name: string, notes: string[] = []): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    notes.push(`${name}: read as UTF-16 (its byte-order mark says so)`);
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) throw new AssayError('invalid_input', `${name}: is binary (a NUL byte at offset ${nul}), not a text file of the chosen format`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new AssayError('invalid_input', `${name}: is not UTF-8 text (an invalid byte on line ${invalidUtf8Line((use) => use(bytes)) || 1}); save it as UTF-8 (in Excel: CSV UTF-8) and import it again`);
  }
}

/**
 * The line (from 1) holding the first byte sequence that is not UTF-8, or 0. A newline byte never
 * occurs inside a UTF-8 sequence, so each line decodes on its own and the first that fails is it.
 */
function invalidUtf8Line(each: (use: (chunk: Buffer) => void) => void): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let bad = 0;
  let pending: Buffer[] = [];
  const valid = (bytes: Buffer) => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  each((chunk) => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1 && !bad; nl = chunk.indexOf(10, start)) {
      if (!valid(pending.length ? Buffer.concat([...pending, chunk.subarray(start, nl)]) : chunk.subarray(start, nl))) bad = line;
      pending = [];
      line++;
      start = nl + 1;
    }
    if (!bad && start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  });
  return bad || (valid(Buffer.concat(pending)) ? 0 : line);
}

/** Throws, naming the line, if the file holds a byte sequence that is not UTF-8. */
function strictUtf8(path: string, name: string): void {
  const { fd } = openInputFile(path);
  let line: number;
  try {
    line = invalidUtf8Line((use) => eachChunk(fd, use, Number.MAX_SAFE_INTEGER, name));
  } finally {
    releaseDescriptor(fd);
  }
  if (line) throw new AssayError('invalid_input', `${name}: is not UTF-8 text (an invalid byte on line ${line}); save it as UTF-8 and import it again`);
}

/** Opens a file for import: checks what it is and its size, and hashes it in one pass. */
export function openSource(path: string, limits: SourceLimits = {}): ImportSource {
  const name = basename(path);
  const maxBytes = limits.maxBytes ?? importLimit();
  const maxWhole = Math.min(maxBytes, limits.maxWholeBytes ?? DEFAULT_WHOLE_LIMIT);
  const { fd, size } = openInputFile(path);
  let sha256: string;
  let head: Buffer;
  try {
    if (size > maxBytes) throw tooLarge(name, maxBytes);
    const hash = createHash('sha256');
    const first: Buffer[] = [];
    let kept = 0;
    eachChunk(
      fd,
      (chunk) => {
        hash.update(chunk);
        if (kept < 65536) {
          first.push(Buffer.from(chunk.subarray(0, 65536 - kept)));
          kept += Math.min(chunk.length, 65536 - kept);
        }
      },
      maxBytes,
      name,
    );
    sha256 = hash.digest('hex');
    head = Buffer.concat(first);
  } finally {
    releaseDescriptor(fd);
  }
  const notes: string[] = [];
  const source: ImportSource = {
    path,
    name,
    size,
    sha256,
    head,
    notes,
    bytes() {
      if (size > maxWhole) throw new AssayError('invalid_input', `${name}: is ${formatBytes(size)}; files of this format are read whole and limited to ${formatBytes(maxWhole)}`);
      const { fd: handle } = openInputFile(path);
      try {
        const parts: Buffer[] = [];
        eachChunk(handle, (chunk) => parts.push(Buffer.from(chunk)), maxWhole, name);
        return Buffer.concat(parts);
      } finally {
        releaseDescriptor(handle);
      }
    },
    text() {
      return decodeText(source.bytes(), name, notes);
    },
    *lines() {
      const { fd: handle } = openInputFile(path);
      try {
        // Lines are found in the bytes and each decoded on its own: a newline byte never occurs
        // inside a UTF-8 sequence, and decoding whole chunks as a stream cost ten times as much.
        // Complete lines are checked as UTF-8 before they are decoded; the first bad byte sends the
        // file through the strict check once, which names its line.
        let buffer = Buffer.allocUnsafe(CHUNK);
        let kept = 0;
        let position = 0;
        let number = 0;
        for (;;) {
          if (kept === buffer.length) buffer = Buffer.concat([buffer], buffer.length * 2);
          const got = readSync(handle, buffer, kept, buffer.length - kept, position);
          const atStart = position === 0;
          position += got;
          if (position > maxBytes) throw tooLarge(name, maxBytes);
          const bytes = buffer.subarray(0, kept + got);
          // A leading byte-order mark is not part of the first line.
          let start = atStart && got >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          const complete = got === 0 ? bytes.length : bytes.lastIndexOf(10) + 1;
          if (complete > start && !isUtf8(bytes.subarray(start, complete))) strictUtf8(path, name);
          for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
            yield { number: ++number, line: bytes.toString('utf8', start, nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl) };
            start = nl + 1;
          }
          if (got === 0) {
            if (start < bytes.length) yield { number: ++number, line: bytes.toString('utf8', start, bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length) };
            break;
          }
          kept = bytes.copy(buffer, 0, start);
        }
      } finally {
        releaseDescriptor(handle);
      }
    },
  };
  return source;
}
