import { basename } from 'node:path';
import { type EvidenceAddResult, type EvidenceLinkInput, EvidenceMeta, type EvidenceMetaChanges } from '../../shared/domain/evidence/model';
import { AssayError } from '../../shared/errors';
import { openInputFile } from '../files/read-input';
import { releaseDescriptor } from '../files/descriptors';
import type { Assessment } from './assessment';
import { storeBlob } from './evidence-blobs';
import { getEvidence, insertItem, insertLinks, insertRevision, newLinks, nextEvidenceId, resolveLinks } from './evidence';

/** What adding evidence asks for: the files, the details they share, the links, or the item they revise. */
export interface EvidenceRequest {
  paths: string[];
  details?: EvidenceMetaChanges | undefined;
  links?: EvidenceLinkInput[] | undefined;
  /** Store the one file as a new revision of this item (earlier revisions and their hashes are kept). */
  revise?: string | undefined;
}

export interface IntakeHooks {
  onProgress?: (step: { phase: string; done: number; total: number }) => void;
  isCancelled?: () => boolean;
}

const MIB = 1024 * 1024;

/**
 * Adds a batch of files. Each file is one write transaction (its chunks, its blob row, its item or
 * revision, its links and its audit entry), so a file that fails half-way leaves nothing, and the
 * files before it stay added. In rollback-journal mode the chunks of a new file land on pages
 * beyond the old end of the file, which SQLite does not copy into the journal: a 1 GB file costs
 * about 1 GB of writes, not 2. Unreadable files are reported by name and the others are added.
 */
export function addEvidenceFiles(a: Assessment, request: EvidenceRequest, actor: string, hooks: IntakeHooks = {}): EvidenceAddResult {
  if (request.revise !== undefined && request.paths.length !== 1)
    throw new AssayError('invalid_input', `revising ${request.revise} takes exactly one file (${request.paths.length} were given)`);
  // Everything that can be checked before any byte is written: a bad link or item changes nothing.
  const revised = request.revise !== undefined ? getEvidence(a, request.revise) : undefined;
  if (revised && (request.details !== undefined || request.links?.length))
    throw new AssayError('invalid_input', `a revision takes only the new file; change ${revised.id}'s details with evidence update and its links with evidence link`);
  const details = Object.fromEntries(Object.entries(request.details ?? {}).filter(([, v]) => v !== undefined));
  const checked = EvidenceMeta.safeParse({ title: 'file name', ...details });
  if (!checked.success) throw new AssayError('invalid_input', `evidence details: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const links = resolveLinks(a, request.links ?? []);
  const opened = request.paths.map((path) => {
    const name = basename(path);
    try {
      return { path, name, ...openInputFile(path) };
    } catch (error) {
      return { path, name, problem: (error as Error).message };
    }
  });
  const total = Math.ceil(opened.reduce((sum, f) => sum + ('size' in f ? f.size : 0), 0) / MIB);
  let bytes = 0;
  const result: EvidenceAddResult = { added: [], failed: [] };
  try {
    opened.forEach((file, i) => {
      const phase = `adding ${file.name} (${i + 1} of ${opened.length}), MiB`;
      if (!('fd' in file)) return void result.failed.push({ file: file.name, message: file.problem });
      hooks.onProgress?.({ phase, done: Math.floor(bytes / MIB), total });
      const onBytes = (n: number) => {
        bytes += n;
        hooks.onProgress?.({ phase, done: Math.min(total, Math.floor(bytes / MIB)), total });
      };
      try {
        result.added.push(addOne(a, file, details, revised?.id, links, actor, { onBytes, isCancelled: hooks.isCancelled }));
      } catch (error) {
        if (hooks.isCancelled?.()) throw error;
        result.failed.push({ file: file.name, message: (error as Error).message });
      }
    });
  } finally {
    for (const file of opened) if ('fd' in file) releaseDescriptor(file.fd);
  }
  hooks.onProgress?.({ phase: 'done', done: total, total });
  return result;
}

type Opened = { path: string; name: string; fd: number; size: number };

function addOne(
  a: Assessment,
  file: Opened,
  details: Partial<EvidenceMetaChanges>,
  reviseId: string | undefined,
  links: ReturnType<typeof resolveLinks>,
  actor: string,
  hooks: { onBytes: (n: number) => void; isCancelled?: (() => boolean) | undefined },
): EvidenceAddResult['added'][number] {
  return a.write((at) => {
    const blob = storeBlob(a.db, file.fd, file.name, hooks);
    const line = { file: file.name, sha256: blob.sha256, size: blob.size };
    if (reviseId !== undefined) {
      const current = a.db.prepare('SELECT max(rev) AS rev, (SELECT sha256 FROM evidence_revision WHERE evidence_id = ? ORDER BY rev DESC LIMIT 1) AS sha FROM evidence_revision WHERE evidence_id = ?').get(reviseId, reviseId) as { rev: number; sha: string };
      if (current.sha === blob.sha256) return { ...line, evidenceId: reviseId, outcome: 'existing' as const };
      const rev = current.rev + 1;
      const entry = a.audit({ at, actor, command: 'evidence.revise', entity: 'evidence', entityId: reviseId, payload: { revision: { rev, sha256: blob.sha256, size: blob.size, fileName: file.name } } });
      insertRevision(a.db, reviseId, rev, blob.sha256, file.name, at, entry.actor);
      a.db.prepare('UPDATE evidence SET updated_at = ?, updated_by = ? WHERE id = ?').run(at, entry.actor, reviseId);
      return { ...line, evidenceId: reviseId, outcome: 'revised' as const };
    }
    return { ...line, ...keepAsEvidence(a, blob, file.name, details, links, at, actor) };
  });
}

/**
 * Makes stored content an evidence item, inside the caller's transaction: content that already is
 * an item's current file reuses that item (with any new links), so the same file never becomes
 * two items; otherwise a new item with its first revision.
 */
export function keepAsEvidence(
  a: Assessment,
  blob: { sha256: string; size: number },
  fileName: string,
  details: Partial<EvidenceMetaChanges>,
  links: ReturnType<typeof resolveLinks>,
  at: string,
  actor: string,
): { evidenceId: string; outcome: 'added' | 'existing' } {
  const same = a.db
    .prepare('SELECT r.evidence_id AS id FROM evidence_revision r WHERE r.sha256 = ? AND r.rev = (SELECT max(rev) FROM evidence_revision WHERE evidence_id = r.evidence_id) ORDER BY r.evidence_id LIMIT 1')
    .get(blob.sha256) as { id: string } | undefined;
  if (same) {
    const fresh = newLinks(a.db, same.id, links);
    if (fresh.length) {
      const entry = a.audit({ at, actor, command: 'evidence.link', entity: 'evidence', entityId: same.id, payload: { links: fresh } });
      insertLinks(a.db, same.id, fresh, at, entry.actor);
    }
    return { evidenceId: same.id, outcome: 'existing' };
  }
  const id = nextEvidenceId(a.db);
  const meta = EvidenceMeta.parse({ title: fileName, ...details });
  const own = newLinks(a.db, null, links);
  const entry = a.audit({ at, actor, command: 'evidence.add', entity: 'evidence', entityId: id, payload: { meta, revision: { rev: 1, sha256: blob.sha256, size: blob.size, fileName }, links: own } });
  insertItem(a.db, id, meta, at, entry.actor);
  insertRevision(a.db, id, 1, blob.sha256, fileName, at, entry.actor);
  insertLinks(a.db, id, own, at, entry.actor);
  return { evidenceId: id, outcome: 'added' };
}
