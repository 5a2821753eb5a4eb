import { create } from 'zustand';
import type { CommandOutput, VerifyResult } from '../../shared/commands';
import { errorMessage } from './store-change';
import { api } from './api';
import { useApp } from './store';
import { followJob } from './follow-job';

type AuditList = CommandOutput<'audit.list'>;

export interface AuditFilter {
  from: string;
  to: string;
  actor: string;
  kind: string;
}

const noFilter: AuditFilter = { from: '', to: '', actor: '', kind: '' };

interface AuditState {
  file: string | null;
  list: AuditList | null;
  filter: AuditFilter;
  verify: VerifyResult | null;
  /** The verify job under way: it runs off the thread that answers commands; its events arrive through the app store. */
  verifyJob: string | null;
  expectHead: string;
  loading: boolean;
  error: string | null;
  load(file: string): Promise<void>;
  setFilter(patch: Partial<AuditFilter>): Promise<void>;
  setExpectHead(head: string): void;
  verifyNow(): Promise<void>;
  cancelVerify(): Promise<void>;
  exportLog(format: 'csv' | 'json'): Promise<void>;
  /** The file changed (here or elsewhere): what was shown and any verdict are out of date. */
  invalidate(): void;
}

/** The audit log as an auditor uses it: filtered, verified against an anchor, exported whole. */
export const useAudit = create<AuditState>()((set, get) => {
  async function fetchList(): Promise<void> {
    const { file, filter } = get();
    if (!file) return;
    set({ loading: true, error: null });
    try {
      const list = await api.invoke('audit.list', {
        file,
        limit: 1000,
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(filter.actor ? { actor: filter.actor } : {}),
        ...(filter.kind ? { kinds: [filter.kind] } : {}),
      });
      set({ list });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ loading: false });
    }
  }

  return {
    file: null,
    list: null,
    filter: noFilter,
    verify: null,
    verifyJob: null,
    expectHead: '',
    loading: false,
    error: null,

    async load(file) {
      if (file !== get().file) set({ file, filter: noFilter, verify: null, expectHead: '', list: null });
      await fetchList();
    },

    async setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      await fetchList();
    },

    setExpectHead(head) {
      set({ expectHead: head });
    },

    async verifyNow() {
      const { file, expectHead } = get();
      if (!file) return;
      set({ error: null, verify: null });
      try {
        const anchor = expectHead.trim();
        const { jobId } = await api.invoke('jobs.start', { kind: 'verify', file, ...(anchor ? { expectHead: anchor } : {}) });
        set({ verifyJob: jobId });
        followJob(useApp, jobId, (view) => {
          if (view.state === 'running' || jobId !== get().verifyJob) return;
          set({
            verifyJob: null,
            verify: view.result?.kind === 'verify' ? view.result.value : null,
            error: view.state === 'failed' ? (view.error ?? 'failed') : view.state === 'cancelled' ? 'Verify was cancelled; nothing was concluded.' : null,
          });
        });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async cancelVerify() {
      const { verifyJob } = get();
      if (!verifyJob) return;
      try {
        await api.invoke('jobs.cancel', { jobId: verifyJob });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async exportLog(format) {
      const { file } = get();
      if (!file) return;
      try {
        const exported = await api.invoke('audit.export', { file, format });
        // A download from memory: no path crosses the door, and nothing is written behind the user's back.
        const url = URL.createObjectURL(new Blob([exported.content], { type: exported.mediaType }));
        const link = document.createElement('a');
        link.href = url;
        link.download = exported.fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    invalidate() {
      set({ verify: null });
      if (get().file) void fetchList();
    },
  };
});
