import { AssayError } from '../../shared/errors';
import { cancelJob, listJobs, startJob } from '../jobs/runner';
import { signatureOptions } from './audit';
import { normalisePath } from './open-files';
import type { Handlers } from './types';

/** Long work (verify now; imports, reports and packages later) runs off the thread that answers commands. */
export const jobHandlers: Pick<Handlers, 'jobs.start' | 'jobs.cancel' | 'jobs.list'> = {
  'jobs.start': (input, ctx) => {
    if (input.kind !== 'verify') throw new AssayError('usage', `jobs.start: ${input.kind} jobs are started with the ${input.kind} command, which names what to do`);
    return startJob(input.kind, normalisePath(input.file), { expectHead: input.expectHead, signatures: signatureOptions(ctx, {}) });
  },
  'jobs.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'jobs.list': () => ({ jobs: listJobs() }),
};
