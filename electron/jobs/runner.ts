import { noteSideEffect } from '../side-effects';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobInfo, JobKind } from '../../shared/jobs';
import { AssayError } from '../../shared/errors';
import { emitEvent } from '../events/hub';
import { openAssessments } from '../handlers/open-files';
import { markRestoring } from './restoring';
import { fileExists, restInRollbackMode } from '../store/sqlite';
import type { WorkerInput, WorkerMessage } from './protocol';
import { exposeGcToWorkers } from './collect-garbage';
import { WORKERS_KEEP_DESCRIPTORS, closeReleasedSoon, descriptorToLend, lockHolder, releaseDescriptor } from '../files/descriptors';

export interface JobOptions {
  expectHead?: string | undefined;
  signatures?: WorkerInput['signatures'];
  evidence?: WorkerInput['evidence'];
  import?: WorkerInput['import'];
  report?: WorkerInput['report'];
  package?: WorkerInput['package'];
  backup?: WorkerInput['backup'];
  restore?: WorkerInput['restore'];
}

/** A cancelled job's worker gets this long to notice the flag before it is terminated. */
const CANCEL_GRACE_MS = 2000;
/** Ended jobs stay listed for `jobs.list`, the newest this many. */
const KEEP_ENDED = 50;
/** Each job is a thread with its own SQLite connection; more at once than this only competes for the cores. */
export const MAX_RUNNING_JOBS = 4;

interface Job {
  info: JobInfo;
  worker: Worker;
  cancel: Int32Array;
  ended: Promise<void>;
  expectHead: string | undefined;
  signatures: WorkerInput['signatures'];
  /** When the job's worker exited (ms since the epoch), for the change watcher. */
  endedAt?: number;
}

const jobs = new Map<string, Job>();
/** Workers not yet exited: a job's connections may hold locks until then (an answered job's worker has not always exited). */
let liveWorkers = 0;
lockHolder(() => liveWorkers > 0);
let nativeBinding: string | undefined;
let counter = 0;

/** Electron's main process names its better-sqlite3 build here; workers load the same one. */
export function configureJobs(options: { nativeBinding?: string }): void {
  nativeBinding = options.nativeBinding;
}

/**
 * From the sources this module is TypeScript and the worker needs tsx registered inside it;
 * in the electron-vite build this code sits in out/main/main.js beside the bundled worker.
 */
export function workerEntry(moduleUrl: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  return moduleUrl.endsWith('.ts') ? join(dir, 'worker-boot.mjs') : join(dir, 'jobs-worker.js');
}

function pruneEnded(): void {
  const ended = [...jobs.values()].filter((j) => j.info.state !== 'running');
  for (const job of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) jobs.delete(job.info.jobId);
}

function settle(job: Job, message: WorkerMessage): void {
  const { jobId, kind, file } = job.info;
  if (job.info.state !== 'running') return;
  // A restore's worker has let go of the file before it answers: commands may use it again from the
  // moment the answer is announced (the exit, which also clears this, comes a little later).
  if (kind === 'restore' && message.type !== 'progress') markRestoring(file, false);
  switch (message.type) {
    case 'progress':
      Object.assign(job.info, { phase: message.phase, done: message.done, total: message.total });
      emitEvent({ type: 'job.progress', jobId, kind, file, phase: message.phase, done: message.done, total: message.total });
      return;
    case 'finished':
      job.info.state = 'finished';
      emitEvent({ type: 'job.finished', jobId, kind, file, result: message.result });
      return;
    case 'cancelled':
      job.info.state = 'cancelled';
      emitEvent({ type: 'job.cancelled', jobId, kind, file });
      return;
    case 'failed':
      job.info.state = 'failed';
      emitEvent({ type: 'job.failed', jobId, kind, file, error: message.error });
  }
}

