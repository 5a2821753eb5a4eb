import { sign } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SignoffStatus } from '../../shared/command-groups/signoff';
import type { TableRows } from '../../shared/domain/replay';
import { type SignoffRecord, signoffRow } from '../../shared/domain/signoff/log';
import { type SignoffRole, signoffMessage } from '../../shared/domain/signoff/message';
import type { UnlockedKey } from '../signing/keys';
import { type JudgeContext, type SignoffRowData, judgeSignoff } from '../signing/judge';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { rowsOf } from './record-tables';
import { hasTable } from './sqlite';

/** The sign-off register: written by signoff.create, judged for lists, verify and reports. */

export function readSignoffTables(db: Database.Database): Record<string, TableRows> {
  return { signoff: rowsOf(db, 'SELECT * FROM signoff', 'id') };
}

/** Files written before schema 17 are read (verified) without being migrated: they have no sign-offs. */
export function signoffRows(db: Database.Database): SignoffRowData[] {
  return hasTable(db, 'signoff') ? (db.prepare('SELECT * FROM signoff ORDER BY signed_at, id').all() as SignoffRowData[]) : [];
}

/** What judging needs from the file's own log, read with SQL (verify passes what it walked instead). */
export function chainLookups(db: Database.Database): Pick<JudgeContext, 'hashAt' | 'entriesSince'> {
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  const since = db.prepare("SELECT count(*) FROM audit_log WHERE seq > ? AND command != 'signoff.create'").pluck();
  return { hashAt: (count) => hashAt.get(count) as string | undefined, entriesSince: (count) => since.get(count) as number };
}

export function signoffStatuses(a: Assessment, trusted: ReadonlyMap<string, string>): SignoffStatus[] {
  const name = nameResolver(a.db);
  const ctx: JudgeContext = { assessmentId: a.summary().id, trusted, ...chainLookups(a.db) };
  return signoffRows(a.db).map((row) => ({ ...judgeSignoff(row, ctx), recordedBy: name(row.recorded_by) }));
}

/**
 * Signs the head as it stands inside the write transaction (no other writer can move it between
 * reading and signing) and records the sign-off with its entry. The key is unlocked beforehand,
 * so a wrong passphrase writes nothing.
 */
export function recordSignoff(a: Assessment, input: { role: SignoffRole; comment: string | null }, key: UnlockedKey, actor: string): string {
  const assessmentId = a.summary().id;
  return a.write((at) => {
    const head = a.head();
    const fields = { assessmentId, head: { count: head.count, hash: head.hash }, role: input.role, signer: key.name, fingerprint: key.fingerprint, at, comment: input.comment };
    const signature = sign(null, Buffer.from(signoffMessage(fields), 'utf8'), key.privateKey).toString('base64');
    const record: SignoffRecord = { role: input.role, signer: key.name, fingerprint: key.fingerprint, publicKey: key.publicKey, head: fields.head, at, signature, comment: input.comment };
    const n = a.db.prepare("SELECT max(CAST(substr(id, 4) AS INTEGER)) AS n FROM signoff WHERE id LIKE 'SO-%'").pluck().get() as number | null;
    const id = `SO-${String((n ?? 0) + 1).padStart(3, '0')}`;
    const entry = a.audit({ at, actor, command: 'signoff.create', entity: 'signoff', entityId: id, payload: { signoff: record } });
    a.db
      .prepare(
        `INSERT INTO signoff (id, role, signer, fingerprint, public_key, head_count, head_hash, signed_at, signature, comment, recorded_by)
         VALUES (@id, @role, @signer, @fingerprint, @public_key, @head_count, @head_hash, @signed_at, @signature, @comment, @recorded_by)`,
      )
      .run({ id, ...signoffRow(record, entry.actor) });
    return id;
  });
}
