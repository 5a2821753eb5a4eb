import { create } from 'zustand';
import type { BackupInfo, BackupSchedule } from '../../shared/backups';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import { busyAttempt } from './store-change';
import { api } from './api';
import { type JobView, useApp } from './store';

/** Copies of the open assessment: comparing it with another copy, and its backups (list, take, restore, schedule). */
interface CopiesState {
  other: string;
  diff: AssessmentDiff | null;
  comparing: boolean;
  backups: BackupInfo[];
  schedule: BackupSchedule | null;
  /** The backup the user asked to restore, awaiting confirmation. */
  confirming: string | null;
  /** The backup job under way (taking a copy of a large file takes seconds), and its file. */
  backupJob: { jobId: string; file: string } | null;
  busy: boolean;
  notice: string | null;
  error: string | null;
  setOther(path: string): void;
  compare(file: string): Promise<void>;
  loadBackups(file: string): Promise<void>;
  backupNow(file: string): Promise<void>;
  askRestore(path: string | null): void;
  restore(file: string): Promise<void>;
  saveSchedule(schedule: BackupSchedule): Promise<void>;
}

export const useCopies = create<CopiesState>()((set, get) => {
  const attempt = busyAttempt(set);

  /** The backup job ended: list the new copy, or say why there is none. */
  function ended(view: JobView): void {
    const job = get().backupJob;
    if (!job) return;
    set({ backupJob: null, busy: false });
    if (view.state === 'finished' && view.result?.kind === 'backup') {
      const path = view.result.value.path;
      void attempt(async () => set({ backups: (await api.invoke('backups.list', { file: job.file })).backups, notice: `Backup taken: ${path}` }));
    } else set({ notice: null, error: view.state === 'failed' ? `The backup failed: ${view.error ?? 'unknown error'}` : 'The backup was cancelled.' });
  }

  // The app's store keeps every job's latest state; follow ours there.
  useApp.subscribe((app) => {
    const job = get().backupJob;
    const view = job ? app.jobs[job.jobId] : undefined;
    if (view && view.state !== 'running') ended(view);
  });


  return {
    other: '',
    diff: null,
    comparing: false,
    backups: [],
    schedule: null,
    confirming: null,
    backupJob: null,
    busy: false,
    notice: null,
    error: null,

    setOther: (other) => set({ other }),

    async compare(file) {
      const other = get().other.trim();
      if (!other) return set({ error: 'Name the other copy to compare with (its path).' });
      set({ comparing: true, diff: null });
      await attempt(async () => set({ diff: await api.invoke('assessment.diff', { file, other }) }));
      set({ comparing: false });
    },

    async loadBackups(file) {
      await attempt(async () => {
        const [{ backups }, schedule] = await Promise.all([api.invoke('backups.list', { file }), api.invoke('backups.schedule', {})]);
        set({ backups, schedule });
      });
    },

    async backupNow(file) {
      await attempt(async () => {
        const { jobId } = await api.invoke('backups.create', { file });
        set({ backupJob: { jobId, file }, notice: 'Taking a backup…' });
      });
      const job = get().backupJob;
      if (!job) return;
      // Buttons stay disabled until the job ends; it may have ended before its id came back.
      set({ busy: true });
      const view = useApp.getState().jobs[job.jobId];
      if (view && view.state !== 'running') ended(view);
    },

    askRestore: (confirming) => set({ confirming, error: null, notice: null }),

    async restore(file) {
      const backup = get().confirming;
      if (!backup) return;
      await attempt(async () => {
        const r = await api.invoke('backups.restore', { file, backup });
        set({
          confirming: null,
          notice: `Restored from ${r.backup}. The log ending at entry ${r.discarded.count} was replaced; the state before the restore was kept as ${r.keptAs}.`,
          backups: (await api.invoke('backups.list', { file })).backups,
        });
        await useApp.getState().refresh({ quiet: true });
      });
    },

    async saveSchedule(schedule) {
      await attempt(async () => set({ schedule: await api.invoke('backups.setSchedule', schedule), notice: 'Backup schedule saved.' }));
    },
  };
});
