import { create } from 'zustand';
import type { FindingChanges, FindingFilter, FindingRow, PlanItem } from '../../shared/domain/findings/model';
import { api } from './api';
import { changeAndReload, errorMessage } from './store-change';

interface FindingsState {
  file: string | null;
  today: string | null;
  findings: FindingRow[];
  plan: PlanItem[];
  filter: FindingFilter;
  selectedId: string | null;
  error: string | null;
  load(file: string): Promise<void>;
  setFilter(filter: FindingFilter): void;
  select(id: string | null): void;
  update(id: string, changes: FindingChanges): Promise<boolean>;
  invalidate(): void;
}

/** The findings register and its plan of action for the open assessment, with the list's filter. */
export const useFindings = create<FindingsState>()((set, get) => ({
  file: null,
  today: null,
  findings: [],
  plan: [],
  filter: {},
  selectedId: null,
  error: null,

  async load(file) {
    if (file !== get().file) set({ file, findings: [], plan: [], filter: {}, selectedId: null, error: null });
    try {
      const [list, plan] = await Promise.all([api.invoke('findings.list', { file, filter: get().filter }), api.invoke('findings.plan', { file })]);
      if (get().file !== file) return;
      const selectedId = list.findings.some((f) => f.id === get().selectedId) ? get().selectedId : (list.findings[0]?.id ?? null);
      set({ today: list.today, findings: list.findings, plan: plan.items, selectedId });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  setFilter(filter) {
    set({ filter });
    get().invalidate();
  },

  select: (id) => set({ selectedId: id }),

  async update(id, changes) {
    return (await changeAndReload(get(), (error) => set({ error }), (file) => api.invoke('findings.update', { file, finding: id, changes }))) !== null;
  },

  invalidate() {
    const { file } = get();
    if (file) void get().load(file);
  },
}));
