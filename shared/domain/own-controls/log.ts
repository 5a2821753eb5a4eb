import type { z } from 'zod';
import type { LoggedDomain, Row, TableRows, TablesState } from '../logged/domain';
import { payloads } from './control';

type P<K extends keyof typeof payloads> = z.infer<(typeof payloads)[K]>;

export const mappingKey = (controlId: string, target: string) => `${controlId}|${target}`;

/** catalog_control as own controls add to it: every active own control, in the catalog's row shape. */
export function ownCatalogControls(state: TablesState): TableRows {
  const out: TableRows = new Map();
  for (const [id, r] of state.own_control ?? new Map<string, Row>())
    if (r.retired_at === null) out.set(id, { name: r.name!, objective: r.objective!, type: r.type!, guidance: r.guidance!, evidence: r.evidence! });
  return out;
}

export const ownControlsDomain: LoggedDomain = {
  tables: ['own_control', 'control_mapping'],
  commands: {
    'ownControls.add': {
      label: 'Own control added',
      payload: payloads.add,
      apply(state, entry, { control: c }: P<'add'>) {
        if (state.own_control!.has(c.id)) return `entry ${entry.seq} adds own control ${c.id} a second time`;
        state.own_control!.set(c.id, {
          name: c.name,
          objective: c.objective,
          type: c.type,
          guidance: c.guidance,
          evidence: JSON.stringify(c.evidence),
          created_at: entry.at,
          created_by: entry.actor,
          retired_at: null,
          retired_by: null,
          retired_reason: null,
        });
        return undefined;
      },
      describe: (entry) => ({ item: `${entry.entityId} ${(entry.payload as P<'add'>).control.name}`, change: 'added to the organisation’s controls' }),
    },
    'ownControls.map': {
      label: 'Control mapped',
      payload: payloads.map,
      apply(state, entry, p: P<'map'>) {
        state.control_mapping!.set(mappingKey(entry.entityId, p.target), {
          kind: p.kind,
          relationship: p.relationship,
          rationale: p.rationale,
          mapped_at: entry.at,
          mapped_by: entry.actor,
        });
        return undefined;
      },
      describe(entry, names) {
        const p = entry.payload as P<'map'>;
        const name = names.control(entry.entityId);
        return { item: name ? `${entry.entityId} ${name}` : entry.entityId, change: `→ ${p.target}${p.relationship ? ` (${p.relationship})` : ''}: ${p.rationale}` };
      },
    },
    'ownControls.unmap': {
      label: 'Control mapping removed',
      payload: payloads.unmap,
      apply(state, entry, p: P<'unmap'>) {
        state.control_mapping!.delete(mappingKey(entry.entityId, p.target));
        return undefined;
      },
      describe: (entry) => ({ item: entry.entityId, change: `no longer → ${(entry.payload as P<'unmap'>).target}` }),
    },
    'ownControls.retire': {
      label: 'Own control retired',
      payload: payloads.retire,
      apply(state, entry, p: P<'retire'>) {
        const row = state.own_control!.get(entry.entityId);
        if (!row) return `entry ${entry.seq} retires own control ${entry.entityId}, which the log never added`;
        state.own_control!.set(entry.entityId, { ...row, retired_at: entry.at, retired_by: entry.actor, retired_reason: p.reason });
        // A retired control leaves the control list; its state goes with it (the log keeps its history).
        state.control_state?.delete(entry.entityId);
        // …and so do the entries systems kept for it.
        const systemEntries = state.system_control_state;
        if (systemEntries) for (const key of [...systemEntries.keys()]) if (key.endsWith(`|${entry.entityId}`)) systemEntries.delete(key);
        return undefined;
      },
      describe: (entry) => {
        const p = entry.payload as P<'retire'>;
        return { item: `${entry.entityId} ${p.name}`, change: `retired: ${p.reason}` };
      },
    },
  },
};
