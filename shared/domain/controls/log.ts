import { z } from 'zod';
import { ControlEntryDetails } from '../control-entry';
import { ControlState, controlStateLabels } from '../control-state';
import type { AuditNames, LoggedDomain, Row, TablesState } from '../logged/domain';

/**
 * Per-system control entries in the log. The organisation's entries stay the core's
 * `controls.setState`; a system's own entry, which overrides the organisation's for that system,
 * is logged here with everything replay needs to rebuild its row.
 */
export const SYSTEM_CONTROL_TABLE = 'system_control_state';

/** The key both replay and the file reader use for a row: system id, then control id. */
export function systemEntryKey(systemId: string, controlId: string): string {
  return `${systemId}|${controlId}`;
}

const Sha = z.string().regex(/^[0-9a-f]{64}$/);

export const SetSystemStatePayload = z.object({
  systemId: z.string().min(1),
  /** The system's own state before, or null when it followed the organisation's entry. */
  from: ControlState.nullable(),
  to: ControlState,
  justification: z.string().nullable(),
  entry: ControlEntryDetails,
  people: z.record(z.string(), Sha),
});
export type SetSystemStatePayload = z.infer<typeof SetSystemStatePayload>;

export const RemoveSystemEntryPayload = z.object({ systemId: z.string().min(1), from: ControlState });
export type RemoveSystemEntryPayload = z.infer<typeof RemoveSystemEntryPayload>;

/** The row exactly as the store writes it (electron/store/control-entries.ts reads it back in this shape). */
export function systemEntryRow(p: SetSystemStatePayload, at: string, actor: string): Row {
  return {
    state: p.to,
    justification: p.justification,
    owner: p.entry.owner,
    due_date: p.entry.dueDate,
    maturity: p.entry.maturity,
    notes: p.entry.notes,
    last_review: p.entry.lastReview,
    next_review: p.entry.nextReview,
    updated_at: at,
    updated_by: actor,
  };
}

function item(controlId: string, systemId: string, names: AuditNames): string {
  const name = names.control(controlId);
  return `${controlId}${name ? ` ${name}` : ''} for ${systemId}`;
}

const label = (s: ControlState | null) => (s === null ? 'as the organisation' : controlStateLabels[s]);

export const controlEntriesDomain: LoggedDomain = {
  tables: [SYSTEM_CONTROL_TABLE],
  commands: {
    'controls.setSystemState': {
      label: 'Control state changed for a system',
      payload: SetSystemStatePayload,
      apply(state: TablesState, entry, p: SetSystemStatePayload) {
        state[SYSTEM_CONTROL_TABLE]!.set(systemEntryKey(p.systemId, entry.entityId), systemEntryRow(p, entry.at, entry.actor));
        return undefined;
      },
      describe(entry, names) {
        const p = entry.payload as SetSystemStatePayload;
        const why = p.justification ? ` (justification: ${p.justification})` : '';
        return { item: item(entry.entityId, p.systemId, names), change: `${label(p.from)} → ${label(p.to)}${why}` };
      },
    },
    'controls.removeSystemEntry': {
      label: "System's own control entry removed",
      payload: RemoveSystemEntryPayload,
      apply(state: TablesState, entry, p: RemoveSystemEntryPayload) {
        const key = systemEntryKey(p.systemId, entry.entityId);
        if (!state[SYSTEM_CONTROL_TABLE]!.has(key)) return `entry ${entry.seq} removes an entry of ${p.systemId} for ${entry.entityId} that the log never wrote`;
        state[SYSTEM_CONTROL_TABLE]!.delete(key);
        return undefined;
      },
      describe(entry, names) {
        const p = entry.payload as RemoveSystemEntryPayload;
        return { item: item(entry.entityId, p.systemId, names), change: `${label(p.from)} → follows the organisation's entry` };
      },
    },
  },
};
