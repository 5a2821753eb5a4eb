import { z } from 'zod';

/** Long work (verify now; evidence intake, imports, reports later) runs as jobs off the thread that answers commands. */
export const JobId = z.string().regex(/^job-[0-9a-z-]{1,64}$/, 'a job id looks like job-…');
export const JobKind = z.enum(['verify', 'evidence.add', 'import.preview', 'import', 'report', 'pack', 'unpack', 'backup', 'restore']);
export type JobKind = z.infer<typeof JobKind>;

export const JobState = z.enum(['running', 'finished', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobInfo = z.object({
  jobId: JobId,
  kind: JobKind,
  file: z.string(),
  state: JobState,
  startedAt: z.string(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type JobInfo = z.infer<typeof JobInfo>;
