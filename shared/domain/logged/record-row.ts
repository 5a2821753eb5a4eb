import { canonicalJson } from '../canonical-json';
import type { TablesState } from './domain';

/**
 * The row of a table holding one validated record per id (risks, incidents, findings) as replay rebuilds it:
 * the record in canonical JSON, its system, who created it and who changed it last.
 */
export function setRecordRow(state: TablesState, table: string, entry: { at: string; actor: string; entityId: string }, record: { systemId: string | null }): void {
  const rows = state[table]!;
  const before = rows.get(entry.entityId);
  rows.set(entry.entityId, {
    system_id: record.systemId,
    record: canonicalJson(record),
    created_at: before?.created_at ?? entry.at,
    created_by: before?.created_by ?? entry.actor,
    updated_at: entry.at,
    updated_by: entry.actor,
  });
}
