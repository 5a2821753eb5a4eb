import { create } from 'zustand';
import type { BackupInfo, BackupSchedule } from '../../shared/backups';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import { busyAttempt } from './store-change';
import { api } from './api';
import { followJob } from './follow-job';
import { type JobView, reportsOwnBackup, useApp } from './store';

/** Copies of the open assessment: comparing it with another copy, and its backups (list, take, restore, schedule). */
interface CopiesState {
  other: string;
  diff: AssessmentDiff | null;
  comparing: boolean;
  backups: BackupInfo[];
  schedule: BackupSchedule | null;
  /** The backup the user asked to restore, awaiting confirmation. */
  confirming: string | null;
  /** The backup or restore job under way (copying a large file takes seconds), and its file. */
  job: { jobId: string; file: string; kind: 'backup' | 'restore' } | null;
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

  /** Our job ended: list the backups again and say what happened, or why nothing did. */
  function ended(view: JobView): void {
    const job = get().job;
    if (!job) return;
    set({ job: null, busy: false });
    const result = view.state === 'finished' ? view.result : undefined;
    if (result?.kind === 'backup' || result?.kind === 'restore') {
      const notice =
        result.kind === 'backup'
          ? `Backup taken: ${result.value.path}`
          : `Restored from ${result.value.backup}. The log ending at entry ${result.value.discarded.count} was replaced; the state before the restore was kept as ${result.value.keptAs}.`;
      void attempt(async () => {
        set({ confirming: null, backups: (await api.invoke('backups.list', { file: job.file })).backups, notice });
        if (result.kind === 'restore') await useApp.getState().refresh({ quiet: true });
      });
    } else {
      const what = job.kind === 'backup' ? 'The backup' : 'The restore';
      set({ notice: null, error: view.state === 'failed' ? `${what} failed: ${view.error ?? 'unknown error'}` : `${what} was cancelled.` });
    }
  }

  /** Starts the job and keeps the buttons disabled until it ends. */
  async function follow(kind: 'backup' | 'restore', file: string, start: () => Promise<{ jobId: string }>, notice: string): Promise<void> {
    await attempt(async () => {
      const { jobId } = await start();
      if (kind === 'backup') reportsOwnBackup(jobId);
      set({ job: { jobId, file, kind }, notice: `${notice}…` });
    });
    const job = get().job;
    if (!job) return;
    set({ busy: true });
    followJob(useApp, job.jobId, (view) => {
      // A restore says which of its steps it is at (a large file takes a while to check and copy).
      if (view.state === 'running') set({ notice: view.phase ? `${notice}: ${view.phase}…` : `${notice}…` });
      else ended(view);
    });
  }

  return {
    other: '',
    diff: null,
    comparing: false,
    backups: [],
    schedule: null,
    confirming: null,
    job: null,
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

    backupNow: (file) => follow('backup', file, () => api.invoke('backups.create', { file }), 'Taking a backup'),

    askRestore: (confirming) => set({ confirming, error: null, notice: null }),

    async restore(file) {
      const backup = get().confirming;
      if (!backup) return;
      await follow('restore', file, () => api.invoke('backups.restore', { file, backup }), 'Restoring from the backup');
    },

    async saveSchedule(schedule) {
      await attempt(async () => set({ schedule: await api.invoke('backups.setSchedule', schedule), notice: 'Backup schedule saved.' }));
    },
  };
});
