import { changedFields } from '../../../shared/domain/components/model';
import { AssayError } from '../../../shared/errors';
import { ComponentRecordData } from '../../../shared/imports/component-data';
import { componentByExternalId, findComponent, saveComponent } from '../../store/components';
import type { Assessment } from '../../store/assessment';
import type { ImportRecord, Planned, RecordSink } from '../importer';

/**
 * AI-BOM components into AI systems' component lists. A component is known again by the id its
 * BOM gives it, per system (the same bom-ref in two systems' BOMs is two components): a re-import
 * updates what changed and leaves the rest. The BOM kept as evidence counts for SUP-01 (AI bill
 * of materials) of each system it fed.
 */

/** The ref the engine keeps per system: a BOM's ids are only unique within the system it describes. */
const refKey = (systemId: string, externalId: string) => `${systemId}|${externalId}`;

function existing(a: Assessment, ref: string | undefined, systemId: string, externalId: string) {
  if (ref) {
    try {
      const found = findComponent(a, ref);
      if (found.systemId === systemId) return found;
    } catch {
      // Removed since the last import: found by its external id below, or created again.
    }
  }
  return componentByExternalId(a, systemId, externalId);
}

const skip = (record: ImportRecord, detail: string): Planned => ({ record, action: 'skip', entityId: null, detail });

export const componentsSink: RecordSink = {
  kind: 'component',

  plan(records, ctx) {
    const seen = new Set<string>();
    return records.map((record): Planned => {
      const parsed = ComponentRecordData.safeParse(record.data);
      if (!parsed.success) return skip(record, `not a component as the readers hand them (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      const systemId = ctx.systemOf(record);
      if (systemId === null) return skip(record, 'no AI system to add it to: choose the system the BOM describes (--system)');
      const key = refKey(systemId, record.externalId);
      if (seen.has(key)) return skip(record, `the BOM lists ${record.externalId} twice for this system; the first is imported`);
      seen.add(key);
      if (systemId === 'new') return { record, action: 'create', entityId: null, detail: 'component of a system created by this import' };
      const { component, source } = parsed.data;
      const current = existing(ctx.a, ctx.ref('component', key), systemId, record.externalId);
      if (!current) return { record, action: 'create', entityId: null, detail: `${component.kind} for ${systemId}` };
      const changes = changedFields(current, component);
      if (current.source.name !== source.name) changes.push(`source ${current.source.name} → ${source.name}`);
      return changes.length ? { record, action: 'update', entityId: current.id, detail: changes.join('; ') } : { record, action: 'unchanged', entityId: current.id, detail: 'as imported before' };
    });
  },

  apply(planned, ctx) {
    const systems = new Set<string>();
    planned.forEach((p, i) => {
      if (ctx.isCancelled()) throw new AssayError('refused', 'the import was cancelled; nothing was changed');
      const systemId = p.action === 'skip' ? null : ctx.systemOf(p.record);
      if (!systemId) return;
      systems.add(systemId);
      const key = refKey(systemId, p.record.externalId);
      if (p.action === 'unchanged') {
        ctx.setRef('component', key, p.entityId!);
        return;
      }
      const { component, source } = ComponentRecordData.parse(p.record.data);
      // A component planned for a system this import creates may exist by now only if the BOM repeated it.
      const current = p.entityId ?? existing(ctx.a, ctx.ref('component', key), systemId, p.record.externalId)?.id;
      const saved = saveComponent(ctx.a, { systemId, externalId: p.record.externalId, source: { ...source, batchId: ctx.batchId }, data: component }, ctx.actor, current);
      ctx.setRef('component', key, saved.id);
      if (i % 200 === 0) ctx.progress(i, planned.length);
    });
    if (systems.size) ctx.linkEvidence([...systems].sort().map((system) => ({ kind: 'control' as const, target: 'SUP-01', system })));
  },
};
