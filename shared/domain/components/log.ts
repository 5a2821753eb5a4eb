import { z } from 'zod';
import type { AuditRecord } from '../audit';
import type { LoggedDomain, TablesState } from '../logged/domain';
import { setRecordRow } from '../logged/record-row';
import { Component, componentKindLabels } from './model';

/**
 * AI systems' components in the log: adding or changing one carries the whole component, so
 * replay rebuilds system_component exactly; removing one names it and why.
 */
export const ComponentChange = z.object({ record: Component });
export const ComponentRemoved = z.object({ systemId: z.string().min(1), reason: z.string().max(1000).nullable() });

type Change = z.infer<typeof ComponentChange>;
type P = Record<string, unknown>;

function describeChange(entityId: string, payload: unknown) {
  const parsed = Component.safeParse((payload as P | null)?.record);
  if (!parsed.success) return { item: entityId, change: '' };
  const c = parsed.data;
  const facts = [componentKindLabels[c.kind].toLowerCase(), c.version && `version ${c.version}`, c.licenses.length ? c.licenses.join(', ') : null, `from ${c.source.name}`];
  return { item: `${entityId} ${c.name} (${c.systemId})`, change: facts.filter(Boolean).join('; ') };
}

/** Adding and changing log the same payload and write the same row; only what must already exist differs. */
function written(label: string, refuse: (state: TablesState, entry: AuditRecord, p: Change) => string | undefined): LoggedDomain['commands'][string] {
  return {
    label,
    payload: ComponentChange,
    apply(state, entry, p: Change) {
      const problem = refuse(state, entry, p);
      if (!problem) setRecordRow(state, 'system_component', entry, p.record);
      return problem;
    },
    describe: (e) => describeChange(e.entityId, e.payload),
  };
}

export const componentsDomain: LoggedDomain = {
  tables: ['system_component'],
  commands: {
    'components.add': written('AI-BOM component added', (state, entry, p) =>
      state.ai_system?.has(p.record.systemId) ? undefined : `entry ${entry.seq} adds a component to ${p.record.systemId}, a system the log never added`,
    ),
    'components.update': written('AI-BOM component changed', (state, entry) =>
      state.system_component!.has(entry.entityId) ? undefined : `entry ${entry.seq} changes component ${entry.entityId}, which the log never added`,
    ),
    'components.remove': {
      label: 'AI-BOM component removed',
      payload: ComponentRemoved,
      apply(state, entry) {
        if (!state.system_component!.delete(entry.entityId)) return `entry ${entry.seq} removes component ${entry.entityId}, which the log never added`;
        return undefined;
      },
      describe: (e) => {
        const p = (e.payload ?? {}) as P;
        return { item: `${e.entityId} (${String(p.systemId ?? '')})`, change: p.reason ? `removed: ${String(p.reason)}` : 'removed' };
      },
    },
  },
};
