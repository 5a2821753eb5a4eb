import { create } from 'zustand';
import type { BackupInfo, BackupSchedule } from '../../shared/backups';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import { busyAttempt } from './store-change';
import { api } from './api';
import { useApp } from './store';

/** Copies of the open assessment: comparing it with another copy, and its backups (list, take, restore, schedule). */
interface CopiesState {
  other: string;
  diff: AssessmentDiff | null;
  comparing: boolean;
  backups: BackupInfo[];
  schedule: BackupSchedule | null;
  /** The backup the user asked to restore, awaiting confirmation. */
  confirming: string | null;
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


  return {
    other: '',
    diff: null,
    comparing: false,
    backups: [],
    schedule: null,
    confirming: null,
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
        const { backup } = await api.invoke('backups.create', { file });
        set({ backups: (await api.invoke('backups.list', { file })).backups, notice: `Backup taken: ${backup.path}` });
      });
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
