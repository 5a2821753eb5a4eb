import { create } from 'zustand';
import type { ListedComponent } from '../../shared/domain/components/model';
import { api } from './api';
import { errorMessage } from './store-change';

interface AiBomState {
  key: string | null;
  components: ListedComponent[];
  loading: boolean;
  error: string | null;
  load(file: string, systemId: string): Promise<void>;
}

/** The components (AI-BOM) of the AI system shown in the detail panel. */
export const useAiBom = create<AiBomState>()((set, get) => ({
  key: null,
  components: [],
  loading: false,
  error: null,

  async load(file, systemId) {
    const key = `${file}|${systemId}`;
    if (key !== get().key) set({ key, components: [], error: null });
    set({ loading: true });
    try {
      const { components } = await api.invoke('components.list', { file, system: systemId });
      if (get().key === key) set({ components, loading: false });
    } catch (error) {
      if (get().key === key) set({ error: errorMessage(error), loading: false });
    }
  },
}));
