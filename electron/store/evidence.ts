import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { evidenceRow } from '../../shared/domain/evidence/log';
import {
  type EvidenceItem,
  type EvidenceLinkInput,
  type EvidenceMeta,
  type EvidenceMetaChanges,
  EvidenceLinkInput as LinkSchema,
  EvidenceMeta as MetaSchema,
  type StoredLink,
  linkKey,
} from '../../shared/domain/evidence/model';
import { splitRef } from '../../shared/catalog/schema';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { findSystem } from './systems';
import { hasTable } from './sqlite';

/**
 * Evidence items, their revisions and links: the metadata side of the vault (the bytes are in
 * evidence-blobs.ts). Every change is one audited write; replay rebuilds these rows from the log.
 */

interface ItemRow {
  id: string;
  title: string;
  description: string | null;
  source: string | null;
  effective_from: string | null;
  effective_to: string | null;
  valid_until: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
interface RevisionRow {
  evidence_id: string;
  rev: number;
  sha256: string;
  file_name: string;
  received_at: string;
  received_by: string;
  size: number;
}
interface LinkRow {
  evidence_id: string;
  kind: 'control' | 'requirement';
  target: string;
  system_id: string;
  linked_at: string;
  linked_by: string;
}

const REVISIONS = `SELECT r.*, b.size FROM evidence_revision r JOIN evidence_blob b ON b.sha256 = r.sha256`;

function toItems(db: Database.Database, items: ItemRow[], revisions: RevisionRow[], links: LinkRow[]): EvidenceItem[] {
  const name = nameResolver(db);
  const group = <T extends { evidence_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.evidence_id, [...(map.get(r.evidence_id) ?? []), r]);
    return map;
  };
  const revs = group(revisions);
  const lnks = group(links);
  return items.map((row) => {
    const own = (revs.get(row.id) ?? []).sort((a, b) => b.rev - a.rev);
    const current = own[0];
    if (!current) throw new AssayError('integrity', `evidence ${row.id} has no stored file; the assessment is damaged (assay verify names it)`);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      source: row.source,
      effectiveFrom: row.effective_from,
      effectiveTo: row.effective_to,
      validUntil: row.valid_until,
      receivedAt: current.received_at,
      addedBy: name(own[own.length - 1]!.received_by),
      sha256: current.sha256,
      size: current.size,
      fileName: current.file_name,
      revisions: own.map((r) => ({ rev: r.rev, sha256: r.sha256, size: r.size, fileName: r.file_name, receivedAt: r.received_at, receivedBy: name(r.received_by) })),
      links: (lnks.get(row.id) ?? []).map((l) => ({ kind: l.kind, target: l.target, system: l.system_id || null, linkedAt: l.linked_at })),
      updatedAt: row.updated_at,
      updatedBy: name(row.updated_by),
    };
  });
}

/**
 * Every evidence item with its revisions, links and valid-until date, in id order. Other domains
 * (the consistency checks: "implemented with no evidence or only expired evidence") read this.
 */
export function listEvidence(a: Assessment): EvidenceItem[] {
  const db = a.db;
  return toItems(
    db,
    db.prepare('SELECT * FROM evidence ORDER BY id').all() as ItemRow[],
    db.prepare(REVISIONS).all() as RevisionRow[],
    db.prepare('SELECT * FROM evidence_link ORDER BY kind, target, system_id').all() as LinkRow[],
  );
}

export function getEvidence(a: Assessment, id: string): EvidenceItem {
  const db = a.db;
  const row = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no evidence ${JSON.stringify(id)} (assay evidence ${a.file} lists them)`);
  return toItems(
    db,
    [row],
    db.prepare(`${REVISIONS} WHERE r.evidence_id = ?`).all(id) as RevisionRow[],
    db.prepare('SELECT * FROM evidence_link WHERE evidence_id = ? ORDER BY kind, target, system_id').all(id) as LinkRow[],
  )[0]!;
}

export function nextEvidenceId(db: Database.Database): string {
  const row = db.prepare("SELECT max(CAST(substr(id, 4) AS INTEGER)) AS n FROM evidence WHERE id LIKE 'EV-%'").get() as { n: number | null };
  return `EV-${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Checks links against the catalog and the inventory; a system named by its name becomes its id. */
export function resolveLinks(a: Assessment, links: readonly EvidenceLinkInput[]): StoredLink[] {
  if (links.length === 0) return [];
  const catalog = a.catalog();
  const controls = new Set(catalog.controls.map((c) => c.id));
  return links.map((raw, i) => {
    const link = LinkSchema.parse(raw);
    if (link.kind === 'control') {
      if (!controls.has(link.target)) throw new AssayError('invalid_input', `link ${i + 1}: control ${link.target} is not in the catalog of ${a.file}`);
      return { kind: 'control', target: link.target, system: link.system ? findSystem(a, link.system).id : '' };
    }
    const { framework, item } = splitRef(link.target);
    if (!catalog.frameworks.some((f) => f.id === framework && f.items.some((x) => x.id === item)))
      throw new AssayError('invalid_input', `link ${i + 1}: requirement ${link.target} is not in the catalog of ${a.file} (write framework-id:item-id)`);
    return { kind: 'requirement', target: link.target, system: '' };
  });
}

function linkExists(db: Database.Database, id: string, link: StoredLink): boolean {
  return db.prepare('SELECT 1 FROM evidence_link WHERE evidence_id = ? AND kind = ? AND target = ? AND system_id = ?').get(id, link.kind, link.target, link.system) !== undefined;
}

/** Inserts the links not there yet, inside the caller's transaction; returns those it added. */
export function insertLinks(db: Database.Database, id: string, links: StoredLink[], at: string, by: string): void {
  const insert = db.prepare('INSERT INTO evidence_link (evidence_id, kind, target, system_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?)');
  for (const l of links) insert.run(id, l.kind, l.target, l.system, at, by);
}

/** The links of `links` that `id` does not have yet (duplicates within the list dropped). */
export function newLinks(db: Database.Database, id: string | null, links: StoredLink[]): StoredLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = linkKey('', l);
    if (seen.has(key)) return false;
    seen.add(key);
    return id === null || !linkExists(db, id, l);
  });
}

