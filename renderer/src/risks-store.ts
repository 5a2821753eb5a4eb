import { create } from 'zustand';
import type { CommandInput } from '../../shared/commands';
import type { AcceptRiskInput, RiskChanges, RiskInput, RiskRegister } from '../../shared/domain/risk-register/register';
import { api } from './api';
import { changeAndReload, errorMessage } from './store-change';

interface RisksState {
  file: string | null;
  register: RiskRegister | null;
  selectedId: string | null;
  error: string | null;
  load(file: string): Promise<void>;
  select(id: string | null): void;
  add(risk: RiskInput): Promise<boolean>;
  update(id: string, changes: RiskChanges): Promise<boolean>;
  accept(id: string, acceptance: AcceptRiskInput): Promise<boolean>;
  invalidate(): void;
}

/** The risk register of the open assessment. */
export const useRisks = create<RisksState>()((set, get) => {
  /** Runs a change, reloads the register, and keeps the refusal to show when it fails. */
  async function change(run: (file: string) => Promise<{ risk: { id: string } }>): Promise<boolean> {
    const result = await changeAndReload(get(), (error) => set({ error }), async (file) => {
      const done = await run(file);
      set({ selectedId: done.risk.id });
      return done;
    });
    return result !== null;
  }

  return {
    file: null,
    register: null,
    selectedId: null,
    error: null,

    async load(file) {
      if (file !== get().file) set({ file, register: null, selectedId: null, error: null });
      try {
        const register = await api.invoke('risks.list', { file });
        set({ register, selectedId: get().selectedId ?? register.risks[0]?.id ?? null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    select(id) {
      set({ selectedId: id });
    },

    add: (risk) => change((file) => api.invoke('risks.add', { file, risk } as CommandInput<'risks.add'>)),
    update: (id, changes) => change((file) => api.invoke('risks.update', { file, risk: id, changes })),
    accept: (id, acceptance) => change((file) => api.invoke('risks.accept', { file, risk: id, acceptance })),

    invalidate() {
      const { file } = get();
      if (file) void get().load(file);
    },
  };
});
