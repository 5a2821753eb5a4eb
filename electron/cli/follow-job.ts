import { AssayError } from '../../shared/errors';
import type { JobResult } from '../../shared/events';
import { JobCancelled, waitForJob } from '../jobs/await-job';
import { progressLine } from '../jobs/progress-line';
import { EXIT_FAILED_CHECK, type CliKit } from './kit';

export interface FollowOptions {
  /** Names the command in the error line: `assay: import: …`. */
  command?: string;
  /** Said after "… was cancelled": what a cancel leaves (`nothing was imported`). */
  afterCancel?: string;
  /**
   * Ctrl-C asks the job to stop, so it rolls back and removes what it had begun; once it has,
   * the command says so and ends by the same signal, as the shell expects of an interrupted
   * program (a script's loop stops too). A second Ctrl-C ends the process at once. Off for jobs
   * that do not stop early (backups, restores): there Ctrl-C ends the process as always, which
   * leaves the file whole.
   */
  cancelOnInterrupt?: boolean;
}

/**
 * Waits for a job the command started: its progress on stderr meanwhile (a line redrawn on a
 * terminal, lines with ASSAY_PROGRESS=lines), then its result. A job that fails or is cancelled
 * is printed as `assay: [command: ]message` and the command exits 1. Call it in the same tick as
 * the job was started (see waitForJob).
 */
export async function followJob(kit: Pick<CliKit, 'io' | 'run' | 'exit'>, jobId: string, what: string, options: FollowOptions = {}): Promise<JobResult> {
  const line = progressLine();
  let interrupted = false;
  const cancel = () => {
    interrupted = true;
    kit.run('jobs.cancel', { jobId });
  };
  if (options.cancelOnInterrupt !== false) process.once('SIGINT', cancel);
  try {
    return await waitForJob(jobId, what, line.update);
  } catch (error) {
    line.finish();
    const message = error instanceof Error ? error.message : String(error);
    const after = error instanceof JobCancelled && options.afterCancel ? `; ${options.afterCancel}` : '';
    kit.io.err(`assay: ${options.command ? `${options.command}: ` : ''}${message}${after}`);
    if (interrupted) {
      process.off('SIGINT', cancel);
      process.kill(process.pid, 'SIGINT');
    }
    throw kit.exit(EXIT_FAILED_CHECK);
  } finally {
    process.off('SIGINT', cancel);
    line.finish();
  }
}

/** The result of the kind the command expects; another kind is a fault of the job table. */
export function resultOf<K extends JobResult['kind']>(result: JobResult, command: string, ...kinds: K[]): Extract<JobResult, { kind: K }> {
  if (!(kinds as string[]).includes(result.kind)) throw new AssayError('internal', `${command}: the job answered with a ${result.kind} result`);
  return result as Extract<JobResult, { kind: K }>;
}
