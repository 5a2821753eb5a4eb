import { create } from 'zustand';
import type { AiSystem, AiSystemChanges, AiSystemInput } from '../../shared/domain/systems';
import { errorMessage } from './store-change';
import { api } from './api';

interface SystemsState {
  file: string | null;
  systems: AiSystem[];
  selectedId: string | null;
  error: string | null;
  load(file: string): Promise<void>;
  select(id: string | null): void;
  add(system: AiSystemInput): Promise<boolean>;
  update(id: string, changes: AiSystemChanges): Promise<boolean>;
  invalidate(): void;
}

/** The AI system inventory of the open assessment. */
export const useSystems = create<SystemsState>()((set, get) => ({
  file: null,
  systems: [],
  selectedId: null,
  error: null,

  async load(file) {
    if (file !== get().file) set({ file, systems: [], selectedId: null, error: null });
    try {
      const { systems } = await api.invoke('systems.list', { file });
      set({ systems, selectedId: get().selectedId ?? systems[0]?.id ?? null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  select(id) {
    set({ selectedId: id });
  },

  async add(system) {
    const { file } = get();
    if (!file) return false;
    try {
      const { system: added } = await api.invoke('systems.add', { file, system });
      set({ error: null, selectedId: added.id });
      await get().load(file);
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    }
  },

  async update(id, changes) {
    const { file } = get();
    if (!file) return false;
    try {
      await api.invoke('systems.update', { file, system: id, changes });
      set({ error: null });
      await get().load(file);
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    }
  },

  invalidate() {
    const { file } = get();
    if (file) void get().load(file);
  },
}));
