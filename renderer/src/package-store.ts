import { create } from 'zustand';
import type { PackResult, UnpackResult } from '../../shared/packages/results';
import { errorMessage } from './store-change';
import { api } from './api';
import { useApp } from './store';
import { followJob, progressOf } from './follow-job';

/** Encrypted packages in the app: pack the open assessment, or open a package into a new file; both are jobs. */
interface PackageState {
  jobId: string | null;
  running: 'pack' | 'unpack' | null;
  progress: { phase: string; done: number; total: number } | null;
  packed: PackResult | null;
  unpacked: UnpackResult | null;
  error: string | null;
  pack(file: string, out: string, passphrase: string, includeSecret: boolean): Promise<void>;
  unpack(pkg: string, out: string, passphrase: string): Promise<void>;
  cancel(): Promise<void>;
}

export const usePackages = create<PackageState>()((set, get) => {
  // The passphrase goes straight to the command and is not kept in the store.
  const start = async (kind: 'pack' | 'unpack', call: () => Promise<{ jobId: string }>) => {
    set({ error: null, packed: null, unpacked: null, running: kind, progress: { phase: 'starting', done: 0, total: 0 } });
    try {
      const { jobId } = await call();
      set({ jobId });
      followJob(useApp, jobId, (view) => {
        // A job this page no longer waits for (another was started since) changes nothing here.
        if (get().jobId !== jobId) return;
        if (view.state === 'running') return set({ progress: progressOf(view) });
        const done = { jobId: null, running: null, progress: null };
        if (view.result?.kind === 'pack') return set({ ...done, packed: view.result.value });
        if (view.result?.kind === 'unpack') return set({ ...done, unpacked: view.result.value });
        set({ ...done, error: view.state === 'failed' ? (view.error ?? 'failed') : 'Cancelled; nothing was written.' });
      });
    } catch (error) {
      set({ running: null, progress: null, error: errorMessage(error) });
    }
  };

  return {
    jobId: null,
    running: null,
    progress: null,
    packed: null,
    unpacked: null,
    error: null,
    pack: (file, out, passphrase, includeSecret) => start('pack', () => api.invoke('package.pack', { file, out, passphrase, includeSecret })),
    unpack: (pkg, out, passphrase) => start('unpack', () => api.invoke('package.unpack', { package: pkg, out, passphrase })),
    async cancel() {
      const { jobId } = get();
      if (jobId) await api.invoke('jobs.cancel', { jobId }).catch((error: unknown) => set({ error: errorMessage(error) }));
    },
  };
});
