import type { LoggedDomain } from '../logged/domain';
import { ThreatDecisionPayload, threatDecisionLabels } from './decision';

type Payload = import('zod').infer<typeof ThreatDecisionPayload>;

/** Rows of system_threat are keyed "system id|threat id", in replay and in the file's reader alike. */
export const systemThreatKey = (systemId: string, threatId: string) => `${systemId}|${threatId}`;

export const threatsDomain: LoggedDomain = {
  tables: ['system_threat'],
  commands: {
    'systems.decideThreat': {
      label: 'Threat of an AI system decided',
      payload: ThreatDecisionPayload,
      apply(state, entry, p: Payload) {
        if (!state.ai_system?.has(entry.entityId)) return `entry ${entry.seq} decides a threat of ${entry.entityId}, a system the log never added`;
        state.system_threat!.set(systemThreatKey(entry.entityId, p.threatId), { decision: p.decision, reason: p.reason, decided_at: entry.at, decided_by: entry.actor });
        return undefined;
      },
      describe(entry) {
        const p = entry.payload as Payload;
        const why = p.reason ? ` (reason: ${p.reason})` : '';
        return { item: `${entry.entityId} ${p.threatId}`, change: `${threatDecisionLabels[p.decision]}${why}` };
      },
    },
  },
};
