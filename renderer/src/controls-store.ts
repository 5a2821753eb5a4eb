import { create } from 'zustand';
import type { CommandInput, ListedControl } from '../../shared/commands';
import type { ControlEntryChanges } from '../../shared/domain/control-entry';
import type { ControlState, StateCounts } from '../../shared/domain/control-state';
import { type ControlFilter, emptyFilter } from '../../shared/domain/controls/filter';
import { errorMessage } from './store-change';
import { api } from './api';
import { useAudit } from './audit-store';
import { useApp } from './store';

export type BulkChange = Omit<CommandInput<'controls.setMany'>, 'file' | 'controlIds' | 'system'>;

interface ControlsState {
  file: string | null;
  /** Whose entries are shown and edited: null for the organisation, else a system id. */
  system: string | null;
  rows: ListedControl[];
  selectedId: string | null;
  filter: ControlFilter;
  loading: boolean;
  error: string | null;
  notice: string | null;
  /** The detail editor holds changes not saved yet. */
  dirty: boolean;
  /** What the user asked for while the editor held unsaved changes: it waits for their answer. */
  pending: { describe: string; run: () => void } | null;
  load(file: string, system?: string | null): Promise<void>;
  select(id: string | null): void;
  setFilter(filter: ControlFilter): void;
  setDirty(dirty: boolean): void;
  /** Runs `run` now, or, with unsaved changes, once the user agrees to discard them. */
  guard(describe: string, run: () => void): void;
  resolvePending(discard: boolean): void;
  saveOne(controlId: string, state: ControlState, justification: string | undefined, details: ControlEntryChanges): Promise<boolean>;
  saveMany(controlIds: string[], change: BulkChange): Promise<boolean>;
  removeOwn(controlId: string): Promise<boolean>;
}

/** The organisation's counts changed: the sidebar and overview show them. */
function publishCounts(counts: StateCounts): void {
  useApp.setState((s) => (s.current ? { current: { ...s.current, counts } } : {}));
  useAudit.getState().invalidate();
}

/** The controls screen: the entries of the organisation or of one system, filters, selection, edits. */
export const useControls = create<ControlsState>()((set, get) => {
  async function reload(): Promise<void> {
    const { file, system } = get();
    if (!file) return;
    const list = await api.invoke('controls.list', { file, ...(system ? { system } : {}) });
    if (get().file !== file || get().system !== system) return; // the user moved on meanwhile
    set({ rows: list.controls });
    // The app store keeps the organisation's rows for the overview.
    if (!system) useApp.setState({ controls: list.controls });
  }

  async function attempt(work: () => Promise<void>): Promise<boolean> {
    set({ loading: true, error: null, notice: null });
    try {
      await work();
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    } finally {
      set({ loading: false });
    }
  }

  return {
    file: null,
    system: null,
    rows: [],
    selectedId: null,
    filter: emptyFilter,
    loading: false,
    error: null,
    notice: null,
    dirty: false,
    pending: null,

    async load(file, system = get().system) {
      const moved = file !== get().file;
      set({ file, system: moved ? null : system, ...(moved ? { rows: [], selectedId: null, filter: emptyFilter } : {}), dirty: false });
      await attempt(async () => {
        await reload();
        if (get().selectedId === null) set({ selectedId: get().rows[0]?.id ?? null });
      });
    },

    select(id) {
      set({ selectedId: id });
    },

    setFilter(filter) {
      set({ filter });
    },

    setDirty(dirty) {
      if (dirty !== get().dirty) set({ dirty });
    },

    guard(describe, run) {
      if (!get().dirty) return run();
      set({ pending: { describe, run } });
    },

    resolvePending(discard) {
      const pending = get().pending;
      set({ pending: null, ...(discard ? { dirty: false } : {}) });
      if (discard && pending) pending.run();
    },

    async saveOne(controlId, state, justification, details) {
      const { file, system } = get();
      if (!file) return false;
      return attempt(async () => {
        const input = {
          file,
          controlId,
          state,
          ...(justification ? { justification } : {}),
          ...(Object.keys(details).length ? { details } : {}),
          ...(system ? { system } : {}),
        };
        const result = await api.invoke('controls.setState', input);
        set({ dirty: false, rows: get().rows.map((r) => (r.id === controlId ? result.control : r)), notice: `Saved ${controlId}.` });
        if (!system) useApp.setState({ controls: useApp.getState().controls.map((c) => (c.id === controlId ? result.control : c)) });
        publishCounts(result.counts);
      });
    },

    async saveMany(controlIds, change) {
      const { file, system } = get();
      if (!file) return false;
      return attempt(async () => {
        const result = await api.invoke('controls.setMany', { file, controlIds, ...(system ? { system } : {}), ...change });
        await reload();
        publishCounts(result.counts);
        const kept = result.unchanged.length ? `; ${result.unchanged.length} already so` : '';
        set({ notice: `Changed ${result.changed.length} control${result.changed.length === 1 ? '' : 's'}${kept}.` });
      });
    },

    async removeOwn(controlId) {
      const { file, system } = get();
      if (!file || !system) return false;
      return attempt(async () => {
        const result = await api.invoke('controls.removeSystemEntry', { file, controlId, system });
        set({ dirty: false, rows: get().rows.map((r) => (r.id === controlId ? result.control : r)), notice: `${controlId} follows the organisation's entry again.` });
        useAudit.getState().invalidate();
      });
    },
  };
});
