import { create } from 'zustand';
import type { CommandOutput } from '../../shared/commands';
import type { ReportOptions } from '../../shared/reports/model';
import type { IssuedReport, ReportResult } from '../../shared/reports/results';
import { api } from './api';
import { useApp } from './store';
import { followJob, progressOf } from './follow-job';

type Types = CommandOutput<'reports.types'>['reports'];
type Frameworks = CommandOutput<'catalog.summary'>['frameworks'];

interface ReportsState {
  file: string | null;
  types: Types;
  frameworks: Frameworks;
  issued: IssuedReport[];
  options: ReportOptions;
  issue: boolean;
  jobId: string | null;
  progress: { phase: string; done: number; total: number } | null;
  /** The reports written in this session, newest first. */
  written: ReportResult[];
  error: string | null;
  load(file: string): Promise<void>;
  setOptions(change: Partial<ReportOptions>): void;
  setIssue(issue: boolean): void;
  generate(): Promise<void>;
  cancel(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useReports = create<ReportsState>()((set, get) => {
  function follow(jobId: string): void {
    followJob(useApp, jobId, (view) => {
      if (get().jobId !== jobId) return;
      if (view.state === 'running') return set({ progress: progressOf(view) });
      if (view.result?.kind === 'report') {
        set({ jobId: null, progress: null, written: [view.result.value, ...get().written] });
        const { file } = get();
        if (file && view.result.value.issued) void get().load(file);
        return;
      }
      set({ jobId: null, progress: null, error: view.state === 'failed' ? (view.error ?? 'failed') : 'The report was cancelled; nothing was written.' });
    });
  }

  return {
    file: null,
    types: [],
    frameworks: [],
    issued: [],
    options: { type: 'executive', format: 'pdf', paper: 'A4', label: 'TLP:AMBER', audience: 'internal' },
    issue: false,
    jobId: null,
    progress: null,
    written: [],
    error: null,

    async load(file) {
      if (file !== get().file) set({ file, written: [], error: null });
      try {
        const [{ reports: types }, { reports: issued }, { frameworks }] = await Promise.all([
          api.invoke('reports.types', {}),
          api.invoke('reports.list', { file }),
          api.invoke('catalog.summary', { file }),
        ]);
        set({ types, issued, frameworks });
      } catch (error) {
        set({ error: message(error) });
      }
    },

    setOptions(change) {
      const options = { ...get().options, ...change };
      // A format the chosen report does not come in falls back to PDF.
      const formats = get().types.find((t) => t.type === options.type)?.formats;
      if (formats && !formats.includes(options.format)) options.format = 'pdf';
      set({ options });
    },

    setIssue: (issue) => set({ issue }),

    async generate() {
      const { file, options, issue } = get();
      if (!file) return;
      set({ error: null, progress: { phase: 'starting', done: 0, total: 0 } });
      try {
        const { jobId } = await api.invoke('reports.generate', { file, options, issue });
        set({ jobId });
        follow(jobId);
      } catch (error) {
        set({ progress: null, error: message(error) });
      }
    },

    async cancel() {
      const { jobId } = get();
      if (!jobId) return;
      try {
        await api.invoke('jobs.cancel', { jobId });
      } catch (error) {
        set({ error: message(error) });
      }
    },
  };
});
