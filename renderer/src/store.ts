import { create } from 'zustand';
import type { Catalog } from '../../shared/catalog/schema';
import type { AssessmentSummary, CommandOutput, ControlRow, RecentFile } from '../../shared/commands';
import type { ControlEntryChanges } from '../../shared/domain/control-entry';
import type { ControlState, StateCounts } from '../../shared/domain/control-state';
import type { AssayEvent, JobResult } from '../../shared/events';
import { errorMessage } from './store-change';
import { BridgeTokenError, api, bridgeTokenMissing, onEventsResumed, subscribe } from './api';
import { useAudit } from './audit-store';
import { useIncidents } from './incidents-store';
import { useFindings } from './findings-store';
import { useRisks } from './risks-store';
import { useEvidence } from './evidence-store';
import { useSystems } from './systems-store';

export type View =
  | 'overview'
  | 'systems'
  | 'controls'
  | 'evidence'
  | 'risks'
  | 'incidents'
  | 'imports'
  | 'reports'
  | 'review'
  | 'package'
  | 'findings'
  | 'humanRisk'
  | 'catalog'
  | 'checks'
  | 'audit'
  | 'diff'
  | 'backups';
export type CatalogKind = 'framework' | 'requirement' | 'threat' | 'control';
export interface CatalogSelection {
  kind: CatalogKind;
  key: string;
}
type AppInfo = CommandOutput<'app.info'>;

/** What the UI knows of a job from its events. */
export interface JobView {
  kind: string;
  file: string;
  state: 'running' | 'finished' | 'failed' | 'cancelled';
  phase: string;
  done: number;
  total: number;
  result?: JobResult;
  error?: string;
}

const CURRENT_KEY = 'assay.currentFile';
let unsubscribeEvents: (() => void) | undefined;
/** Backup jobs a screen started and reports itself (Back up now); only the others are the schedule's. */
const backupsAskedFor = new Set<string>();
export const reportsOwnBackup = (jobId: string) => void backupsAskedFor.add(jobId);
let unsubscribeResume: (() => void) | undefined;

interface AppState {
  info: AppInfo | null;
  recent: RecentFile[];
  current: AssessmentSummary | null;
  controls: ControlRow[];
  selectedId: string | null;
  view: View;
  catalog: Catalog | null;
  /** What the catalog browser shows, with the way back. */
  catalogTrail: CatalogSelection[];
  /** A short confirmation shown after an action succeeded. */
  notice: string | null;
  /** The last failure, shown in a banner until dismissed or replaced. */
  error: string | null;
  busy: boolean;
  ready: boolean;
  /** Opened over the bridge without a valid token: the page says how to get the address instead. */
  needsToken: boolean;
  /** Set when another program changed the open assessment and the view was reloaded. */
  changedElsewhereAt: string | null;
  jobs: Record<string, JobView>;

  start(): Promise<void>;
  create(file: string, name: string): Promise<boolean>;
  open(file: string, options?: { readOnly?: boolean }): Promise<boolean>;
  close(): Promise<void>;
  select(id: string | null): void;
  setView(view: View): void;
  setState(controlId: string, state: ControlState, justification?: string, details?: ControlEntryChanges): Promise<boolean>;
  loadCatalog(): Promise<void>;
  openInCatalog(selection: CatalogSelection, options?: { fresh?: boolean }): void;
  catalogBack(): void;
  importFramework(source: string): Promise<boolean>;
  removeFramework(id: string): Promise<boolean>;
  dismissError(): void;
  /** Reloads everything shown for the open assessment (after another program changed it; quiet: without saying so). */
  refresh(options?: { quiet?: boolean }): Promise<void>;
  handleEvent(event: AssayEvent): void;
}

