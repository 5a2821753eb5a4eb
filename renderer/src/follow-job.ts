import type { JobView } from './store';

/** Where the app keeps every job's latest state from the events (the app store, useApp). */
export interface JobSource {
  getState(): { jobs: Record<string, JobView> };
  subscribe(listener: (state: { jobs: Record<string, JobView> }) => void): () => void;
}

/**
 * Follows one job through the app store: `update` is called each time the job's state changes,
 * the last time when it ends. The record is read at once as well, so a job that ended before its
 * id came back to the caller (a small package, a quick report: the reply and the events travel
 * separately) is not missed. Returns a function that stops following.
 */
export function followJob(source: JobSource, jobId: string, update: (view: JobView) => void): () => void {
  let last: JobView | undefined;
  const look = (jobs: Record<string, JobView>) => {
    const view = jobs[jobId];
    if (!view || view === last) return;
    last = view;
    if (view.state !== 'running') stop();
    update(view);
  };
  const stop = source.subscribe((state) => look(state.jobs));
  look(source.getState().jobs);
  return stop;
}

/** A running job's progress as the stores show it. */
export const progressOf = (view: JobView) => ({ phase: view.phase, done: view.done, total: view.total });