export function insertItem(db: Database.Database, id: string, meta: EvidenceMeta, at: string, by: string): void {
  db.prepare(
    `INSERT INTO evidence (id, title, description, source, effective_from, effective_to, valid_until, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @title, @description, @source, @effective_from, @effective_to, @valid_until, @at, @by, @at, @by)`,
  ).run({ id, ...evidenceRow(meta), at, by });
}

export function insertRevision(db: Database.Database, id: string, rev: number, sha256: string, fileName: string, at: string, by: string): void {
  db.prepare('INSERT INTO evidence_revision (evidence_id, rev, sha256, file_name, received_at, received_by) VALUES (?, ?, ?, ?, ?, ?)').run(id, rev, sha256, fileName, at, by);
}

function metaOf(item: EvidenceItem): EvidenceMeta {
  const { title, description, source, effectiveFrom, effectiveTo, validUntil } = item;
  return { title, description, source, effectiveFrom, effectiveTo, validUntil };
}

export function updateEvidence(a: Assessment, id: string, changes: EvidenceMetaChanges, actor: string): EvidenceItem {
  const current = getEvidence(a, id);
  const meta = MetaSchema.parse({ ...metaOf(current), ...changes });
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'evidence.update', entity: 'evidence', entityId: id, payload: { meta } });
    a.db
      .prepare(
        `UPDATE evidence SET title = @title, description = @description, source = @source, effective_from = @effective_from,
           effective_to = @effective_to, valid_until = @valid_until, updated_at = @at, updated_by = @by WHERE id = @id`,
      )
      .run({ id, ...evidenceRow(meta), at, by: entry.actor });
  });
  return getEvidence(a, id);
}

export function linkEvidence(a: Assessment, id: string, links: readonly EvidenceLinkInput[], actor: string): EvidenceItem {
  getEvidence(a, id);
  const resolved = resolveLinks(a, links);
  a.write((at) => {
    const fresh = newLinks(a.db, id, resolved);
    if (fresh.length === 0) return;
    const entry = a.audit({ at, actor, command: 'evidence.link', entity: 'evidence', entityId: id, payload: { links: fresh } });
    insertLinks(a.db, id, fresh, at, entry.actor);
  });
  return getEvidence(a, id);
}

export function unlinkEvidence(a: Assessment, id: string, links: readonly EvidenceLinkInput[], actor: string): EvidenceItem {
  getEvidence(a, id);
  const resolved = resolveLinks(a, links);
  a.write((at) => {
    const missing = resolved.find((l) => !linkExists(a.db, id, l));
    if (missing) throw new AssayError('not_found', `${id} is not linked to ${missing.target}${missing.system ? ` for ${missing.system}` : ''}; nothing was changed`);
    a.audit({ at, actor, command: 'evidence.unlink', entity: 'evidence', entityId: id, payload: { links: newLinks(a.db, null, resolved) } });
    const remove = a.db.prepare('DELETE FROM evidence_link WHERE evidence_id = ? AND kind = ? AND target = ? AND system_id = ?');
    for (const l of resolved) remove.run(id, l.kind, l.target, l.system);
  });
  return getEvidence(a, id);
}

/** The evidence tables in the shape replay produces; blobs keyed by SHA-256 with their size (never re-hashed here). */
export function readEvidenceTables(db: Database.Database): Record<string, TableRows> {
  // A file read before its upgrade to format 8 has no evidence tables: nothing to compare.
  if (!hasTable(db, 'evidence')) return {};
  const table = <T>(sql: string, key: (r: T) => string, shape: (r: T) => Record<string, string | number | null>): TableRows =>
    new Map((db.prepare(sql).all() as T[]).map((r) => [key(r), shape(r)]));
  return {
    evidence: table<ItemRow>('SELECT * FROM evidence', (r) => r.id, ({ id: _id, ...r }) => ({ ...r })),
    evidence_revision: table<RevisionRow>(
      'SELECT * FROM evidence_revision',
      (r) => `${r.evidence_id}#${r.rev}`,
      (r) => ({ sha256: r.sha256, file_name: r.file_name, received_at: r.received_at, received_by: r.received_by }),
    ),
    evidence_link: table<LinkRow>(
      'SELECT * FROM evidence_link',
      (r) => linkKey(r.evidence_id, { kind: r.kind, target: r.target, system: r.system_id }),
      (r) => ({ linked_at: r.linked_at, linked_by: r.linked_by }),
    ),
    evidence_blob: table<{ id: number; sha256: string | null; size: number }>(
      'SELECT id, sha256, size FROM evidence_blob',
      (r) => r.sha256 ?? `(unfinished blob ${r.id})`,
      (r) => ({ size: r.size }),
    ),
  };
}
