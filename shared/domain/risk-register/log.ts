import { z } from 'zod';
import type { AuditRecord } from '../audit';
import { canonicalJson } from '../canonical-json';
import type { LoggedDomain, TablesState } from '../logged/domain';
import { setRecordRow } from '../logged/record-row';
import { Risk, RiskAcceptance, inherentScore, residualScore, treatmentLabels } from '../risk';

/**
 * The risk register in the log: every change carries the whole new risk record, an acceptance
 * carries the acceptance (with the snapshot the approver saw) and the risk as it then stands,
 * so replay rebuilds both tables exactly.
 */
export const riskTables = ['risk', 'risk_acceptance'] as const;

/** People a change names (owner, approver): id → keyed digest. */
const People = z.record(z.string(), z.string());
export const RiskChange = z.object({ record: Risk, people: People });
export const RiskAccepted = z.object({ acceptanceId: z.string().min(1), acceptance: RiskAcceptance, record: Risk, people: People });

/** The risk row as stored: its record in canonical JSON, who created and last changed it. */
export function setRisk(state: TablesState, entry: Pick<AuditRecord, 'at' | 'actor' | 'entityId'>, record: Risk): void {
  setRecordRow(state, 'risk', entry, record);
}

type P = Record<string, unknown>;
const scores = (r: P) => {
  const parsed = Risk.safeParse(r);
  if (!parsed.success) return '';
  const residual = residualScore(parsed.data);
  return `inherent ${inherentScore(parsed.data)}${residual === null ? '' : `, residual ${residual}`}, ${treatmentLabels[parsed.data.treatment].toLowerCase()}`;
};
const title = (entityId: string, p: unknown) => `${entityId} ${String(((p as P | null)?.record as P | undefined)?.title ?? '')}`.trim();

export const riskDomain: LoggedDomain = {
  tables: riskTables,
  commands: {
    'risks.add': {
      label: 'Risk added',
      payload: RiskChange,
      apply(state, entry, p: z.infer<typeof RiskChange>) {
        setRisk(state, entry, p.record);
        return undefined;
      },
      describe: (e) => ({ item: title(e.entityId, e.payload), change: scores(((e.payload as P).record ?? {}) as P) }),
    },
    'risks.update': {
      label: 'Risk changed',
      payload: RiskChange,
      apply(state, entry, p: z.infer<typeof RiskChange>) {
        if (!state.risk!.has(entry.entityId)) return `entry ${entry.seq} changes risk ${entry.entityId}, which the log never added`;
        setRisk(state, entry, p.record);
        return undefined;
      },
      describe: (e) => ({ item: title(e.entityId, e.payload), change: scores(((e.payload as P).record ?? {}) as P) }),
    },
    'risks.accept': {
      label: 'Risk accepted',
      payload: RiskAccepted,
      apply(state, entry, p: z.infer<typeof RiskAccepted>) {
        if (!state.risk!.has(entry.entityId)) return `entry ${entry.seq} accepts risk ${entry.entityId}, which the log never added`;
        setRisk(state, entry, p.record);
        state.risk_acceptance!.set(p.acceptanceId, { risk_id: entry.entityId, record: canonicalJson(p.acceptance), recorded_at: entry.at, recorded_by: entry.actor });
        return undefined;
      },
      describe: (e) => {
        const a = ((e.payload as P).acceptance ?? {}) as P;
        return { item: title(e.entityId, e.payload), change: `approved on ${String(a.approvedOn)}, expires ${String(a.expiresOn)}` };
      },
    },
  },
};
