import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { type BatchRecord, type ImportRef, batchRow, refKey } from '../../shared/domain/imports/log';
import { ImportBatch, type RecordKind } from '../../shared/imports/model';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { rowsOf } from './record-tables';

/** Import batches and the external ids they mapped: what verify compares, and what the engine looks up. */

export function readImportTables(db: Database.Database): Record<string, TableRows> {
  const refs: TableRows = new Map();
  for (const r of db.prepare('SELECT kind, external_id, entity_id, batch_id FROM import_ref').all() as { kind: string; external_id: string; entity_id: string; batch_id: string }[])
    refs.set(refKey(r.kind, r.external_id), { entity_id: r.entity_id, batch_id: r.batch_id });
  return {
    import_batch: rowsOf(db, 'SELECT id, source_name, sha256, size, format, kinds, counts, problems, evidence_id, imported_at, imported_by FROM import_batch', 'id'),
    import_ref: refs,
  };
}

/** Every external id of one kind and the record it became. */
export function refsOf(db: Database.Database, kind: RecordKind): Map<string, string> {
  const rows = db.prepare('SELECT external_id, entity_id FROM import_ref WHERE kind = ?').all(kind) as { external_id: string; entity_id: string }[];
  return new Map(rows.map((r) => [r.external_id, r.entity_id]));
}

export function nextBatchId(db: Database.Database): string {
  const row = db.prepare("SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM import_batch WHERE id LIKE 'IMP-%'").get() as { n: number | null };
  return `IMP-${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Writes the batch row and its refs; the caller appends the batch's entry in the same transaction. */
export function writeBatch(db: Database.Database, id: string, batch: BatchRecord, refs: ImportRef[], at: string, actor: string): void {
  db.prepare(
    `INSERT INTO import_batch (id, source_name, sha256, size, format, kinds, counts, problems, evidence_id, imported_at, imported_by)
     VALUES (@id, @source_name, @sha256, @size, @format, @kinds, @counts, @problems, @evidence_id, @imported_at, @imported_by)`,
  ).run({ id, ...batchRow(batch, at, actor) });
  // One statement over a JSON array: 100,000 ids bound one statement call at a time took a quarter of a second.
  const upsert = db.prepare(
    `INSERT INTO import_ref (kind, external_id, entity_id, batch_id)
     SELECT value ->> 0, value ->> 1, value ->> 2, ? FROM json_each(?) WHERE true
     ON CONFLICT (kind, external_id) DO UPDATE SET entity_id = excluded.entity_id, batch_id = excluded.batch_id`,
  );
  for (let i = 0; i < refs.length; i += 10_000) upsert.run(id, JSON.stringify(refs.slice(i, i + 10_000).map((r) => [r.kind, r.externalId, r.entityId])));
}

interface BatchDbRow {
  id: string;
  source_name: string;
  sha256: string;
  size: number;
  format: string;
  kinds: string;
  counts: string;
  problems: string;
  evidence_id: string | null;
  imported_at: string;
  imported_by: string;
}

export function listBatches(a: Assessment): ImportBatch[] {
  const name = nameResolver(a.db);
  return (a.db.prepare('SELECT * FROM import_batch ORDER BY imported_at, id').all() as BatchDbRow[]).map((r) =>
    ImportBatch.parse({
      id: r.id,
      sourceName: r.source_name,
      sha256: r.sha256,
      size: r.size,
      format: r.format,
      kinds: JSON.parse(r.kinds),
      counts: JSON.parse(r.counts),
      problems: (JSON.parse(r.problems) as unknown[]).length,
      evidenceId: r.evidence_id,
      importedAt: r.imported_at,
      importedBy: name(r.imported_by),
    }),
  );
}
