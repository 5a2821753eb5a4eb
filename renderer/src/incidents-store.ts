import { create } from 'zustand';
import type { IncidentChanges, IncidentInput, IncidentRegister, MonitoringPlan } from '../../shared/domain/incident-register/register';
import { api } from './api';
import { changeAndReload, errorMessage } from './store-change';

interface IncidentsState {
  file: string | null;
  register: IncidentRegister | null;
  error: string | null;
  load(file: string): Promise<void>;
  add(incident: IncidentInput): Promise<boolean>;
  update(id: string, changes: IncidentChanges): Promise<boolean>;
  setPlan(system: string, plan: MonitoringPlan): Promise<boolean>;
  invalidate(): void;
}

/** The incident register and post-market monitoring plans of the open assessment. */
export const useIncidents = create<IncidentsState>()((set, get) => {
  async function change(run: (file: string) => Promise<unknown>): Promise<boolean> {
    return (await changeAndReload(get(), (error) => set({ error }), async (file) => ({ done: await run(file) }))) !== null;
  }

  return {
    file: null,
    register: null,
    error: null,

    async load(file) {
      if (file !== get().file) set({ file, register: null, error: null });
      try {
        set({ register: await api.invoke('incidents.list', { file }) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    add: (incident) => change((file) => api.invoke('incidents.add', { file, incident })),
    update: (id, changes) => change((file) => api.invoke('incidents.update', { file, incident: id, changes })),
    setPlan: (system, plan) => change((file) => api.invoke('incidents.setPlan', { file, system, plan })),

    invalidate() {
      const { file } = get();
      if (file) void get().load(file);
    },
  };
});
