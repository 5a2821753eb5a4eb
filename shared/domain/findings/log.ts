import { z } from 'zod';
import type { LoggedDomain } from '../logged/domain';
import { setRecordRow } from '../logged/record-row';
import { Finding, findingStatusLabels } from './model';

/**
 * The findings register in the log: every change carries the whole new finding and the digests of
 * the people it names (owner, approver), so replay rebuilds the table and the person table exactly.
 * Imports log the same entries inside their batch entry.
 */
export const findingTables = ['finding'] as const;

const People = z.record(z.string(), z.string());
export const FindingChange = z.object({ record: Finding, people: People });

function describe(e: { entityId: string; payload: unknown }) {
  const parsed = Finding.safeParse((e.payload as { record?: unknown } | null)?.record);
  if (!parsed.success) return { item: e.entityId, change: '' };
  const f = parsed.data;
  const change = [`${f.data.severity}`, findingStatusLabels[f.status].toLowerCase(), f.dueDate ? `due ${f.dueDate}` : '', f.expiresOn ? `accepted until ${f.expiresOn}` : '']
    .filter(Boolean)
    .join(', ');
  return { item: `${f.id} ${f.title}`, change };
}

export const findingsDomain: LoggedDomain = {
  tables: findingTables,
  commands: {
    'findings.add': {
      label: 'Finding recorded',
      payload: FindingChange,
      apply(state, entry, p: z.infer<typeof FindingChange>) {
        if (state.finding!.has(entry.entityId)) return `entry ${entry.seq} records finding ${entry.entityId} a second time`;
        setRecordRow(state, 'finding', entry, p.record);
        return undefined;
      },
      describe,
    },
    'findings.update': {
      label: 'Finding changed',
      payload: FindingChange,
      apply(state, entry, p: z.infer<typeof FindingChange>) {
        if (!state.finding!.has(entry.entityId)) return `entry ${entry.seq} changes finding ${entry.entityId}, which the log never recorded`;
        setRecordRow(state, 'finding', entry, p.record);
        return undefined;
      },
      describe,
    },
  },
};
