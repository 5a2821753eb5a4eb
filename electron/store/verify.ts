import { createHash } from 'node:crypto';
import type { VerifyCheck, VerifyResult } from '../../shared/commands';
import type { Catalog } from '../../shared/catalog/schema';
import { formatHead, parseHead } from '../../shared/domain/head';
import { type Row, type TableRows, describeDifference, replay } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { type StoredEntry, checkChain } from './audit';
import { evidenceCheck } from './evidence-verify';
import { fullIntegrityCheck } from './integrity';
import { openForReading } from './open';
import { readBatchParts } from './import-parts';
import { firstDifference, unknownTables } from './replay-check';
import { type SignatureOptions, signoffCheck } from './verify-signoffs';

export interface VerifyProgress {
  /** What is being checked now, in words a person reads ("audit chain", "replay"). */
  phase: string;
  done: number;
  total: number;
}

export interface VerifyOptions {
  /** The head the caller holds from outside the file ("count:hash"), e.g. from a report. */
  expectHead?: string | undefined;
  /** The keys the verifier trusts, pinned outside the file: every sign-off's signature is checked against them. */
  signatures?: SignatureOptions | undefined;
  onProgress?: (progress: VerifyProgress) => void;
  /** Polled between steps; when it answers true the check stops with a 'cancelled' error. */
  isCancelled?: () => boolean;
}

function snapshotControls(a: Assessment): () => TableRows {
  return () => {
    const row = a.db.prepare('SELECT content FROM catalog_snapshot').get() as { content: string };
    const catalog = JSON.parse(row.content) as Pick<Catalog, 'controls'>;
    return new Map(
      catalog.controls.map((c): [string, Row] => [c.id, { name: c.name, objective: c.objective, type: c.type, guidance: c.guidance, evidence: JSON.stringify(c.evidence) }]),
    );
  };
}

/**
 * Everything an auditor can check inside one file: every page, the hash chain, the anchor
 * when one is given, and that replaying the log rebuilds every state table as it stands.
 */
