/**
 * A job's worker thread: its own SQLite connection, its own event loop, so the thread that
 * answers commands never waits for it. Loaded through worker-boot.mjs from the sources and as
 * out/main/jobs-worker.js in the built app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AssayError } from '../../shared/errors';
import { addEvidenceFiles } from '../store/evidence-intake';
import { openForReading, openForWriting } from '../store/open';
import { previewImport } from '../imports/engine';
import { engineHooks } from '../imports/hooks';
import { runImport } from '../imports/run';
import { setBusyTimeout, useNativeBinding, writeAheadForJob } from '../store/sqlite';
import { verifyFile } from '../store/verify';
import { keepBackup } from '../store/backup';
import { pruneBackups } from '../store/backups';
import { restoreBackup } from '../store/restore';
import { reportJob } from '../reports/job';
import { packageJob } from '../package/job';
import { collectGarbage } from './collect-garbage';
import { workForRunner } from '../files/descriptors';
import { progressThrottle } from './progress-throttle';
import type { WorkerInput, WorkerMessage } from './protocol';

/** Progress is posted about this often, and besides at each phase's start and end and each tenth of the way through it. */
const PROGRESS_INTERVAL_MS = 100;

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('electron/jobs/worker.ts runs only as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

useNativeBinding(input.nativeBinding);
// It reads its file through the runner's descriptor and hands over what it releases (files/descriptors.ts).
workForRunner((fd) => post({ type: 'descriptor', fd }), input.descriptor);
const cancelFlag = new Int32Array(input.cancel);
const isCancelled = () => Atomics.load(cancelFlag, 0) === 1;

const worthPosting = progressThrottle(PROGRESS_INTERVAL_MS);
function onProgress(progress: { phase: string; done: number; total: number }): void {
  if (!worthPosting(progress)) return;
  post({ type: 'progress', phase: progress.phase, done: progress.done, total: progress.total });
}

/** Adds evidence on this thread's own write connection; it may wait for a lock, the UI thread never does. */
function addEvidence(): void {
  const request = input.evidence;
  if (!request) throw new AssayError('usage', 'evidence.add: the job was started without files');
  setBusyTimeout(10_000);
  const { assessment } = openForWriting(input.file, { actor: request.actor });
  try {
    writeAheadForJob(assessment.db);
    // Every file was stored by then (each in its own transaction): a cancel that came after the last is too late.
    const value = addEvidenceFiles(assessment, request, request.actor, { onProgress, isCancelled });
    post({ type: 'finished', result: { kind: 'evidence.add', value } });
  } finally {
    assessment.close();
  }
}

/** Reads and plans an import (preview), or runs it in one write transaction on this thread's connection. */
async function importJob(): Promise<void> {
  const request = input.import;
  if (!request) throw new AssayError('usage', `${input.kind}: the job was started without a source file`);
  setBusyTimeout(10_000);
  if (input.kind === 'import.preview') {
    const assessment = openForReading(input.file);
    try {
      const value = await previewImport(assessment, request.path, request.options, { ...engineHooks(assessment, false), onProgress, isCancelled, betweenPhases: collectGarbage });
      post(isCancelled() ? { type: 'cancelled' } : { type: 'finished', result: { kind: 'import.preview', value } });
    } finally {
      assessment.close();
    }
    return;
  }
  const { assessment } = openForWriting(input.file, { actor: request.actor });
  try {
    writeAheadForJob(assessment.db);
    const value = await runImport(assessment, request.path, request.options, request.actor, { ...engineHooks(assessment, true), onProgress, isCancelled, betweenPhases: collectGarbage });
    post({ type: 'finished', result: { kind: 'import', value } });
  } finally {
    assessment.close();
  }
}

/** A backup copy (VACUUM INTO, seconds for a large file) on this thread's own connection, then the older copies pruned. */
function backupJob(): void {
  const request = input.backup;
  if (!request) throw new AssayError('usage', 'backup: the job was started without a label');
  const assessment = openForReading(input.file);
  try {
    const path = keepBackup(assessment.db, input.file, request.label);
    const pruned = request.keep !== undefined ? pruneBackups(input.file, request.label, request.keep) : [];
    post({ type: 'finished', result: { kind: 'backup', value: { path, pruned } } });
  } finally {
    assessment.close();
  }
}

/** Replaces the file with a backup (verified, copied, logged) on this thread's own connection; the runner let go of it first. */
function restoreJob(): void {
  const request = input.restore;
  if (!request) throw new AssayError('usage', 'restore: the job was started without a backup');
  const { assessment } = openForWriting(input.file, { actor: request.actor });
  try {
    post({ type: 'finished', result: { kind: 'restore', value: restoreBackup(assessment, request.backup, request.actor, { onProgress }) } });
  } finally {
    assessment.close();
  }
}

function fail(error: unknown): void {
  if (isCancelled()) post({ type: 'cancelled' });
  else {
    const code = error instanceof AssayError ? error.code : 'internal';
    post({ type: 'failed', error: { code, message: error instanceof Error ? error.message : String(error) } });
  }
}

try {
  if (input.kind === 'import' || input.kind === 'import.preview') importJob().catch(fail);
  // Once the report is written (and issued when asked) a cancel is too late: the result says what was done.
  else if (input.kind === 'report') reportJob(input, { onProgress, isCancelled }).then((value) => post({ type: 'finished', result: { kind: 'report', value } }), fail);
  else if (input.kind === 'pack' || input.kind === 'unpack') {
    // Once the file is published the work is done: a cancel that arrives after that is too late, and says so by the result.
    post({ type: 'finished', result: packageJob(input, { onProgress, isCancelled }) });
  } else if (input.kind === 'evidence.add') addEvidence();
  else if (input.kind === 'backup') backupJob();
  else if (input.kind === 'restore') restoreJob();
  else if (input.kind === 'verify') {
    const value = verifyFile(input.file, { onProgress, isCancelled, expectHead: input.expectHead, signatures: input.signatures });
    post(isCancelled() ? { type: 'cancelled' } : { type: 'finished', result: { kind: 'verify', value } });
  } else throw new AssayError('usage', `unknown job kind ${JSON.stringify(input.kind)}`);
} catch (error) {
  fail(error);
}
