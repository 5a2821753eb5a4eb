import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type AuditRecord, GENESIS_HASH, auditHashParts } from '../../shared/domain/audit';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { personFor } from './people';

/** `payloadJson`, when the caller has it, is the canonical JSON of record.payload. */
export function hashEntry(prevHash: string, record: AuditRecord, payloadJson?: string): string {
  const hash = createHash('sha256');
  for (const part of auditHashParts(prevHash, record, payloadJson)) hash.update(part);
  return hash.digest('hex');
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  actor_digest: string | null;
  command: string;
  entity: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** An entry as stored, with its hash fields: what verify and replay walk. */
export interface StoredEntry extends AuditRecord {
  prevHash: string;
  hash: string;
}

export function toStoredEntry(row: AuditRow): StoredEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    ...(row.actor_digest !== null && row.actor_digest !== undefined ? { actorDigest: row.actor_digest } : {}),
    command: row.command,
    entity: row.entity,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditInput {
  at: string;
  /** The display name of who made the change; stored as a person id with a keyed digest. */
  actor: string;
  command: string;
  entity: string;
  entityId: string;
  payload: unknown;
  /**
   * The payload's canonical JSON, when the caller already made it (an import serialises each of
   * its 100,000 risks once, for the row and for the entry). Must equal canonicalJson(payload).
   */
  payloadJson?: string;
}

export interface Head {
  count: number;
  hash: string;
}

export function readHead(db: Database.Database): Head {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { count: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
}

/** Must run inside the caller's write transaction, so the change and its entry land together. */
export function appendAudit(db: Database.Database, input: AuditInput): StoredEntry {
  const head = readHead(db);
  const { payloadJson, ...fields } = input;
  const person = personFor(db, fields.actor);
  const record: AuditRecord = { ...fields, payload: fields.payload ?? null, actor: person.id, actorDigest: person.digest, seq: head.count + 1 };
  // Stored as the very canonical text that is hashed: serialised once, however large.
  const payload = payloadJson ?? canonicalJson(record.payload);
  const hash = hashEntry(head.hash, record, payload);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, actor_digest, command, entity, entity_id, payload, prev_hash, hash)
     VALUES (@seq, @at, @actor, @actorDigest, @command, @entity, @entityId, @payload, @prevHash, @hash)`,
  ).run({ ...record, payload, prevHash: head.hash, hash });
  return { ...record, prevHash: head.hash, hash };
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  commands?: readonly string[] | undefined;
  limit?: number | undefined;
  /** Oldest first (exports); newest first otherwise (the app's list). */
  ascending?: boolean;
}

/**
 * Entries matching a filter. The actor filter matches the person id or, for entries written
 * before people had ids, the name itself; `from`/`to` compare ISO timestamps (a date alone
 * covers its whole day).
 */
export function listAudit(db: Database.Database, filter: AuditFilter = {}): StoredEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.from) {
    where.push('at >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('at <= @to');
    params.to = filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to;
  }
  if (filter.actor) {
    where.push('actor = @actor');
    params.actor = filter.actor;
  }
  if (filter.commands?.length) {
    where.push(`command IN (${filter.commands.map((_, i) => `@c${i}`).join(', ')})`);
    filter.commands.forEach((c, i) => (params[`c${i}`] = c));
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY seq ${filter.ascending ? 'ASC' : 'DESC'} ${filter.limit ? 'LIMIT @limit' : ''}`;
  if (filter.limit) params.limit = filter.limit;
  return (db.prepare(sql).all(params) as AuditRow[]).map(toStoredEntry);
}

export interface ChainResult {
  ok: boolean;
  count: number;
  head: Head;
  brokenAt?: number;
  problem?: string;
}

/** Walks the whole chain in order; reports the first entry whose link or hash is wrong. */
export function checkChain(db: Database.Database, onEntry?: (entry: StoredEntry) => void): ChainResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const entry = toStoredEntry(row);
    const count = expectedSeq - 1;
    const fail = (why: string): ChainResult => ({ ok: false, count, head: { count, hash: prevHash }, brokenAt: entry.seq, problem: `audit chain broken at entry ${entry.seq}: ${why}` });
    if (entry.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} (an entry is missing)`);
    if (entry.prevHash !== prevHash) return fail('it does not link to the previous entry');
    const { prevHash: _p, hash: stored, ...record } = entry;
    if (hashEntry(prevHash, record) !== stored) return fail('its content does not match its hash (it was altered)');
    onEntry?.(entry);
    prevHash = stored;
    expectedSeq += 1;
  }
  const count = expectedSeq - 1;
  return { ok: true, count, head: { count, hash: prevHash } };
}
