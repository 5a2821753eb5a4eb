import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Catalog } from '../../shared/catalog/schema';
import { canonicalJson } from '../../shared/domain/canonical-json';

export function catalogHash(catalog: Catalog): string {
  return createHash('sha256').update(canonicalJson(catalog)).digest('hex');
}

/** Copies the catalog into the file so the assessment stays reproducible when the bundled one moves on. */
export function writeCatalogSnapshot(db: Database.Database, catalog: Catalog, at: string): string {
  const sha256 = catalogHash(catalog);
  db.prepare('INSERT INTO catalog_snapshot (singleton, version, sha256, taken_at, content) VALUES (1, ?, ?, ?, ?)').run(
    catalog.manifest.version,
    sha256,
    at,
    canonicalJson(catalog),
  );
  const insert = db.prepare(
    'INSERT INTO catalog_control (id, name, objective, type, guidance, evidence) VALUES (@id, @name, @objective, @type, @guidance, @evidence)',
  );
  for (const control of catalog.controls) insert.run({ ...control, evidence: JSON.stringify(control.evidence) });
  return sha256;
}
