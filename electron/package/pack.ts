import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AssayError } from '../../shared/errors';
import type { PackResult, UnpackResult } from '../../shared/packages/results';
import { readHead } from '../store/audit';
import { openForReading } from '../store/open';
import { APPLICATION_ID, connect, hasTable, readHeader } from '../store/sqlite';
import type { ScryptParams } from './format';
import { type StreamHooks, fileSource, openPackage, prepareSeal, sealFile } from './stream';
import { directCopy } from './page-copy';
import type { Assessment } from '../store/assessment';
import { assertRegularFile } from '../files/read-input';
import { publishNew } from '../files/publish-new';
import { markNoErasedLeftovers } from '../store/storage-hygiene';
import { openDescriptor, releaseDescriptor } from '../files/descriptors';

/**
 * Packing and unpacking whole files. What goes in is one consistent state of the assessment,
 * evidence included (its bytes live in the file), with nothing left over of data erased on
 * request, and without the pseudonymisation key unless asked: the file's own pages read under its
 * read lock where that is safe and clean (page-copy.ts), otherwise a VACUUM INTO snapshot. Output
 * is written under a temporary name beside the target, synced, and published by
 * hard link only once complete: a failure, a cancel or a wrong passphrase leaves nothing, and an
 * existing file is never written over.
 */

const temporaryBeside = (path: string, suffix: string) => `${path}.${randomBytes(6).toString('hex')}.${suffix}`;

export function refuseExisting(path: string, what: string): void {
  if (existsSync(path)) throw new AssayError('conflict', `${path}: already exists; ${what} never writes over a file: choose another name or remove it first`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AssayError('not_found', `${folder}: no such folder; nothing was written`);
}

function writeProblem(path: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EEXIST') return new AssayError('conflict', `${path}: already exists (it appeared meanwhile); nothing was written over`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AssayError('refused', `${path}: cannot be written here (${code}); nothing was written`);
  if (code === 'ENOSPC') return new AssayError('refused', `${path}: the disk is full; nothing was written`);
  return error;
}

/** Writes a new file through `fill` under a temporary name, syncs it, and publishes it by hard link (never over an existing file). */
function writeThenPublish(path: string, fill: (fd: number, temporary: string) => void): void {
  const temporary = temporaryBeside(path, 'part');
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      fill(fd, temporary);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    publishNew(temporary, path);
    syncFolder(dirname(path));
  } catch (error) {
    throw writeProblem(path, error);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot sync a folder; the file itself is synced.
  }
}

/** A clean copy of the assessment at `snapshot` (VACUUM INTO), the pseudonymisation key removed unless kept; the head is the copy's own. */
function snapshotOf(assessment: Assessment, snapshot: string, includeSecret: boolean): { head: string; secretLeftOut: boolean } {
  // VACUUM INTO syncs its output as this connection's synchronous setting says; the snapshot is a
  // temporary file read straight back and deleted (the package itself is synced), so syncing a
  // gigabyte of it bought nothing. The connection only reads the assessment.
  assessment.db.pragma('synchronous = OFF');
  assessment.db.prepare('VACUUM INTO ?').run(snapshot);
  const db = connect(snapshot, { create: false });
  try {
    const h = readHead(db);
    // The copy holds no freed space: say so, so that once unpacked it can be packed directly.
    markNoErasedLeftovers(db);
    let removed = 0;
    // The key is not replayed from the log (see secretTables), so removing it leaves verify passing;
    // secure_delete (set on every connection) zeroes the deleted cells, so its bytes are not left in the page.
    if (!includeSecret && hasTable(db, 'assessment_secret')) removed = db.prepare('DELETE FROM assessment_secret').run().changes;
    return { head: `${h.count}:${h.hash}`, secretLeftOut: removed > 0 };
  } finally {
    db.close();
  }
}