export const useApp = create<AppState>()((set, get) => {
  /** Runs a call with the busy flag and error banner handled in one place. */
  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    set({ busy: true, error: null });
    try {
      return await work();
    } catch (error) {
      if (error instanceof BridgeTokenError) set({ needsToken: true });
      else set({ error: errorMessage(error) });
      return undefined;
    } finally {
      set({ busy: false });
    }
  }

  /**
   * Counts the user's moves between files (open, create, close): an opening that answers after the
   * user has moved on (closed the file, opened another) must not bring its file back on screen.
   */
  let moves = 0;

  /** An opening the user moved on from is closed again, so the file is not left open behind the screen. */
  async function letGo(file: string): Promise<void> {
    if (get().current?.file === file) return;
    await api.invoke('assessment.close', { file }).catch(() => undefined);
  }

  /** Opens what `open` answers, unless the user moved on meanwhile. */
  async function enter(open: () => Promise<AssessmentSummary>): Promise<void> {
    const move = ++moves;
    const summary = await open();
    if (move !== moves) return letGo(summary.file);
    const { controls } = await api.invoke('controls.list', { file: summary.file });
    if (move !== moves) return letGo(summary.file);
    sessionStorage.setItem(CURRENT_KEY, summary.file);
    set({ current: summary, controls, selectedId: controls[0]?.id ?? null, view: 'overview', catalog: null, catalogTrail: [], changedElsewhereAt: null });
  }

  function withCounts(counts: StateCounts): AssessmentSummary | null {
    const current = get().current;
    return current ? { ...current, counts } : null;
  }

  return {
    info: null,
    recent: [],
    current: null,
    controls: [],
    selectedId: null,
    view: 'overview',
    catalog: null,
    catalogTrail: [],
    notice: null,
    error: null,
    busy: false,
    ready: false,
    needsToken: bridgeTokenMissing,
    changedElsewhereAt: null,
    jobs: {},

    async start() {
      if (get().needsToken) return set({ ready: true });
      // Once per page, even if start() runs again (React's StrictMode runs effects twice in development).
      unsubscribeEvents ??= subscribe((event) => get().handleEvent(event));
      // Changes made while the stream was down were not announced: reload what is shown.
      unsubscribeResume ??= onEventsResumed(() => void get().refresh({ quiet: true }));
      await attempt(async () => {
        const [info, { files }] = await Promise.all([api.invoke('app.info', {}), api.invoke('app.recent', {})]);
        set({ info, recent: files });
        // A reload keeps the assessment that was open in this window.
        const again = sessionStorage.getItem(CURRENT_KEY) ?? (await window.assay?.shell.launchFile()) ?? null;
        if (again) await enter(() => api.invoke('assessment.open', { file: again }));
      });
      set({ ready: true });
    },

    async create(file, name) {
      const done = await attempt(async () => enter(() => api.invoke('assessment.create', { file, name })));
      return done !== undefined;
    },

    async open(file, options) {
      const done = await attempt(async () => enter(() => api.invoke('assessment.open', { file, ...(options?.readOnly ? { readOnly: true } : {}) })));
      return done !== undefined;
    },

    async close() {
      moves++;
      const current = get().current;
      sessionStorage.removeItem(CURRENT_KEY);
      set({ current: null, controls: [], selectedId: null });
      await attempt(async () => {
        if (current) await api.invoke('assessment.close', { file: current.file });
        set({ recent: (await api.invoke('app.recent', {})).files });
      });
    },

    select(id) {
      set({ selectedId: id });
    },

    setView(view) {
      set({ view, notice: null });
      if (view === 'catalog' && !get().catalog) void get().loadCatalog();
    },

    async loadCatalog() {
      const current = get().current;
      if (!current) return;
      await attempt(async () => set({ catalog: await api.invoke('catalog.get', { file: current.file }) }));
    },

    openInCatalog(selection, options) {
      const trail = options?.fresh ? [] : get().catalogTrail;
      const last = trail[trail.length - 1];
      const same = last && last.kind === selection.kind && last.key === selection.key;
      set({ catalogTrail: same ? trail : [...trail, selection].slice(-50), view: 'catalog' });
      if (!get().catalog) void get().loadCatalog();
    },

    catalogBack() {
      set({ catalogTrail: get().catalogTrail.slice(0, -1) });
    },

    async importFramework(source) {
      const current = get().current;
      if (!current) return false;
      const result = await attempt(async () => {
        const r = await api.invoke('catalog.importFramework', { file: current.file, source });
        set({ catalog: await api.invoke('catalog.get', { file: current.file }) });
        return r;
      });
      if (!result) return false;
      set({
        notice: `${result.replaced ? 'Replaced' : 'Imported'} ${result.framework.name}: ${result.framework.items} items, ${result.framework.assessable} assessable.`,
      });
      get().openInCatalog({ kind: 'framework', key: result.framework.id });
      return true;
    },

    async removeFramework(id) {
      const current = get().current;
      if (!current) return false;
      const done = await attempt(async () => {
        await api.invoke('catalog.removeFramework', { file: current.file, frameworkId: id });
        set({ catalog: await api.invoke('catalog.get', { file: current.file }), catalogTrail: [], notice: `Removed framework ${id}.` });
        return true;
      });
      return done === true;
    },

    async setState(controlId, state, justification, details) {
      const current = get().current;
      if (!current) return false;
      const result = await attempt(() =>
        api.invoke('controls.setState', {
          file: current.file,
          controlId,
          state,
          ...(justification ? { justification } : {}),
          ...(details && Object.keys(details).length ? { details } : {}),
        }),
      );
      if (!result) return false;
      set({
        controls: get().controls.map((c) => (c.id === controlId ? result.control : c)),
        current: withCounts(result.counts),
      });
      useAudit.getState().invalidate();
      return true;
    },

    dismissError() {
      set({ error: null });
    },

    async refresh(options) {
      const current = get().current;
      if (!current) return;
      const file = current.file;
      await attempt(async () => {
        const { catalog, selectedId } = get();
        const [summary, { controls }, freshCatalog] = await Promise.all([
          api.invoke('assessment.open', { file }),
          api.invoke('controls.list', { file }),
          catalog ? api.invoke('catalog.get', { file }) : Promise.resolve(null),
        ]);
        if (get().current?.file !== file) return; // the user moved on while this loaded
        set({
          current: { ...summary, ...(current.backup ? { backup: current.backup } : {}) },
          controls,
          selectedId: controls.some((c) => c.id === selectedId) ? selectedId : (controls[0]?.id ?? null),
          catalog: freshCatalog,
          ...(options?.quiet ? {} : { changedElsewhereAt: new Date().toISOString() }),
        });
        useAudit.getState().invalidate();
        useSystems.getState().invalidate();
        useRisks.getState().invalidate();
        useIncidents.getState().invalidate();
        useEvidence.getState().invalidate();
        useFindings.getState().invalidate();
      });
    },

    handleEvent(event) {
      if (event.type === 'assessment.changed') {
        if (get().current?.file === event.file) void get().refresh(event.byJob ? { quiet: true } : undefined);
        return;
      }
      const before = get().jobs[event.jobId];
      const base: JobView = before ?? { kind: event.kind, file: event.file, state: 'running', phase: '', done: 0, total: 0 };
      const next: JobView =
        event.type === 'job.progress'
          ? { ...base, phase: event.phase, done: event.done, total: event.total }
          : event.type === 'job.finished'
            ? { ...base, state: 'finished', result: event.result }
            : event.type === 'job.failed'
              ? { ...base, state: 'failed', error: event.error.message }
              : { ...base, state: 'cancelled' };
      set({ jobs: { ...get().jobs, [event.jobId]: next } });
      // Nobody asked for a scheduled backup, so nobody would see it fail: say so where the user is.
      if (event.type === 'job.failed' && event.kind === 'backup' && !backupsAskedFor.has(event.jobId) && event.file === get().current?.file)
        set({ error: `The scheduled backup of this assessment failed: ${event.error.message}. It is tried again at the next interval (Backups screen).` });
      if (event.type !== 'job.progress') backupsAskedFor.delete(event.jobId);
    },
  };
});
