import { AssayError, type ErrorCode, errorCodes } from '../../shared/errors';
import type { JobResult } from '../../shared/events';
import type { JobKind } from '../../shared/jobs';
import { onEvent } from '../events/hub';
import type { ProgressStep } from './progress-line';
import { type JobOptions, startJob } from './runner';

/**
 * Runs a job to its end in this process and hands back its result, for callers that wait
 * (the command line): progress goes to `onProgress`, failure and cancellation become errors.
 */
export function runJob(
  kind: JobKind,
  file: string,
  options: JobOptions & { onProgress?: (step: ProgressStep) => void } = {},
): Promise<JobResult> {
  return new Promise((resolveJob, reject) => {
    // Events come from the worker's messages, so none can arrive before startJob returns.
    const { jobId } = startJob(kind, file, { expectHead: options.expectHead, evidence: options.evidence });
    const unsubscribe = onEvent((event) => {
      if (!('jobId' in event) || event.jobId !== jobId) return;
      if (event.type === 'job.progress') return options.onProgress?.({ phase: event.phase, done: event.done, total: event.total });
      unsubscribe();
      if (event.type === 'job.finished') resolveJob(event.result);
      else if (event.type === 'job.cancelled') reject(new AssayError('refused', `${kind} of ${file} was cancelled`));
      else {
        const code = (errorCodes as readonly string[]).includes(event.error.code) ? (event.error.code as ErrorCode) : 'internal';
        reject(new AssayError(code, event.error.message));
      }
    });
  });
}
