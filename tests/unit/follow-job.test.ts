import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { followJob } from '../../renderer/src/follow-job';
import type { JobView } from '../../renderer/src/store';

/** How the app's stores follow a job through the app store's record of every job's state. */
describe('following a job', () => {
  const view = (state: JobView['state'], done = 0): JobView => ({ kind: 'pack', file: '/a.assay', state, phase: 'packing', done, total: 10 });
  const appStore = () => createStore<{ jobs: Record<string, JobView> }>()(() => ({ jobs: {} }));
  const record = (store: ReturnType<typeof appStore>, jobId: string, v: JobView) => store.setState({ jobs: { ...store.getState().jobs, [jobId]: v } });

  it('sees progress and the end as they come, then stops listening', () => {
    const store = appStore();
    const seen: string[] = [];
    followJob(store, 'job-1', (v) => seen.push(`${v.state} ${v.done}`));
    record(store, 'job-1', view('running', 3));
    record(store, 'job-2', view('finished'));
    record(store, 'job-1', view('finished', 10));
    record(store, 'job-1', view('failed'));
    expect(seen).toEqual(['running 3', 'finished 10']);
  });

  it('sees a job that ended before its id came back to the caller', () => {
    const store = appStore();
    record(store, 'job-1', view('finished', 10));
    const seen: string[] = [];
    followJob(store, 'job-1', (v) => seen.push(v.state));
    record(store, 'job-1', view('failed'));
    expect(seen).toEqual(['finished']);
  });

  it('stops when asked, before the job ends', () => {
    const store = appStore();
    const seen: string[] = [];
    const stop = followJob(store, 'job-1', (v) => seen.push(v.state));
    record(store, 'job-1', view('running', 1));
    stop();
    record(store, 'job-1', view('finished'));
    expect(seen).toEqual(['running']);
  });
});
