import { create } from 'zustand';
import type { CommandOutput } from '../../shared/commands';
import type { ImportBatch, ImportOptions, ImportPreview, ImportResult } from '../../shared/imports/model';
import { api, uploadToBridge } from './api';
import { useApp } from './store';
import { followJob, progressOf } from './follow-job';

type Formats = CommandOutput<'imports.formats'>['formats'];

/** Where the import stands: choosing a file, uploading it (browser), previewing, deciding, importing, done. */
export type ImportStep = 'choose' | 'uploading' | 'previewing' | 'preview' | 'importing' | 'done';

/** A file to import: a path (desktop app) or a file from the page (browser, uploaded once, then named by path). */
export type ImportSourceChoice = { kind: 'path'; path: string; name: string } | { kind: 'file'; file: File };

interface ImportState {
  file: string | null;
  formats: Formats;
  batches: ImportBatch[];
  step: ImportStep;
  sourceName: string | null;
  /** The source's path as the doors see it (after an upload in the browser). */
  sourcePath: string | null;
  options: ImportOptions;
  jobId: string | null;
  progress: { phase: string; done: number; total: number } | null;
  preview: ImportPreview | null;
  result: ImportResult | null;
  error: string | null;
  load(file: string): Promise<void>;
  choose(source: ImportSourceChoice): Promise<void>;
  setOptions(change: Partial<ImportOptions>): void;
  previewAgain(): Promise<void>;
  run(): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useImports = create<ImportState>()((set, get) => {
  function follow(jobId: string): void {
    followJob(useApp, jobId, (view) => {
      if (get().jobId !== jobId) return;
      if (view.state === 'running') return set({ progress: progressOf(view) });
      if (view.result?.kind === 'import.preview') return set({ jobId: null, progress: null, step: 'preview', preview: view.result.value });
      if (view.result?.kind === 'import') {
        const result = view.result.value;
        set({ jobId: null, progress: null, step: result.batchId ? 'done' : 'preview', result: result.batchId ? result : null, preview: result });
        const { file } = get();
        if (file) void get().load(file);
        return;
      }
      const wasImporting = get().step === 'importing';
      set({
        jobId: null,
        progress: null,
        step: get().preview ? 'preview' : 'choose',
        error: view.state === 'failed' ? (view.error ?? 'failed') : wasImporting ? 'The import was cancelled; nothing was changed.' : 'The preview was cancelled.',
      });
    });
  }

  async function startJob(name: 'imports.preview' | 'imports.run', step: ImportStep): Promise<void> {
    const { file, sourcePath, options } = get();
    if (!file || !sourcePath) return;
    set({ step, error: null, progress: { phase: 'starting', done: 0, total: 0 } });
    try {
      const { jobId } = await api.invoke(name, { file, source: sourcePath, options });
      set({ jobId });
      follow(jobId);
    } catch (error) {
      set({ step: get().preview ? 'preview' : 'choose', progress: null, error: message(error) });
    }
  }

  return {
    file: null,
    formats: [],
    batches: [],
    step: 'choose',
    sourceName: null,
    sourcePath: null,
    options: { format: 'auto' },
    jobId: null,
    progress: null,
    preview: null,
    result: null,
    error: null,

    async load(file) {
      if (file !== get().file) set({ file, step: 'choose', preview: null, result: null, sourcePath: null, sourceName: null, error: null });
      try {
        const [{ formats }, { batches }] = await Promise.all([api.invoke('imports.formats', {}), api.invoke('imports.list', { file })]);
        set({ formats, batches });
      } catch (error) {
        set({ error: message(error) });
      }
    },

    async choose(source) {
      set({ preview: null, result: null, error: null, options: { format: 'auto' } });
      if (source.kind === 'path') set({ sourcePath: source.path, sourceName: source.name });
      else {
        set({ step: 'uploading', sourceName: source.file.name, progress: { phase: `uploading ${source.file.name}`, done: 0, total: source.file.size } });
        try {
          const sent = await uploadToBridge(source.file, (n) => set({ progress: { phase: `uploading ${source.file.name}`, done: n, total: source.file.size } }));
          set({ sourcePath: sent.path });
        } catch (error) {
          return set({ step: 'choose', progress: null, error: message(error) });
        }
      }
      await startJob('imports.preview', 'previewing');
    },

    setOptions(change) {
      set({ options: { ...get().options, ...change } });
    },

    previewAgain: () => startJob('imports.preview', 'previewing'),
    run: () => startJob('imports.run', 'importing'),

    async cancel() {
      const { jobId } = get();
      if (!jobId) return;
      try {
        await api.invoke('jobs.cancel', { jobId });
      } catch (error) {
        set({ error: message(error) });
      }
    },

    reset() {
      set({ step: 'choose', preview: null, result: null, sourcePath: null, sourceName: null, options: { format: 'auto' }, error: null });
    },
  };
});
