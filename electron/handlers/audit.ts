import { basename } from 'node:path';
import Papa from 'papaparse';
import type { AuditEntry } from '../../shared/commands';
import { auditKinds, describeAuditEntry } from '../../shared/domain/audit-labels';
import { formatHead } from '../../shared/domain/head';
import type { Assessment } from '../store/assessment';
import { type StoredEntry, listAudit } from '../store/audit';
import { nameResolver } from '../store/people';
import { verifyAssessment } from '../store/verify';
import type { SignatureOptions } from '../store/verify-signoffs';
import { type HandlerContext, actorOf } from './context';
import { trustedKeys } from './signoff';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

/** Entries as an auditor reads them: who by name, what happened in words, the item by its name. */
export function describeEntries(a: Assessment, entries: StoredEntry[]): AuditEntry[] {
  const name = nameResolver(a.db);
  const controls = new Map(a.listControls().map((c) => [c.id, c.name]));
  const assessmentName = a.summary().name;
  return entries.map((e) => ({
    ...e,
    actorName: name(e.actor) ?? e.actor,
    ...describeAuditEntry(e, { control: (id) => controls.get(id), assessment: () => assessmentName }),
  }));
}

/** The user's pinned keys plus those given for this call; undefined when there is nothing to pass (so verify jobs can still be shared). */
export function signatureOptions(ctx: HandlerContext, input: { trust?: readonly string[] | undefined; requireTrusted?: boolean | undefined }): SignatureOptions | undefined {
  const trusted = [...trustedKeys(ctx, input.trust ?? []).entries()];
  return trusted.length || input.requireTrusted ? { trusted, requireTrusted: input.requireTrusted ?? false } : undefined;
}

export const auditHandlers: Pick<Handlers, 'audit.list' | 'audit.export' | 'audit.verify' | 'people.list' | 'people.erase'> = {
  'audit.list': (input) => {
    const a = useForReading(input.file);
    const entries = listAudit(a.db, { from: input.from, to: input.to, actor: input.actor, commands: input.kinds, limit: input.limit });
    const actors = a.db.prepare('SELECT DISTINCT actor FROM audit_log').all() as { actor: string }[];
    const name = nameResolver(a.db);
    return {
      entries: describeEntries(a, entries),
      total: a.head().count,
      head: formatHead(a.head()),
      actors: actors.map(({ actor }) => ({ id: actor, name: name(actor) ?? actor })).sort((x, y) => x.name.localeCompare(y.name)),
      kinds: auditKinds.map((k) => ({ command: k.command, label: k.label })),
    };
  },

  'audit.export': (input) => {
    const a = useForReading(input.file);
    const head = formatHead(a.head());
    const entries = describeEntries(a, listAudit(a.db, { ascending: true }));
    const stem = basename(a.file).replace(/\.assay$/i, '');
    if (input.format === 'json')
      return {
        fileName: `${stem}-audit-log.json`,
        mediaType: 'application/json',
        head,
        content: JSON.stringify({ assessment: a.summary().name, file: a.file, head, exportedAt: new Date().toISOString(), entries }, null, 2),
      };
    const rows = entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actorName,
      what: e.label,
      item: e.item,
      change: e.change,
      command: e.command,
      entity: e.entity,
      entity_id: e.entityId,
      payload: JSON.stringify(e.payload),
      actor_digest: e.actorDigest ?? '',
      prev_hash: e.prevHash,
      hash: e.hash,
    }));
    // escapeFormulae: a cell starting with = + - @ tab or CR is prefixed so a spreadsheet never runs it.
    // Line feeds, not CRLF: the command line escapes every carriage return it prints (a terminal
    // safeguard), and spreadsheets read either.
    const csv = Papa.unparse(rows, { escapeFormulae: true, newline: '\n' });
    return { fileName: `${stem}-audit-log.csv`, mediaType: 'text/csv', head, content: `${csv}\n# head,${head}\n` };
  },

  'audit.verify': (input, ctx) => verifyAssessment(useForReading(input.file), { expectHead: input.expectHead, signatures: signatureOptions(ctx, input) }),

  'people.list': (input) => ({ people: useForReading(input.file).people() }),

  'people.erase': (input, ctx) => {
    const { actor } = actorOf(ctx);
    useForWriting(input.file, actor).assessment.erasePerson(input.personId, actor);
    return { erased: true as const };
  },
};
