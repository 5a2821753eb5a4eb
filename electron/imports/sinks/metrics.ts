import { MetricInput, metricInfo, sameFigure } from '../../../shared/domain/human-risk/model';
import { getMetric, recordMetrics } from '../../store/human-risk';
import type { ImportRecord, Planned, RecordSink } from '../importer';

/**
 * Human-risk figures from awareness platforms. A figure imported before (same external id) is
 * updated, or left alone when nothing changed; the evidence that keeps the (pseudonymised) source
 * is linked to each human-risk control the figures measure.
 */
export const metricSink: RecordSink = {
  kind: 'metric',

  plan(records, ctx) {
    return records.map((record): Planned => {
      const parsed = MetricInput.safeParse({ ...(record.data as object), externalId: record.externalId });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.problem({ severity: 'error', location: record.location, field: issue.path.join('.') || null, message: issue.message });
        return { record, action: 'skip', entityId: null, detail: issue.message };
      }
      const figure = parsed.data;
      const id = ctx.ref('metric', record.externalId);
      const stored = id === undefined ? undefined : getMetric(ctx.a, id);
      const typed: ImportRecord<MetricInput> = { ...record, data: figure };
      if (!stored || id === undefined) return { record: typed, action: 'create', entityId: null, detail: `${metricInfo[figure.metric].label} for ${figure.control}` };
      if (sameFigure(stored, figure)) return { record: typed, action: 'unchanged', entityId: id, detail: '' };
      const changed = (['value', 'valueText', 'measuredOn', 'group', 'label'] as const).filter((k) => stored[k] !== figure[k]);
      return { record: typed, action: 'update', entityId: id, detail: changed.join(', ') || 'figure' };
    });
  },

  apply(planned, ctx) {
    const writing = planned.filter((p) => p.action === 'create' || p.action === 'update');
    const written = recordMetrics(
      ctx.a,
      writing.map((p) => ({ input: p.record.data as MetricInput, id: p.entityId ?? undefined, location: p.record.location })),
      ctx.actor,
      { batchId: ctx.batchId, keepIdentities: ctx.options.keepIdentities === true },
    );
    written.forEach((metric, i) => ctx.setRef('metric', writing[i]!.record.externalId, metric.id));
    const controls = [...new Set(planned.filter((p) => p.action !== 'skip').map((p) => (p.record.data as MetricInput).control))].sort();
    if (controls.length) ctx.linkEvidence(controls.map((control) => ({ kind: 'control', target: control, system: null })));
    ctx.progress(planned.length, planned.length);
  },
};
