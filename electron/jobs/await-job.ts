import { AssayError, type ErrorCode, errorCodes } from '../../shared/errors';
import type { JobResult } from '../../shared/events';
import type { JobKind } from '../../shared/jobs';
import { onEvent } from '../events/hub';
import type { ProgressStep } from './progress-line';
import { type JobOptions, startJob } from './runner';

/** How waitForJob ends for a job that was cancelled, told apart from one that failed. */
export class JobCancelled extends AssayError {
  constructor(what: string) {
    super('refused', `${what} was cancelled`);
  }
}

/**
 * Waits for a job of this process to end and hands back its result, for callers that wait (the
 * command line): progress goes to `onProgress`, failure and cancellation become errors. Call it in
 * the same tick as the job was started: its events come from the worker's messages, so none can
 * arrive before.
 */
export function waitForJob(jobId: string, what: string, onProgress?: (step: ProgressStep) => void): Promise<JobResult> {
  return new Promise((resolveJob, reject) => {
    const unsubscribe = onEvent((event) => {
      if (!('jobId' in event) || event.jobId !== jobId) return;
      if (event.type === 'job.progress') return onProgress?.({ phase: event.phase, done: event.done, total: event.total });
      unsubscribe();
      if (event.type === 'job.finished') resolveJob(event.result);
      else if (event.type === 'job.cancelled') reject(new JobCancelled(what));
      else {
        const code = (errorCodes as readonly string[]).includes(event.error.code) ? (event.error.code as ErrorCode) : 'internal';
        reject(new AssayError(code, event.error.message));
      }
    });
  });
}

/** Starts a job and waits for it to end. */
export function runJob(kind: JobKind, file: string, options: JobOptions & { onProgress?: (step: ProgressStep) => void } = {}): Promise<JobResult> {
  // A job that cannot start (no such file) rejects like one that fails: callers handle one way.
  let jobId: string;
  try {
    ({ jobId } = startJob(kind, file, { expectHead: options.expectHead, signatures: options.signatures, evidence: options.evidence, import: options.import, report: options.report, package: options.package, backup: options.backup, restore: options.restore }));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return waitForJob(jobId, `${kind} of ${file}`, options.onProgress);
}
