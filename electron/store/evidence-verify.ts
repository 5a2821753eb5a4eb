import type Database from 'better-sqlite3';
import type { VerifyCheck } from '../../shared/commands';
import { AssayError } from '../../shared/errors';
import { formatBytes } from '../files/read-input';
import { rehashBlobs } from './evidence-blobs';
import { hasTable } from './sqlite';

const MIB = 1024 * 1024;

/**
 * The verify check of stored evidence: every file re-hashed chunk by chunk against the SHA-256
 * its row (and the log, through replay) names; each one that no longer matches is named by the
 * evidence items and revisions that hold it. Undefined for a file without stored files.
 */
export function evidenceCheck(
  db: Database.Database,
  hooks: { onProgress?: (doneMiB: number, totalMiB: number) => void; isCancelled?: (() => boolean) | undefined } = {},
): VerifyCheck | undefined {
  if (!hasTable(db, 'evidence_blob')) return undefined;
  if (!db.prepare('SELECT 1 FROM evidence_blob LIMIT 1').get()) return undefined;
  const { count, bytes, problems } = rehashBlobs(db, {
    onProgress: (done, total) => hooks.onProgress?.(Math.floor(done / MIB), Math.ceil(total / MIB)),
    isCancelled: () => {
      if (hooks.isCancelled?.()) throw new AssayError('conflict', 'verify was cancelled');
      return false;
    },
  });
  if (problems.length === 0)
    return { name: 'evidence files', ok: true, detail: `${count} stored ${count === 1 ? 'file' : 'files'} (${formatBytes(bytes)}) re-hashed: each matches its SHA-256` };
  const holders = db.prepare('SELECT evidence_id, rev, file_name FROM evidence_revision WHERE sha256 = ? ORDER BY evidence_id, rev');
  const named = problems.map((p) => {
    const held = (holders.all(p.sha256) as { evidence_id: string; rev: number; file_name: string }[]).map((r) => `${r.evidence_id} revision ${r.rev} (${r.file_name})`);
    return `${held.length ? held.join(', ') : 'a stored file held by no evidence item'}, SHA-256 ${p.sha256}: ${p.problem}`;
  });
  return { name: 'evidence files', ok: false, detail: `${problems.length} of ${count} stored files no longer match: ${named.join('; ')}` };
}
