import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';

/**
 * The bytes of evidence files, inside the assessment: one evidence_blob row per distinct SHA-256,
 * the content in chunk rows. Everything here reads and writes one chunk at a time, so memory stays
 * flat whatever the size of the file.
 */

export const CHUNK_SIZE = 1024 * 1024;

export interface StreamHooks {
  /** Bytes just read (for progress). */
  onBytes?: (bytes: number) => void;
  /** Polled between chunks; true stops the work with a 'refused' error (the caller's transaction rolls back). */
  isCancelled?: () => boolean;
}

function stopIfCancelled(hooks: StreamHooks, what: string): void {
  if (hooks.isCancelled?.()) throw new AssayError('refused', `${what}: cancelled`);
}

/** Reads an open file from its start (or bytes in memory) in chunks, handing each to `use`; returns the bytes read. */
function eachChunk(fd: number | Buffer, buffer: Buffer, hooks: StreamHooks, name: string, use: (chunk: Buffer) => void): number {
  let position = 0;
  if (Buffer.isBuffer(fd)) {
    for (; position < fd.length; position += CHUNK_SIZE) {
      stopIfCancelled(hooks, name);
      const chunk = fd.subarray(position, position + CHUNK_SIZE);
      use(chunk);
      hooks.onBytes?.(chunk.length);
    }
    return fd.length;
  }
  for (;;) {
    stopIfCancelled(hooks, name);
    let got: number;
    try {
      got = readSync(fd, buffer, 0, buffer.length, position);
    } catch (error) {
      throw new AssayError('invalid_input', `${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (got === 0) return position;
    use(buffer.subarray(0, got));
    position += got;
    hooks.onBytes?.(got);
  }
}

export function blobExists(db: Database.Database, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM evidence_blob WHERE sha256 = ?').get(sha256) !== undefined;
}

/** Thrown inside the savepoint to undo the chunks of content that turned out to be stored already. */
class AlreadyStored extends Error {
  constructor(readonly sha256: string, readonly size: number) {
    super('already stored');
  }
}

/**
 * Stores the content of an open file (or bytes in memory); must run inside the caller's write transaction, so a file
 * that fails half-way leaves nothing behind. One pass: the content is hashed while its chunks are
 * inserted. Content that proves to be stored already is undone (a savepoint rolled back, which in
 * rollback-journal mode also gives back the pages) and the stored copy is used: duplicates cost a
 * wasted write, but the common case never reads a file twice.
 */
export function storeBlob(db: Database.Database, fd: number | Buffer, name: string, hooks: StreamHooks = {}): { sha256: string; size: number; reused: boolean } {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  const insert = db.prepare('INSERT INTO evidence_chunk (blob_id, idx, data) VALUES (?, ?, ?)');
  try {
    // better-sqlite3 runs a transaction inside a transaction as a savepoint.
    return db.transaction(() => {
      const blobId = Number(db.prepare('INSERT INTO evidence_blob (sha256, size, chunk_size) VALUES (NULL, 0, ?)').run(CHUNK_SIZE).lastInsertRowid);
      const hash = createHash('sha256');
      let idx = 0;
      const size = eachChunk(fd, buffer, hooks, name, (chunk) => {
        hash.update(chunk);
        // better-sqlite3 copies a bound buffer, so the one read buffer is reused for every chunk.
        insert.run(blobId, idx++, chunk);
      });
      const sha256 = hash.digest('hex');
      if (blobExists(db, sha256)) throw new AlreadyStored(sha256, size);
      db.prepare('UPDATE evidence_blob SET sha256 = ?, size = ? WHERE id = ?').run(sha256, size, blobId);
      return { sha256, size, reused: false };
    })();
  } catch (error) {
    if (error instanceof AlreadyStored) return { sha256: error.sha256, size: error.size, reused: true };
    throw error;
  }
}

interface BlobRow {
  id: number;
  sha256: string | null;
  size: number;
}

/** The chunks of one stored file, in order; a gap or a wrong total is reported as damage. */
export function* blobChunks(db: Database.Database, sha256: string): Generator<Buffer> {
  const blob = db.prepare('SELECT id, sha256, size FROM evidence_blob WHERE sha256 = ?').get(sha256) as BlobRow | undefined;
  if (!blob) throw new AssayError('integrity', `the stored file with SHA-256 ${sha256} is missing from the assessment`);
  yield* chunksOf(db, blob);
}

/**
 * Random access to one stored file's chunks, one short query each: for readers that wait between
 * chunks (a download to a slow client) and must not hold a statement open on a shared connection.
 */
export function blobReader(db: Database.Database, sha256: string): { chunks: number; read(idx: number): Buffer } {
  const blob = db.prepare('SELECT id, (SELECT count(*) FROM evidence_chunk WHERE blob_id = evidence_blob.id) AS n FROM evidence_blob WHERE sha256 = ?').get(sha256) as { id: number; n: number } | undefined;
  if (!blob) throw new AssayError('integrity', `the stored file with SHA-256 ${sha256} is missing from the assessment`);
  const one = db.prepare('SELECT data FROM evidence_chunk WHERE blob_id = ? AND idx = ?').pluck();
  return {
    chunks: blob.n,
    read(idx) {
      const data = one.get(blob.id, idx) as Buffer | undefined;
      if (!data) throw new AssayError('integrity', `chunk ${idx} of the stored file ${sha256} is missing`);
      return data;
    },
  };
}

function* chunksOf(db: Database.Database, blob: BlobRow): Generator<Buffer> {
  let expected = 0;
  let total = 0;
  for (const row of db.prepare('SELECT idx, data FROM evidence_chunk WHERE blob_id = ? ORDER BY idx').iterate(blob.id) as Iterable<{ idx: number; data: Buffer }>) {
    if (row.idx !== expected) throw new AssayError('integrity', `chunk ${expected} of the stored file ${blob.sha256} is missing`);
    expected++;
    total += row.data.length;
    yield row.data;
  }
  if (total !== blob.size) throw new AssayError('integrity', `the stored file ${blob.sha256} holds ${total} bytes, its record says ${blob.size}`);
}

export interface BlobProblem {
  sha256: string;
  problem: string;
}

/** Re-hashes every stored file chunk by chunk: the ones whose bytes no longer give their SHA-256. */
export function rehashBlobs(db: Database.Database, hooks: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean } = {}): { count: number; bytes: number; problems: BlobProblem[] } {
  const blobs = db.prepare('SELECT id, sha256, size FROM evidence_blob ORDER BY id').all() as BlobRow[];
  const total = blobs.reduce((sum, b) => sum + b.size, 0);
  let done = 0;
  const problems: BlobProblem[] = [];
  for (const blob of blobs) {
    if (hooks.isCancelled?.()) throw new AssayError('conflict', 'verify was cancelled');
    if (blob.sha256 === null) {
      problems.push({ sha256: `(unfinished blob ${blob.id})`, problem: 'a file whose writing never completed' });
      continue;
    }
    const hash = createHash('sha256');
    try {
      for (const chunk of chunksOf(db, blob)) {
        hash.update(chunk);
        done += chunk.length;
        hooks.onProgress?.(done, total);
      }
      const actual = hash.digest('hex');
      if (actual !== blob.sha256) problems.push({ sha256: blob.sha256, problem: `its bytes now hash to ${actual}` });
    } catch (error) {
      problems.push({ sha256: blob.sha256, problem: (error as Error).message });
    }
  }
  return { count: blobs.length, bytes: total, problems };
}