export function verifyAssessment(a: Assessment, options: VerifyOptions = {}): VerifyResult {
  const checks: VerifyCheck[] = [];
  const cancelled = () => {
    if (options.isCancelled?.()) throw new AssayError('conflict', `${a.file}: verify was cancelled`);
  };
  const total = a.head().count;
  const progress = (phase: string, done: number) => options.onProgress?.({ phase, done, total });

  progress('pages', 0);
  const damage = fullIntegrityCheck(a.db);
  checks.push({ name: 'file integrity', ok: !damage, detail: damage ? `the file is damaged: ${damage}` : 'every page is sound' });
  cancelled();

  const entries: StoredEntry[] = [];
  const chain = checkChain(a.db, (entry) => {
    entries.push(entry);
    if (entry.seq % 500 === 0) {
      progress('audit chain', entry.seq);
      cancelled();
    }
  });
  const head = formatHead(chain.head);
  checks.push({ name: 'audit chain', ok: chain.ok, detail: chain.ok ? `intact: ${chain.count} ${chain.count === 1 ? 'entry' : 'entries'}, head ${head}` : chain.problem! });

  if (options.expectHead !== undefined) {
    const expected = parseHead(options.expectHead);
    const same = expected.count === chain.head.count && expected.hash === chain.head.hash;
    checks.push({
      name: 'anchor',
      ok: same,
      detail: same
        ? `the head matches the expected ${options.expectHead}`
        : expected.count > chain.head.count
          ? `the file has ${chain.head.count} entries, the anchor ${expected.count}: entries were removed or the file is an older copy`
          : expected.count < chain.head.count
            ? `the file has ${chain.head.count} entries, the anchor ${expected.count}: it was changed after the anchor was taken (or rewritten)`
            : `same number of entries (${expected.count}) but a different head hash: the log was rewritten`,
    });
  }

  const strangers = unknownTables(a.db);
  if (strangers.length) checks.push({ name: 'tables', ok: false, detail: `the file has tables that Assay does not write: ${strangers.join(', ')}` });

  let replayFrom = 1;
  let adopted = false;
  let erasedEntries = 0;
  let difference: VerifyResult['difference'];
  progress('replay', 0);
  cancelled();
  const hasAdoption = entries.some((e) => e.command === 'assessment.adopt');
  if (a.info.formatOnDisk < 3 && !hasAdoption) {
    const snap = a.db.prepare('SELECT sha256, content FROM catalog_snapshot').get() as { sha256: string; content: string } | undefined;
    const snapOk = snap !== undefined && createHash('sha256').update(snap.content).digest('hex') === snap.sha256;
    checks.push({ name: 'catalog snapshot', ok: snapOk, detail: snapOk ? 'matches its recorded hash' : 'altered or missing: its content no longer matches its recorded hash' });
    checks.push({
      name: 'replay',
      ok: true,
      detail: `not possible: file format ${a.info.formatOnDisk} was written before the log recorded full state; upgrade the file (assay upgrade) to start a replayable log`,
    });
  } else if (chain.ok) {
    // What import batches carry is stored beside their entries; put it back before replaying.
    const parts = readBatchParts(a.db, entries);
    if (parts || entries.some((e) => e.command === 'imports.batch')) checks.push({ name: 'import batches', ok: !parts, detail: parts ?? 'what every batch carries matches the SHA-256 its entry records' });
    const outcome = replay(entries);
    replayFrom = outcome.startSeq;
    adopted = outcome.adopted;
    erasedEntries = entries.filter((e) => e.seq >= replayFrom && outcome.erased.has(e.actor)).length;
    if (outcome.problem) checks.push({ name: 'replay', ok: false, detail: outcome.problem });
    else {
      try {
        difference = firstDifference(a.db, outcome.state, snapshotControls(a));
      } catch (error) {
        difference = { table: '(file)', row: '-', field: '-', log: 'readable', file: `unreadable: ${(error as Error).message}` };
      }
      const from = adopted ? `from entry ${replayFrom}, the adoption entry of a file written before format 3` : 'from the first entry';
      checks.push({
        name: 'replay',
        ok: !difference,
        detail: difference ? `replaying the log ${from} does not give what the file holds: ${describeDifference(difference)}` : `replaying the log ${from} rebuilds every state table exactly`,
      });
    }
    if (outcome.erased.size)
      checks.push({
        name: 'erased people',
        ok: true,
        detail: `${outcome.erased.size} ${outcome.erased.size === 1 ? 'person was' : 'people were'} erased on request; ${erasedEntries} ${erasedEntries === 1 ? 'entry names' : 'entries name'} them by id only (erased, not tampered)`,
      });
  }
  const signed = signoffCheck(a.db, entries, options.signatures);
  if (signed.check) checks.push(signed.check);
  const stored = evidenceCheck(a.db, { onProgress: (done, all) => options.onProgress?.({ phase: 'evidence files (MiB)', done, total: all }), isCancelled: options.isCancelled });
  if (stored) checks.push(stored);
  progress('done', total);

  const ok = checks.every((c) => c.ok);
  const failed = checks.filter((c) => !c.ok);
  return {
    ok,
    file: a.file,
    entries: chain.count,
    headHash: chain.head.hash,
    head,
    ...(chain.brokenAt !== undefined ? { brokenAt: chain.brokenAt } : {}),
    ...(difference ? { difference } : {}),
    replayFrom,
    adopted,
    erasedEntries,
    ...(signed.signoffs.length ? { signoffs: signed.signoffs } : {}),
    checks,
    message: ok ? `intact: ${checks.map((c) => `${c.name}: ${c.detail}`).join('; ')}` : failed.map((c) => `${c.name}: ${c.detail}`).join('; '),
  };
}

/**
 * Verifies one assessment file on its own read-only connection. This is the entry point that
 * the verify job's worker thread calls, so it must not depend on the open-files registry.
 */
export function verifyFile(file: string, options: VerifyOptions = {}): VerifyResult {
  const assessment = openForReading(file);
  try {
    return verifyAssessment(assessment, options);
  } finally {
    assessment.close();
  }
}
