import type { EvidenceLinkInput } from '../../shared/domain/evidence/model';
import { type BatchRecord, type ImportRef, refKey } from '../../shared/domain/imports/log';
import { AssayError } from '../../shared/errors';
import type { ImportResult } from '../../shared/imports/model';
import { openInputFile } from '../files/read-input';
import { releaseDescriptor } from '../files/descriptors';
import type { Assessment } from '../store/assessment';
import { storeBlob } from '../store/evidence-blobs';
import { keepAsEvidence } from '../store/evidence-intake';
import { linkEvidence } from '../store/evidence';
import { BatchPartWriter } from '../store/import-parts';
import { nextBatchId, writeBatch } from '../store/imports';
import { addSystem } from '../store/systems';
import { type EngineHooks, type Prepared, countsOf, prepareImport, prepareImportSync, previewOf, stopIfCancelled, storedRefs } from './engine';
import type { ApplyContext } from './importer';

/**
 * The import itself: the same reading and planning as the preview, then one write transaction
 * that creates the proposed systems, keeps the source as evidence, lets each sink write its
 * records, and appends ONE batch entry carrying every change. A problem of severity error, a
 * failure or a cancel anywhere rolls everything back: the file is exactly as it was.
 */

export async function runImport(a: Assessment, path: string, options: unknown, actor: string, hooks: EngineHooks = {}): Promise<ImportResult> {
  return write(a, await prepareImport(a, path, options, hooks), actor, hooks);
}

/** For callers that cannot wait (the sample); formats read asynchronously (workbooks) are refused. */
export function runImportSync(a: Assessment, path: string, options: unknown, actor: string, hooks: EngineHooks = {}): ImportResult {
  return write(a, prepareImportSync(a, path, options, hooks), actor, hooks);
}

function write(a: Assessment, prepared: Prepared, actor: string, hooks: EngineHooks): ImportResult {
  const preview = previewOf(prepared);
  // Errors in the file stop the import before anything is written; the preview says what they are.
  if (preview.blocked) return { ...preview, batchId: null, evidenceId: null };
  stopIfCancelled(hooks);
  let at = '';
  const written = a.write((now) => {
    at = now;
    return writeImport(a, prepared, actor, now, hooks);
  });
  a.forgetCached();
  // The mapping is saved once the import it served is committed; a bad name was refused before anything was written.
  if (prepared.options.saveMapping && prepared.read.mapping) hooks.saveMapping?.(prepared.options.saveMapping, prepared.read.mapping, at);
  return { ...preview, ...written };
}

function writeImport(a: Assessment, p: Prepared, actor: string, at: string, hooks: EngineHooks): { batchId: string; evidenceId: string | null } {
  const batchId = nextBatchId(a.db);
  const refs = new Map<string, ImportRef>();
  const stored = storedRefs(a);
  const links: EvidenceLinkInput[] = [];
  const total = [...p.planned.values()].reduce((n, list) => n + list.length, 0);
  let done = 0;
  const parts = new BatchPartWriter(a.db, batchId);
  const { value: evidenceId } = a.collectAudit(at, () => {
    // Systems the preview proposed to create, named as the source names them.
    const created = new Map<string, string>();
    for (const s of p.names.systems)
      if (s.decision === 'create') {
        const system = addSystem(
          a,
          { name: s.name, roles: ['deployer'], purpose: `Created by import ${batchId} from ${p.source.name}; review its EU AI Act roles and classify it.` },
          actor,
        );
        created.set(s.name.trim().toLowerCase(), system.id);
      }
    const evidenceId = keepSource(a, p, batchId, at, actor, hooks);
    const ctx: ApplyContext = {
      a,
      at,
      actor,
      today: p.today,
      batchId,
      options: p.options,
      systemOf: (r) => {
        const d = p.names.systemOf(r.system);
        if (d === 'new') return created.get(r.system!.trim().toLowerCase()) ?? null;
        return d === 'skip' ? null : d;
      },
      threatOf: (r) => p.names.threatOf(r.threat),
      ref: (kind, externalId) => refs.get(refKey(kind, externalId))?.entityId ?? stored(kind, externalId),
      setRef: (kind, externalId, entityId) => void refs.set(refKey(kind, externalId), { kind, externalId, entityId }),
      linkEvidence: (l) => void links.push(...l),
      isCancelled: () => hooks.isCancelled?.() ?? false,
      progress: (n) => {
        stopIfCancelled(hooks);
        hooks.onProgress?.({ phase: 'writing', done: Math.min(total, done + n), total });
      },
    };
    for (const [kind, planned] of p.planned) {
      p.sinks[kind]!.apply(planned, ctx);
      done += planned.length;
      stopIfCancelled(hooks);
      hooks.onProgress?.({ phase: 'writing', done, total });
    }
    if (evidenceId && links.length) linkEvidence(a, evidenceId, dedupeLinks(links), actor);
    return evidenceId;
  }, (entry) => parts.entry(entry));
  const batch: BatchRecord = {
    sourceName: p.source.name,
    sha256: p.source.sha256,
    size: p.source.size,
    format: p.reader.format,
    kinds: [...p.planned.keys()],
    counts: countsOf(p),
    problems: p.problems,
    evidenceId,
  };
  const refList = [...refs.values()];
  const carried = parts.finish(refList);
  const entry = a.audit({ at, actor, command: 'imports.batch', entity: 'import', entityId: batchId, payload: { batch, carried } });
  writeBatch(a.db, batchId, batch, refList, at, entry.actor);
  stopIfCancelled(hooks);
  return { batchId, evidenceId };
}

function dedupeLinks(links: EvidenceLinkInput[]): EvidenceLinkInput[] {
  const seen = new Map<string, EvidenceLinkInput>();
  for (const l of links) seen.set(`${l.kind}|${l.target}|${l.system ?? ''}`, l);
  return [...seen.values()];
}

/**
 * The source is kept as evidence of the import (the same file imported again reuses its item).
 * For people's data the reader hands a pseudonymised copy instead: the original with names is
 * never stored, only its SHA-256 in the batch.
 */
function keepSource(a: Assessment, p: Prepared, batchId: string, at: string, actor: string, hooks: EngineHooks): string | null {
  const replacement = p.read.evidence;
  const name = replacement?.name ?? p.source.name;
  const description = replacement
    ? `${replacement.description} Original file ${p.source.name}, SHA-256 ${p.source.sha256}.`
    : `Source of import ${batchId} (${p.reader.label}).`;
  let blob: { sha256: string; size: number };
  if (replacement) blob = storeBlob(a.db, replacement.bytes, name, { isCancelled: hooks.isCancelled });
  else {
    const { fd } = openInputFile(p.source.path);
    try {
      blob = storeBlob(a.db, fd, name, { isCancelled: hooks.isCancelled });
    } finally {
      releaseDescriptor(fd);
    }
    // The file changed between reading and keeping it: what was read is not what would be kept.
    if (blob.sha256 !== p.source.sha256) throw new AssayError('conflict', `${p.source.name}: changed while it was being imported; nothing was changed, import it again`);
  }
  return keepAsEvidence(a, blob, name, { title: `Import: ${name}`, description, source: p.reader.label }, [], at, actor).evidenceId;
}