/** Starts a job and answers at once with its id; everything after arrives as events. */
export function startJob(kind: JobKind, file: string, options: JobOptions = {}): { jobId: string } {
  const path = resolve(file);
  if (!fileExists(path)) throw new AssayError('not_found', `${path}: no such assessment file (or it is not a regular file)`);
  const running = [...jobs.values()].filter((j) => j.info.state === 'running');
  // The same work on the same file already under way: hand back that job rather than doing it twice.
  // (Adding evidence is never "the same work": each request names its own files.)
  const plain = (o: { expectHead?: string | undefined; signatures?: WorkerInput['signatures'] }) => o.expectHead === undefined && o.signatures === undefined;
  const same = kind === 'verify' && plain(options) ? running.find((j) => j.info.kind === kind && j.info.file === path && plain(j)) : undefined;
  if (same) return { jobId: same.info.jobId };
  if (running.length >= MAX_RUNNING_JOBS)
    throw new AssayError('conflict', `jobs.start: ${running.length} jobs are already running; wait for one to finish or cancel one (jobs.list)`);
  const jobId = `job-${++counter}-${randomBytes(4).toString('hex')}`;
  const cancelBuffer = new SharedArrayBuffer(4);
  // The worker reads its assessment through a descriptor of this thread, which closes it when no lock
  // can be lost by that, even after a worker terminated on cancel (files/descriptors.ts). An unpack's file is a package.
  const descriptor = kind === 'unpack' ? undefined : descriptorToLend(path);
  const workerData: WorkerInput = { kind, file: path, cancel: cancelBuffer, ...(descriptor !== undefined ? { descriptor } : {}), ...(options.expectHead ? { expectHead: options.expectHead } : {}), ...(options.signatures ? { signatures: options.signatures } : {}), ...(options.evidence ? { evidence: options.evidence } : {}), ...(options.import ? { import: options.import } : {}), ...(options.report ? { report: options.report } : {}), ...(options.package ? { package: options.package } : {}), ...(options.backup ? { backup: options.backup } : {}), ...(options.restore ? { restore: options.restore } : {}), ...(nativeBinding ? { nativeBinding } : {}) };
  exposeGcToWorkers();
  let worker: Worker;
  try {
    // Descriptors the worker opens stay open past its exit; it hands them over instead (files/descriptors.ts).
    worker = new Worker(workerEntry(), { workerData, trackUnmanagedFds: !WORKERS_KEEP_DESCRIPTORS });
  } catch (error) {
    if (descriptor !== undefined) releaseDescriptor(descriptor);
    throw error;
  }
  liveWorkers++;
  noteSideEffect();
  const info: JobInfo = { jobId, kind, file: path, state: 'running', startedAt: new Date().toISOString(), phase: 'starting', done: 0, total: 0 };
  const job: Job = { info, worker, cancel: new Int32Array(cancelBuffer), ended: Promise.resolve(), expectHead: options.expectHead, signatures: options.signatures };
  job.ended = new Promise<void>((done) => {
    worker.on('message', (message: WorkerMessage) => (message.type === 'descriptor' ? releaseDescriptor(message.fd) : settle(job, message)));
    worker.on('error', (error) => settle(job, { type: 'failed', error: { code: 'internal', message: `${kind} of ${path}: ${error.message}` } }));
    worker.on('exit', (code) => {
      const cancelled = Atomics.load(job.cancel, 0) === 1;
      settle(
        job,
        cancelled
          ? { type: 'cancelled' }
          : { type: 'failed', error: { code: 'internal', message: `${kind} of ${path}: the worker stopped without an answer (exit code ${code})` } },
      );
      job.endedAt = Date.now();
      try {
        if (kind === 'restore') markRestoring(path, false);
        // The job's connection is gone: if it switched the file to WAL, this thread's connection is now
        // the last one using the log and puts the file back at rest (a no-op for jobs that only read).
        for (const a of openAssessments()) if (a.file === path && a.db.open && a.info.mode === 'write') restInRollbackMode(a.db);
      } finally {
        // Whatever that met, the worker is gone: a count left above zero would keep every released descriptor open.
        liveWorkers--;
        if (descriptor !== undefined) releaseDescriptor(descriptor);
        closeReleasedSoon();
        pruneEnded();
        done();
      }
    });
  });
  jobs.set(jobId, job);
  if (kind === 'restore') markRestoring(path, true);
  return { jobId };
}

/**
 * Asks a running job to stop; a worker that does not notice in time is terminated: one that reads
 * loses nothing, one that writes (an import, evidence) is inside a transaction, which rolls back.
 * Packing and unpacking write files and remove their temporary ones when they stop, so they are
 * left to notice (between chunks, or once the snapshot is taken) rather than terminated.
 */
export function cancelJob(jobId: string): boolean {
  const job = jobs.get(jobId);
  if (!job) throw new AssayError('not_found', `jobs.cancel: no job ${jobId}`);
  if (job.info.state !== 'running') return false;
  Atomics.store(job.cancel, 0, 1);
  if (job.info.kind === 'pack' || job.info.kind === 'unpack') return true;
  const timer = setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS);
  timer.unref();
  void job.ended.then(() => clearTimeout(timer));
  return true;
}

/** True when a job that writes (adding evidence) ran on `file` at some point since `since` (ms): its commits are this process's own. */
export function writingJobSince(file: string, since: number): boolean {
  // A job that reported its end but whose worker has not exited yet still counts as running.
  return [...jobs.values()].some((j) => (j.info.kind === 'evidence.add' || j.info.kind === 'import') && j.info.file === file && (j.endedAt === undefined || j.endedAt >= since));
}

export function listJobs(): JobInfo[] {
  return [...jobs.values()].map((j) => ({ ...j.info }));
}

/** Resolves when the job's worker has exited (its end event has been emitted by then). */
export function jobEnded(jobId: string): Promise<void> {
  return jobs.get(jobId)?.ended ?? Promise.resolve();
}

/** Stops every running job: the app and the bridge call this on quit, tests after each case. */
export async function stopAllJobs(): Promise<void> {
  const running = [...jobs.values()].filter((j) => j.info.state === 'running');
  for (const job of running) Atomics.store(job.cancel, 0, 1);
  await Promise.all(running.map((j) => j.worker.terminate()));
  await Promise.all(running.map((j) => j.ended));
}
