import { z } from 'zod';
import type { LoggedDomain, TablesState } from '../logged/domain';
import { setRecordRow } from '../logged/record-row';
import { Incident, reportingDeadline } from '../incidents';
import { MonitoringPlan } from './register';

/**
 * Incidents and post-market monitoring plans in the log: each change carries the whole new
 * incident record or plan, so replay rebuilds both tables exactly.
 */
export const incidentTables = ['incident', 'monitoring_plan'] as const;

export const IncidentChange = z.object({ record: Incident });
export const PlanChange = z.object({ plan: MonitoringPlan });

type P = Record<string, unknown>;
function describeIncident(entityId: string, payload: unknown) {
  const parsed = Incident.safeParse((payload as P | null)?.record);
  if (!parsed.success) return { item: entityId, change: '' };
  const i = parsed.data;
  const deadline = reportingDeadline(i);
  const change = [
    `${i.severity} severity, aware ${i.awareOn}`,
    deadline ? `serious: report due ${deadline.dueOn} (${deadline.basis})` : 'not a serious incident',
    i.reportedOn ? `reported ${i.reportedOn}` : '',
  ].filter(Boolean);
  return { item: `${entityId} ${i.title}`, change: change.join('; ') };
}

function applyIncident(state: TablesState, entry: { at: string; actor: string; entityId: string }, record: Incident) {
  setRecordRow(state, 'incident', entry, record);
}

export const incidentDomain: LoggedDomain = {
  tables: incidentTables,
  commands: {
    'incidents.add': {
      label: 'Incident recorded',
      payload: IncidentChange,
      apply(state, entry, p: z.infer<typeof IncidentChange>) {
        applyIncident(state, entry, p.record);
        return undefined;
      },
      describe: (e) => describeIncident(e.entityId, e.payload),
    },
    'incidents.update': {
      label: 'Incident changed',
      payload: IncidentChange,
      apply(state, entry, p: z.infer<typeof IncidentChange>) {
        if (!state.incident!.has(entry.entityId)) return `entry ${entry.seq} changes incident ${entry.entityId}, which the log never recorded`;
        applyIncident(state, entry, p.record);
        return undefined;
      },
      describe: (e) => describeIncident(e.entityId, e.payload),
    },
    'incidents.setPlan': {
      label: 'Post-market monitoring plan set',
      payload: PlanChange,
      apply(state, entry, p: z.infer<typeof PlanChange>) {
        state.monitoring_plan!.set(entry.entityId, { title: p.plan.title, reference: p.plan.reference, review_date: p.plan.reviewDate, updated_at: entry.at, updated_by: entry.actor });
        return undefined;
      },
      describe: (e) => {
        const plan = ((e.payload as P | null)?.plan ?? {}) as P;
        return { item: e.entityId, change: `${String(plan.title ?? '')} (${String(plan.reference ?? '')}), review by ${String(plan.reviewDate ?? '')}` };
      },
    },
  },
};
