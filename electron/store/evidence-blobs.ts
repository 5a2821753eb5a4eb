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

/** Reads an open file from its start in chunks, handing each to `use`; returns the bytes read. */
function eachChunk(fd: number, buffer: Buffer, hooks: StreamHooks, name: string, use: (chunk: Buffer) => void): number {
  let position = 0;
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

/**
 * Stores the content of an open file; must run inside the caller's write transaction, so a file
 * that fails half-way leaves nothing behind. The content is hashed while its chunks are inserted
 * (one pass). Only when a stored file already has the same size is the file hashed first, so
 * that a duplicate is recognised without writing it again.
 */
export function storeBlob(db: Database.Database, fd: number, size: number, name: string, hooks: StreamHooks = {}): { sha256: string; size: number; reused: boolean } {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  const sameSize = db.prepare('SELECT 1 FROM evidence_blob WHERE size = ? AND sha256 IS NOT NULL LIMIT 1').get(size) !== undefined;
  if (sameSize) {
    const hash = createHash('sha256');
    const read = eachChunk(fd, buffer, {}, name, (chunk) => hash.update(chunk));
    const sha256 = hash.digest('hex');
    if (blobExists(db, sha256)) {
      hooks.onBytes?.(read);
      return { sha256, size: read, reused: true };
    }
  }
  const { lastInsertRowid } = db.prepare('INSERT INTO evidence_blob (sha256, size, chunk_size) VALUES (NULL, 0, ?)').run(CHUNK_SIZE);
  const blobId = Number(lastInsertRowid);
  const insert = db.prepare('INSERT INTO evidence_chunk (blob_id, idx, data) VALUES (?, ?, ?)');
  const hash = createHash('sha256');
  let idx = 0;
  const stored = eachChunk(fd, buffer, hooks, name, (chunk) => {
    hash.update(chunk);
    // better-sqlite3 copies a bound buffer, so the one read buffer is reused for every chunk.
    insert.run(blobId, idx++, chunk);
  });
  const sha256 = hash.digest('hex');
  if (blobExists(db, sha256)) {
    // The file changed between the two reads into content that is already stored: keep that one.
    db.prepare('DELETE FROM evidence_chunk WHERE blob_id = ?').run(blobId);
    db.prepare('DELETE FROM evidence_blob WHERE id = ?').run(blobId);
    return { sha256, size: stored, reused: true };
  }
  db.prepare('UPDATE evidence_blob SET sha256 = ?, size = ? WHERE id = ?').run(sha256, stored, blobId);
  return { sha256, size: stored, reused: false };
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
