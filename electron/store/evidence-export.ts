import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync } from 'node:fs';
import { writeFully } from '../files/full-io';
import { basename, dirname, join } from 'node:path';
import type { EvidenceItem } from '../../shared/domain/evidence/model';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { blobChunks } from './evidence-blobs';
import { getEvidence } from './evidence';
import { publishNew } from '../files/publish-new';

/** One revision of an item, ready to be read out chunk by chunk. */
export function storedFile(a: Assessment, id: string, rev?: number): { item: EvidenceItem; fileName: string; sha256: string; size: number; chunks: () => Generator<Buffer> } {
  const item = getEvidence(a, id);
  const revision = rev === undefined ? item.revisions[0]! : item.revisions.find((r) => r.rev === rev);
  if (!revision) throw new AssayError('not_found', `${id} has no revision ${rev} (it has ${item.revisions.map((r) => r.rev).join(', ')})`);
  return { item, fileName: revision.fileName, sha256: revision.sha256, size: revision.size, chunks: () => blobChunks(a.db, revision.sha256) };
}

/**
 * Saves a copy of a stored file. It is written to a temporary name beside `out`, its SHA-256
 * checked, and only then published under `out` with a hard link, which refuses to replace a file
 * that exists: a copy that does not match what was stored is never left behind.
 */
export function exportEvidence(a: Assessment, id: string, out: string, rev?: number): { out: string; sha256: string; size: number } {
  const file = storedFile(a, id, rev);
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.part`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw new AssayError('refused', `${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const hash = createHash('sha256');
    let size = 0;
    try {
      for (const chunk of file.chunks()) {
        hash.update(chunk);
        writeFully(fd, chunk);
        size += chunk.length;
      }
    } finally {
      closeSync(fd);
    }
    const actual = hash.digest('hex');
    if (actual !== file.sha256)
      throw new AssayError('integrity', `${id} (${file.fileName}): the stored bytes no longer match their SHA-256 ${file.sha256}; no copy was saved (assay verify names every such file)`);
    try {
      publishNew(temp, out);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AssayError(code === 'EEXIST' ? 'conflict' : 'refused', code === 'EEXIST' ? `${out}: already exists; choose another name (nothing was overwritten)` : `${out}: cannot be written (${code})`);
    }
    return { out, sha256: actual, size };
  } finally {
    rmSync(temp, { force: true });
  }
}
