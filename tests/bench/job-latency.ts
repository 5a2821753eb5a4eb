import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatch } from '../../electron/dispatch';
import { defaultContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';
import { jobEnded, listJobs, startJob } from '../../electron/jobs/runner';
import { verifyFile } from '../../electron/store/verify';
import { buildLargeAssessment } from '../support/large-assessment';

export interface LatencyFigures {
  entries: number;
  /** Verifying the same file on the calling thread: how long commands would wait without the worker. */
  inlineVerifyMs: number;
  jobMs: number;
  commandsAnswered: number;
  worstCommandMs: number;
}

/**
 * Answers commands on this thread while a verify job checks a large file in its worker, and
 * reports the slowest answer. Without the worker, every command would wait the whole verify.
 */
export async function measureCommandLatencyDuringVerify(dir: string, entries: number): Promise<LatencyFigures> {
  const file = join(dir, 'large.assay');
  buildLargeAssessment(file, entries);
  const t0 = performance.now();
  verifyFile(file);
  const inlineVerifyMs = performance.now() - t0;

  const ctx = defaultContext({ home: join(dir, 'home'), recordRecent: false });
  dispatch('controls.list', { file }, ctx); // opened once, as the app has it open
  const start = performance.now();
  const { jobId } = startJob('verify', file);
  const ended = jobEnded(jobId);
  let worst = 0;
  let answered = 0;
  while (listJobs().find((j) => j.jobId === jobId)?.state === 'running') {
    const t = performance.now();
    const a = dispatch('controls.list', { file }, ctx);
    const b = dispatch('app.info', {}, ctx);
    if (!a.ok || !b.ok) throw new Error('a command failed while the job ran');
    worst = Math.max(worst, performance.now() - t);
    answered += 2;
    await sleep(5); // let the worker's messages in, as an idle app would
  }
  await ended;
  const jobMs = performance.now() - start;
  closeAll();
  return { entries, inlineVerifyMs, jobMs, commandsAnswered: answered, worstCommandMs: worst };
}
