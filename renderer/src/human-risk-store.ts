import { create } from 'zustand';
import type { CommandOutput } from '../../shared/commands';
import type { RiskLevel } from '../../shared/domain/risk';
import { api } from './api';
import { useRisks } from './risks-store';
import { changeAndReload, errorMessage } from './store-change';

type Correlation = CommandOutput<'humanRisk.correlation'>;
type Summary = CommandOutput<'humanRisk.summary'>;

interface HumanRiskState {
  file: string | null;
  summary: Summary | null;
  correlation: Correlation | null;
  error: string | null;
  notice: string | null;
  load(file: string): Promise<void>;
  /** Feeds a suggested likelihood to the register: the system's risk for the threat is updated, or added. */
  applyLikelihood(target: { systemId: string; threatId: string; threatName: string; riskId: string | null; likelihood: RiskLevel; impact: RiskLevel }): Promise<boolean>;
}

/** Human-risk figures and their correlation with the AI systems of the open assessment. */
export const useHumanRisk = create<HumanRiskState>()((set, get) => ({
  file: null,
  summary: null,
  correlation: null,
  error: null,
  notice: null,

  async load(file) {
    if (file !== get().file) set({ file, summary: null, correlation: null, error: null, notice: null });
    try {
      const [summary, correlation] = await Promise.all([api.invoke('humanRisk.summary', { file }), api.invoke('humanRisk.correlation', { file })]);
      set({ summary, correlation });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  async applyLikelihood(t) {
    const done = await changeAndReload(get(), (error) => set({ error }), (file) =>
      t.riskId
        ? api.invoke('risks.update', { file, risk: t.riskId, changes: { likelihood: t.likelihood } })
        : api.invoke('risks.add', {
            file,
            risk: { system: t.systemId, threat: t.threatId, title: t.threatName, likelihood: t.likelihood, impact: t.impact, treatment: 'mitigate', controls: [], status: 'open' },
          }),
    );
    if (done) {
      set({ notice: `${done.risk.id}: likelihood set to ${t.likelihood} from the human-risk figures` });
      useRisks.getState().invalidate();
    }
    return done !== null;
  },
}));
