import { z } from 'zod';
import type { LoggedDomain, Row } from '../logged/domain';
import { HumanMetric, metricInfo } from './model';

/**
 * Human-risk figures in the log: each entry carries the whole figure (with the pseudonym, never a
 * name), so replay rebuilds the table. The pseudonymisation key is not here: see secretTables.
 */
export const humanRiskTables = ['human_metric'] as const;

export const MetricChange = z.object({ metric: HumanMetric });

/** The row replay produces and the store reads, keyed by id. */
export function metricRow(m: HumanMetric, at: string, actor: string): Row {
  return {
    subject_kind: m.subjectKind,
    subject: m.subject,
    group_name: m.group,
    metric: m.metric,
    value: m.value,
    value_text: m.valueText,
    measured_on: m.measuredOn,
    label: m.label,
    source: m.source,
    control_id: m.control,
    external_id: m.externalId,
    batch_id: m.batchId,
    recorded_at: at,
    recorded_by: actor,
  };
}

/** How a figure reads in the audit log: "Sales: Phish-prone % 14.2 on 2026-10-01 (knowbe4)". */
export function describeMetric(m: HumanMetric): string {
  const who = m.subjectKind === 'organisation' ? 'organisation' : m.subjectKind === 'group' ? m.subject : `${m.subject}${m.group ? ` (${m.group})` : ''}`;
  const value = [m.valueText, m.value === null ? null : String(Math.round(m.value * 100) / 100)].filter((v) => v !== null).join(' ');
  return `${who}: ${metricInfo[m.metric].label} ${value} on ${m.measuredOn} (${m.source})`;
}

export const humanRiskDomain: LoggedDomain = {
  tables: humanRiskTables,
  commands: {
    'humanRisk.record': {
      label: 'Human-risk figure recorded',
      payload: MetricChange,
      apply(state, entry, p: z.infer<typeof MetricChange>) {
        if (p.metric.id !== entry.entityId) return `entry ${entry.seq} records figure ${p.metric.id} under id ${entry.entityId}`;
        state.human_metric!.set(entry.entityId, metricRow(p.metric, entry.at, entry.actor));
        return undefined;
      },
      describe: (e) => {
        const parsed = MetricChange.safeParse(e.payload);
        return { item: `${e.entityId} ${parsed.success ? parsed.data.metric.control : ''}`.trim(), change: parsed.success ? describeMetric(parsed.data.metric) : '' };
      },
    },
  },
};
