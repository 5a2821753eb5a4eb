import { create } from 'zustand';
import type { MappingInput, OwnControl, OwnControlInput, UserMapping } from '../../shared/domain/own-controls/control';
import { api } from './api';
import { useApp } from './store';

interface OwnControlsState {
  file: string | null;
  controls: OwnControl[];
  mappings: UserMapping[];
  error: string | null;
  notice: string | null;
  load(file: string): Promise<void>;
  add(control: OwnControlInput): Promise<boolean>;
  map(mapping: MappingInput): Promise<boolean>;
  unmap(control: string, target: string): Promise<boolean>;
  retire(control: string, reason: string): Promise<boolean>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The organisation's own controls and user mappings of the open assessment. */
export const useOwnControls = create<OwnControlsState>()((set, get) => {
  /** A change, then the list, the catalog and the control list reloaded so every view sees it. */
  async function change(run: (file: string) => Promise<unknown>, notice: string): Promise<boolean> {
    const { file } = get();
    if (!file) return false;
    try {
      await run(file);
      set({ error: null, notice });
      await get().load(file);
      await useApp.getState().refresh({ quiet: true });
      if (!useApp.getState().catalog) await useApp.getState().loadCatalog();
      return true;
    } catch (error) {
      set({ error: message(error), notice: null });
      return false;
    }
  }

  return {
    file: null,
    controls: [],
    mappings: [],
    error: null,
    notice: null,

    async load(file) {
      if (file !== get().file) set({ file, controls: [], mappings: [], error: null, notice: null });
      try {
        set(await api.invoke('ownControls.list', { file }));
      } catch (error) {
        set({ error: message(error) });
      }
    },
    add: (control) => change((file) => api.invoke('ownControls.add', { file, control }), `Added ${control.id}.`),
    map: (mapping) => change((file) => api.invoke('ownControls.map', { file, mapping }), `Mapped ${mapping.control} to ${mapping.requirement ?? mapping.threat}.`),
    unmap: (control, target) => change((file) => api.invoke('ownControls.unmap', { file, control, mappedTo: target }), `Removed the mapping ${control} → ${target}.`),
    retire: (control, reason) => change((file) => api.invoke('ownControls.retire', { file, control, reason }), `Retired ${control}.`),
  };
});
