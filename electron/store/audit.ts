import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditEntry, VerifyResult } from '../../shared/commands';
import { type AuditRecord, GENESIS_HASH, auditHashInput } from '../../shared/domain/audit';

export function hashEntry(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(auditHashInput(prevHash, record)).digest('hex');
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    command: row.command,
    entity: row.entity,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type AuditInput = Omit<AuditRecord, 'seq'>;

/** Must run inside the caller's transaction, so the change and its entry land together. */
export function appendAudit(db: Database.Database, input: AuditInput): AuditEntry {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const record: AuditRecord = { ...input, seq: (head?.seq ?? 0) + 1 };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashEntry(prevHash, record);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, command, entity, entity_id, payload, prev_hash, hash)
     VALUES (@seq, @at, @actor, @command, @entity, @entityId, @payload, @prevHash, @hash)`,
  ).run({ ...record, payload: JSON.stringify(record.payload ?? null), prevHash, hash });
  return { ...record, prevHash, hash };
}

export function listAudit(db: Database.Database, limit: number): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
  return rows.map(toEntry);
}

/** Walks the whole chain in order; reports the first entry whose link or hash is wrong. */
export function verifyAudit(db: Database.Database): VerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const entry = toEntry(row);
    const fail = (why: string): VerifyResult => ({
      ok: false,
      entries: count,
      headHash: prevHash,
      brokenAt: entry.seq,
      message: `audit chain broken at entry ${entry.seq}: ${why}`,
    });
    if (entry.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} (an entry is missing)`);
    if (entry.prevHash !== prevHash) return fail('it does not link to the previous entry');
    const { prevHash: _p, hash: stored, ...record } = entry;
    if (hashEntry(prevHash, record) !== stored) return fail('its content does not match its hash (it was altered)');
    prevHash = stored;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, headHash: prevHash, message: `audit chain intact: ${count} ${count === 1 ? 'entry' : 'entries'}` };
}
