import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { type ClassificationResult, resultLabels } from '../../shared/domain/classification';
import { type AiSystem, type AiSystemChanges, AiSystemInput, AiSystemRecord } from '../../shared/domain/systems';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver, personFor } from './people';

interface SystemRow {
  id: string;
  result: string | null;
  classified_at: string | null;
  name: string;
  record: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const SELECT = `SELECT s.*, c.result, c.classified_at FROM ai_system s LEFT JOIN system_classification c ON c.system_id = s.id`;

function toSystem(row: SystemRow, name: (id: string | null) => string | null): AiSystem {
  const record = AiSystemRecord.parse(JSON.parse(row.record));
  const result = row.result ? (JSON.parse(row.result) as ClassificationResult) : null;
  return {
    ...record,
    id: row.id,
    owner: name(record.ownerId),
    updatedAt: row.updated_at,
    updatedBy: name(row.updated_by),
    classification: result && row.classified_at ? { labels: resultLabels(result), complete: result.complete, classifiedAt: row.classified_at } : null,
  };
}

export function listSystems(a: Assessment): AiSystem[] {
  const name = nameResolver(a.db);
  return (a.db.prepare(`${SELECT} ORDER BY s.id`).all() as SystemRow[]).map((r) => toSystem(r, name));
}

/** A system by its id (SYS-001) or, as people type it, by its exact name. */
export function findSystem(a: Assessment, idOrName: string): AiSystem {
  const row = a.db.prepare(`${SELECT} WHERE s.id = ? OR s.name = ? LIMIT 1`).get(idOrName, idOrName) as SystemRow | undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no AI system ${JSON.stringify(idOrName)} (give its id, e.g. SYS-001, or its exact name; assay systems lists them)`);
  return toSystem(row, nameResolver(a.db));
}

function nextId(db: Database.Database): string {
  const row = db.prepare("SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM ai_system WHERE id LIKE 'SYS-%'").get() as { n: number | null };
  return `SYS-${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Turns what a person typed into the stored record: the owner's name becomes a person id. */
function toRecord(db: Database.Database, input: AiSystemInput): { record: AiSystemRecord; people: Record<string, string> } {
  const { owner, ...rest } = AiSystemInput.parse(input);
  const people: Record<string, string> = {};
  let ownerId: string | null = null;
  if (owner) {
    const person = personFor(db, owner);
    ownerId = person.id;
    people[person.id] = person.digest;
  }
  return { record: AiSystemRecord.parse({ ...rest, ownerId }), people };
}

function refuseDuplicateName(a: Assessment, name: string, id: string | null): void {
  const clash = a.db.prepare('SELECT id FROM ai_system WHERE name = ? AND id IS NOT ?').get(name, id) as { id: string } | undefined;
  if (clash) throw new AssayError('conflict', `${a.file}: an AI system named ${JSON.stringify(name)} already exists (${clash.id}); choose another name`);
}

export function addSystem(a: Assessment, input: AiSystemInput, actor: string): AiSystem {
  const id = a.write((at) => {
    const { record, people } = toRecord(a.db, input);
    refuseDuplicateName(a, record.name, null);
    const id = nextId(a.db);
    const entry = a.audit({ at, actor, command: 'systems.add', entity: 'system', entityId: id, payload: { record, people } });
    a.db
      .prepare('INSERT INTO ai_system (id, name, record, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, record.name, canonicalJson(record), at, entry.actor, at, entry.actor);
    return id;
  });
  return findSystem(a, id);
}

/** Replaces the fields given; what is left out keeps its value. The whole new record goes into the log. */
export function updateSystem(a: Assessment, idOrName: string, patch: AiSystemChanges, actor: string): AiSystem {
  const current = findSystem(a, idOrName);
  a.write((at) => {
    const { id: _id, owner, ownerId: _o, updatedAt: _u, updatedBy: _b, classification: _c, ...fields } = current;
    const { record, people } = toRecord(a.db, { ...fields, ...(owner ? { owner } : {}), ...patch });
    refuseDuplicateName(a, record.name, current.id);
    const entry = a.audit({ at, actor, command: 'systems.update', entity: 'system', entityId: current.id, payload: { record, people } });
    a.db.prepare('UPDATE ai_system SET name = ?, record = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(record.name, canonicalJson(record), at, entry.actor, current.id);
  });
  return findSystem(a, current.id);
}
