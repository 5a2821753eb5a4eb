import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { Row, TableRows } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';

/**
 * Tables that hold one validated record per row (risks, incidents, findings): the next id of a kind, the
 * rows in the shape replay produces, and references to catalog items checked before a write.
 */

/** Tables of one validated record per id, with system_id, record and who created and changed it. */
export type RecordTable = 'risk' | 'incident' | 'system_component' | 'finding';

export function nextId(db: Database.Database, table: RecordTable, prefix: string): string {
  const row = db.prepare(`SELECT max(CAST(substr(id, ${prefix.length + 2}) AS INTEGER)) AS n FROM ${table} WHERE id LIKE '${prefix}-%'`).get() as { n: number | null };
  return `${prefix}-${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

export function rowsOf(db: Database.Database, sql: string, key: string): TableRows {
  const out: TableRows = new Map();
  for (const r of db.prepare(sql).all() as Row[]) {
    const { [key]: id, ...rest } = r;
    out.set(String(id), rest);
  }
  return out;
}

/** Refuses threats and controls the assessment's catalog does not have, naming the field. */
export function checkCatalogRefs(a: Assessment, refs: { threat?: string | null; controls?: readonly string[] }): void {
  const catalog = a.catalog();
  const issues: { path: string; message: string }[] = [];
  if (refs.threat && !catalog.threats.some((t) => t.id === refs.threat))
    issues.push({ path: 'threat', message: `${refs.threat} is not a threat in this assessment's catalog (assay catalog lists them)` });
  const known = new Set(catalog.controls.map((c) => c.id));
  for (const id of refs.controls ?? []) if (!known.has(id)) issues.push({ path: 'controls', message: `${id} is not a control in this assessment's catalog` });
  if (issues.length)
    throw new AssayError('invalid_input', `${a.file}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}; nothing was changed`, issues);
}

/** A record that fails its schema, as an input error naming each field; nothing is written. */
export function invalid(subject: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): AssayError {
  const issues = error.issues.map((x) => ({ path: x.path.map(String).join('.') || 'input', message: x.message }));
  return new AssayError('invalid_input', `${subject}: ${issues.map((x) => `${x.path}: ${x.message}`).join('; ')}; nothing was changed`, issues);
}

/** Writes a record row: a new one, or the new version of an existing one (its creation kept). */
export function writeRecord(a: Assessment, table: RecordTable, record: { id: string; systemId: string | null }, at: string, actor: string, insert: boolean): void {
  if (insert)
    a.db
      .prepare(`INSERT INTO ${table} (id, system_id, record, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(record.id, record.systemId, canonicalJson(record), at, actor, at, actor);
  else a.db.prepare(`UPDATE ${table} SET system_id = ?, record = ?, updated_at = ?, updated_by = ? WHERE id = ?`).run(record.systemId, canonicalJson(record), at, actor, record.id);
}
