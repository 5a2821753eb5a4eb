import { create } from 'zustand';
import type { Threat } from '../../shared/catalog/schema';
import type { SystemThreat, ThreatDecisionInput } from '../../shared/domain/threats/decision';
import { api } from './api';
import { useAudit } from './audit-store';

interface ThreatsState {
  key: string | null;
  threats: SystemThreat[];
  /** Every catalog threat, to add one the rules did not suggest. */
  catalog: Threat[];
  error: string | null;
  load(file: string, systemId: string): Promise<void>;
  decide(file: string, systemId: string, decision: ThreatDecisionInput): Promise<boolean>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The threats of the AI system shown in the detail panel. */
export const useThreats = create<ThreatsState>()((set, get) => ({
  key: null,
  threats: [],
  catalog: [],
  error: null,

  async load(file, systemId) {
    const key = `${file}|${systemId}`;
    if (key !== get().key) set({ key, threats: [], error: null });
    try {
      const [{ threats }, catalog] = await Promise.all([
        api.invoke('systems.threats', { file, system: systemId }),
        get().catalog.length ? Promise.resolve(null) : api.invoke('catalog.get', { file }),
      ]);
      if (get().key !== key) return;
      set({ threats, ...(catalog ? { catalog: catalog.threats } : {}) });
    } catch (error) {
      set({ error: message(error) });
    }
  },

  async decide(file, systemId, decision) {
    try {
      await api.invoke('systems.decideThreat', { file, system: systemId, decision });
      set({ error: null });
      useAudit.getState().invalidate();
      await get().load(file, systemId);
      return true;
    } catch (error) {
      set({ error: message(error) });
      return false;
    }
  },
}));
