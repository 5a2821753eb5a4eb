import { create } from 'zustand';
import type { EvidenceAddResult, EvidenceItem, EvidenceLinkInput, EvidenceMetaChanges } from '../../shared/domain/evidence/model';
import { api, downloadFromBridge, shell, uploadToBridge } from './api';
import { useApp } from './store';
import { followJob } from './follow-job';

/** What is under way when files are added: uploading (bridge only), then the job storing them. */
export interface Intake {
  phase: string;
  done: number;
  total: number;
  jobId: string | null;
}

/** Files to add: paths the user chose (desktop app) or files from the page (browser, uploaded first). */
export type Sources = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: File[] };

interface EvidenceState {
  file: string | null;
  items: EvidenceItem[];
  selectedId: string | null;
  error: string | null;
  intake: Intake | null;
  lastResult: EvidenceAddResult | null;
  load(file: string): Promise<void>;
  select(id: string | null): void;
  add(sources: Sources, options: { links?: EvidenceLinkInput[]; details?: EvidenceMetaChanges; revise?: string }): Promise<void>;
  cancel(): Promise<void>;
  update(id: string, changes: EvidenceMetaChanges): Promise<boolean>;
  link(id: string, links: EvidenceLinkInput[], remove?: boolean): Promise<boolean>;
  saveCopy(id: string, rev?: number): Promise<void>;
  invalidate(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The evidence vault of the open assessment. */
export const useEvidence = create<EvidenceState>()((set, get) => {
  async function attempt(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      set({ error: null });
      return true;
    } catch (error) {
      set({ error: message(error) });
      return false;
    }
  }

  async function upload(files: File[]): Promise<string[]> {
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let before = 0;
    const paths: string[] = [];
    for (const f of files) {
      set({ intake: { phase: `uploading ${f.name}`, done: before, total, jobId: null } });
      const sent = await uploadToBridge(f, (n) => set({ intake: { phase: `uploading ${f.name}`, done: before + n, total, jobId: null } }));
      before += f.size;
      paths.push(sent.path);
    }
    return paths;
  }

  function follow(jobId: string): void {
    followJob(useApp, jobId, (view) => {
      if (get().intake?.jobId !== jobId) return;
      if (view.state === 'running') return set({ intake: { phase: view.phase, done: view.done, total: view.total, jobId } });
      if (view.result?.kind === 'evidence.add') {
        const result = view.result.value;
        set({ intake: null, lastResult: result, selectedId: result.added.at(-1)?.evidenceId ?? get().selectedId });
      } else set({ intake: null, error: view.state === 'failed' ? (view.error ?? 'failed') : 'Adding evidence was cancelled; files already stored stay.' });
      get().invalidate();
    });
  }

  return {
    file: null,
    items: [],
    selectedId: null,
    error: null,
    intake: null,
    lastResult: null,

    async load(file) {
      if (file !== get().file) set({ file, items: [], selectedId: null, error: null, lastResult: null });
      await attempt(async () => {
        const { evidence } = await api.invoke('evidence.list', { file });
        set({ items: evidence, selectedId: get().selectedId ?? evidence[0]?.id ?? null });
      });
    },

    select(id) {
      set({ selectedId: id });
    },

    async add(sources, options) {
      const { file } = get();
      if (!file || get().intake) return;
      set({ lastResult: null, intake: { phase: 'starting', done: 0, total: 0, jobId: null } });
      const ok = await attempt(async () => {
        const paths = sources.kind === 'paths' ? sources.paths : await upload(sources.files);
        const { jobId } = await api.invoke('evidence.add', { file, paths, ...options });
        set({ intake: { phase: 'adding', done: 0, total: 0, jobId } });
        follow(jobId);
      });
      if (!ok) set({ intake: null });
    },

    async cancel() {
      const jobId = get().intake?.jobId;
      if (jobId) await attempt(async () => void (await api.invoke('jobs.cancel', { jobId })));
    },

    async update(id, changes) {
      const { file } = get();
      if (!file) return false;
      return attempt(async () => {
        await api.invoke('evidence.update', { file, evidenceId: id, changes });
        await get().load(file);
      });
    },

    async link(id, links, remove = false) {
      const { file } = get();
      if (!file) return false;
      return attempt(async () => {
        await api.invoke(remove ? 'evidence.unlink' : 'evidence.link', { file, evidenceId: id, links });
        await get().load(file);
      });
    },

    async saveCopy(id, rev) {
      const { file, items } = get();
      const item = items.find((i) => i.id === id);
      if (!file || !item) return;
      const name = (rev === undefined ? item : item.revisions.find((r) => r.rev === rev))?.fileName ?? 'evidence';
      await attempt(async () => {
        if (shell) {
          const out = await shell.chooseSaveCopy(name);
          if (out) await api.invoke('evidence.export', { file, evidenceId: id, out, ...(rev !== undefined ? { rev } : {}) });
          return;
        }
        const blob = await downloadFromBridge(file, id, rev);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      });
    },

    invalidate() {
      const { file } = get();
      if (file) void get().load(file);
    },
  };
});
