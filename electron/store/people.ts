import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { AssayError } from '../../shared/errors';
import { markErasedLeftovers } from './storage-hygiene';

/**
 * People (actors, owners, approvers) live in one table and everything else refers to them by
 * id. The audit log covers a keyed digest of a person's data, never the data itself, so a
 * data-protection erasure can replace the data with a tombstone without breaking the chain.
 */

export interface PersonRow {
  id: string;
  display_name: string;
  email: string | null;
  digest_key: string | null;
  erased_at: string | null;
}

export const ERASED_NAME = 'erased person';

export function personDigest(key: string, person: { name: string; email: string | null }): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(canonicalJson({ name: person.name, email: person.email })).digest('hex');
}

/** The digest the log should hold for this row, or null once the person was erased. */
export function digestOf(row: PersonRow): string | null {
  return row.digest_key ? personDigest(row.digest_key, { name: row.display_name, email: row.email }) : null;
}

/** Finds a live person by display name or adds one; must run inside the caller's write transaction. */
export function personFor(db: Database.Database, name: string): { id: string; digest: string } {
  const found = db
    .prepare('SELECT * FROM person WHERE display_name = ? AND erased_at IS NULL ORDER BY rowid LIMIT 1')
    .get(name) as PersonRow | undefined;
  if (found) return { id: found.id, digest: digestOf(found)! };
  const row: PersonRow = { id: randomUUID(), display_name: name, email: null, digest_key: randomBytes(32).toString('hex'), erased_at: null };
  db.prepare('INSERT INTO person (id, display_name, email, digest_key, erased_at) VALUES (@id, @display_name, @email, @digest_key, @erased_at)').run(row);
  return { id: row.id, digest: digestOf(row)! };
}

export function getPerson(db: Database.Database, id: string): PersonRow | undefined {
  return db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
}

/** A display name for any actor value: a person id, or (entries before format 3) the name itself. */
export function nameResolver(db: Database.Database): (actor: string | null) => string | null {
  const names = new Map<string, string>();
  for (const row of db.prepare('SELECT id, display_name, erased_at FROM person').all() as PersonRow[])
    names.set(row.id, row.erased_at ? ERASED_NAME : row.display_name);
  return (actor) => (actor === null ? null : (names.get(actor) ?? actor));
}

/** The names and e-mail addresses of everyone not erased: what an external report must not show. */
export function knownNames(db: Database.Database): string[] {
  const rows = db.prepare('SELECT display_name, email FROM person WHERE erased_at IS NULL').all() as Pick<PersonRow, 'display_name' | 'email'>[];
  return rows.flatMap((r) => [r.display_name, ...(r.email ? [r.email] : [])]);
}

/** Replaces a person's data with a tombstone; the key goes too, so the digest cannot be brute-forced. */
export function erasePerson(db: Database.Database, id: string, at: string): PersonRow {
  const row = getPerson(db, id);
  if (!row) throw new AssayError('not_found', `no person with id ${id} in this assessment`);
  if (row.erased_at) throw new AssayError('conflict', `person ${id} was already erased on ${row.erased_at}`);
  db.prepare('UPDATE person SET display_name = ?, email = NULL, digest_key = NULL, erased_at = ? WHERE id = ?').run(ERASED_NAME, at, id);
  markErasedLeftovers(db);
  return getPerson(db, id)!;
}
