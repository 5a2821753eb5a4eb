import { z } from 'zod';
import type { AuditRecord } from '../audit';
import type { LoggedDomain, Row, TablesState } from '../logged/domain';
import { describeLink, linkKey, Sha256, type StoredLink, StoredLink as StoredLinkSchema } from './model';

/**
 * Evidence in the log. Each entry carries what replay needs to rebuild the metadata rows, the
 * revisions and the blob index (SHA-256 and size of every stored file). The file contents are
 * not in the log: `verify` re-hashes them against the SHA-256 the log names.
 */

export const evidenceTables = ['evidence', 'evidence_revision', 'evidence_link', 'evidence_blob'] as const;

const Revision = z.object({ rev: z.number().int().min(1), sha256: Sha256, size: z.number().int().min(0), fileName: z.string() });
const Meta = z.object({
  title: z.string(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  validUntil: z.string().nullable(),
});

export const evidencePayloads = {
  'evidence.add': z.object({ meta: Meta, revision: Revision, links: z.array(StoredLinkSchema) }),
  'evidence.revise': z.object({ revision: Revision }),
  'evidence.update': z.object({ meta: Meta }),
  'evidence.link': z.object({ links: z.array(StoredLinkSchema).min(1) }),
  'evidence.unlink': z.object({ links: z.array(StoredLinkSchema).min(1) }),
};
type P<C extends keyof typeof evidencePayloads> = z.infer<(typeof evidencePayloads)[C]>;

/** The evidence row as the file holds it and replay rebuilds it. */
export function evidenceRow(meta: z.infer<typeof Meta>): Row {
  return {
    title: meta.title,
    description: meta.description,
    source: meta.source,
    effective_from: meta.effectiveFrom,
    effective_to: meta.effectiveTo,
    valid_until: meta.validUntil,
  };
}

function putRevision(state: TablesState, entry: AuditRecord, r: z.infer<typeof Revision>): void {
  state.evidence_revision!.set(`${entry.entityId}#${r.rev}`, { sha256: r.sha256, file_name: r.fileName, received_at: entry.at, received_by: entry.actor });
  state.evidence_blob!.set(r.sha256, { size: r.size });
}

function putLinks(state: TablesState, entry: AuditRecord, links: StoredLink[]): void {
  for (const link of links) state.evidence_link!.set(linkKey(entry.entityId, link), { linked_at: entry.at, linked_by: entry.actor });
}

const item = (entry: { entityId: string }) => entry.entityId;
const links = (list: StoredLink[]) => list.map(describeLink).join(', ');

export const evidenceDomain: LoggedDomain = {
  tables: evidenceTables,
  commands: {
    'evidence.add': {
      label: 'Evidence added',
      payload: evidencePayloads['evidence.add'],
      apply(state, entry, p: P<'evidence.add'>) {
        state.evidence!.set(entry.entityId, { ...evidenceRow(p.meta), created_at: entry.at, created_by: entry.actor, updated_at: entry.at, updated_by: entry.actor });
        putRevision(state, entry, p.revision);
        putLinks(state, entry, p.links);
        return undefined;
      },
      describe(entry) {
        const p = entry.payload as P<'evidence.add'>;
        const to = p.links?.length ? `; linked to ${links(p.links)}` : '';
        return { item: `${item(entry)} ${p.meta?.title ?? ''}`.trim(), change: `${p.revision?.fileName} (SHA-256 ${p.revision?.sha256?.slice(0, 12)}…)${to}` };
      },
    },
    'evidence.revise': {
      label: 'Evidence revised',
      payload: evidencePayloads['evidence.revise'],
      apply(state, entry, p: P<'evidence.revise'>) {
        const row = state.evidence!.get(entry.entityId);
        if (!row) return `entry ${entry.seq} revises evidence ${entry.entityId}, which the log never added`;
        state.evidence!.set(entry.entityId, { ...row, updated_at: entry.at, updated_by: entry.actor });
        putRevision(state, entry, p.revision);
        return undefined;
      },
      describe(entry) {
        const p = entry.payload as P<'evidence.revise'>;
        return { item: item(entry), change: `revision ${p.revision?.rev}: ${p.revision?.fileName} (SHA-256 ${p.revision?.sha256?.slice(0, 12)}…); earlier revisions kept` };
      },
    },
    'evidence.update': {
      label: 'Evidence details changed',
      payload: evidencePayloads['evidence.update'],
      apply(state, entry, p: P<'evidence.update'>) {
        const row = state.evidence!.get(entry.entityId);
        if (!row) return `entry ${entry.seq} changes evidence ${entry.entityId}, which the log never added`;
        state.evidence!.set(entry.entityId, { ...row, ...evidenceRow(p.meta), updated_at: entry.at, updated_by: entry.actor });
        return undefined;
      },
      describe(entry) {
        const p = entry.payload as P<'evidence.update'>;
        return { item: `${item(entry)} ${p.meta?.title ?? ''}`.trim(), change: `valid until ${p.meta?.validUntil ?? 'open'}` };
      },
    },
    'evidence.link': {
      label: 'Evidence linked',
      payload: evidencePayloads['evidence.link'],
      apply(state, entry, p: P<'evidence.link'>) {
        putLinks(state, entry, p.links);
        return undefined;
      },
      describe: (entry) => ({ item: item(entry), change: `linked to ${links((entry.payload as P<'evidence.link'>).links ?? [])}` }),
    },
    'evidence.unlink': {
      label: 'Evidence unlinked',
      payload: evidencePayloads['evidence.unlink'],
      apply(state, entry, p: P<'evidence.unlink'>) {
        for (const link of p.links) state.evidence_link!.delete(linkKey(entry.entityId, link));
        return undefined;
      },
      describe: (entry) => ({ item: item(entry), change: `no longer linked to ${links((entry.payload as P<'evidence.unlink'>).links ?? [])}` }),
    },
  },
};