export function packAssessment(
  file: string,
  out: string,
  options: { passphrase: string; includeSecret: boolean; scrypt?: ScryptParams; chunkSize?: number } & StreamHooks,
): PackResult {
  refuseExisting(out, 'packing');
  options.onProgress?.(0, 1);
  // scrypt first, so that no lock is held while it runs.
  const sealer = prepareSeal(options, file);
  const snapshot = temporaryBeside(out, 'snapshot');
  // A missing or special file is refused first, in the words opening uses. The descriptor pages
  // are read through is taken before the connection (see page-copy.ts).
  assertRegularFile(file);
  const fd = openDescriptor(file);
  try {
    const assessment = openForReading(file);
    try {
      if (assessment.info.damage) throw new AssayError('integrity', `${file}: is damaged (${assessment.info.damage}); it was not packed. Run assay verify on it`);
      const direct = assessment.info.privateCopy === undefined ? directCopy(assessment.db, file, fd, options.includeSecret) : { reason: 'it is read through a private copy' };
      const seal = { ...options, sealer, includesSecret: options.includeSecret };
      let sealed = { bytes: 0, chunks: 0 };
      if ('source' in direct) {
        try {
          // Read under the lock: the head is that of the pages sealed.
          const h = readHead(assessment.db);
          writeThenPublish(out, (outFd) => {
            try {
              sealed = sealFile(direct.source, outFd, seal, file);
            } finally {
              // Writers wait only while the pages are read, not while the package is synced and published.
              direct.end();
            }
          });
          return { package: out, ...sealed, head: `${h.count}:${h.hash}`, includesSecret: options.includeSecret, secretLeftOut: direct.secretLeftOut };
        } finally {
          direct.end();
        }
      }
      const { head, secretLeftOut } = snapshotOf(assessment, snapshot, options.includeSecret);
      if (options.isCancelled?.()) throw new AssayError('refused', `packing ${file} was cancelled; nothing was written`);
      writeThenPublish(out, (outFd) => {
        const source = openSync(snapshot, 'r');
        try {
          sealed = sealFile(fileSource(source), outFd, seal, file);
        } finally {
          closeSync(source);
        }
      });
      return { package: out, ...sealed, head, includesSecret: options.includeSecret, secretLeftOut };
    } finally {
      assessment.close();
      for (const leftover of [snapshot, `${snapshot}-journal`]) rmSync(leftover, { force: true });
    }
  } finally {
    // Released, not closed: on Linux and macOS closing it would drop the locks that this process's
    // other connections hold on the file (descriptors.ts).
    releaseDescriptor(fd);
  }
}

export function unpackPackage(pkg: string, out: string, options: { passphrase: string } & StreamHooks): UnpackResult {
  refuseExisting(out, 'unpacking');
  const fd = openPackageFile(pkg);
  let includesSecret = false;
  try {
    writeThenPublish(out, (outFd, temporary) => {
      includesSecret = openPackage(fd, outFd, options, pkg).header.includesSecret;
      const h = readHeader(temporary);
      // Authenticated content is what was packed; this only guards against a package made by something else with our format.
      if (!h.isSqlite || h.applicationId !== APPLICATION_ID) throw new AssayError('refused', `${pkg}: the package does not hold an Assay assessment; nothing was written`);
    });
  } finally {
    // The path may name an assessment rather than a package (files/descriptors.ts).
    releaseDescriptor(fd);
  }
  const opened = openForReading(out);
  try {
    const h = readHead(opened.db);
    return { file: out, bytes: statSync(out).size, head: `${h.count}:${h.hash}`, includesSecret };
  } finally {
    opened.close();
  }
}

function openPackageFile(pkg: string): number {
  try {
    if (!statSync(pkg).isFile()) throw new AssayError('refused', `${pkg}: is not a regular file`);
    return openSync(pkg, 'r');
  } catch (error) {
    if (error instanceof AssayError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AssayError('not_found', `${pkg}: no such package file`);
    throw new AssayError('refused', `${pkg}: cannot be read (${code ?? String(error)})`);
  }
}
