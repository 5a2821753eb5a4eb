import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import { APPLICATION_ID } from './sqlite';
import { type Migration, migrations as bundled } from './migrations/index';

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

export interface SchemaState {
  applicationId: number;
  userVersion: number;
}

export function readSchemaState(db: Database.Database): SchemaState {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/**
 * Decides whether a file may be opened by this version, before anything is written to it.
 * Returns the migrations still to apply.
 */
export function pendingMigrations(file: string, state: SchemaState, list: readonly Migration[] = bundled): Migration[] {
  const latest = list[list.length - 1]!.version;
  if (state.applicationId !== APPLICATION_ID) {
    const isEmpty = state.applicationId === 0 && state.userVersion === 0;
    throw new AssayError(
      'refused',
      isEmpty
        ? `${file}: is an SQLite database but not an Assay assessment (it has no Assay application id)`
        : `${file}: is an SQLite database of another application (application_id ${state.applicationId}), not an Assay assessment`,
    );
  }
  if (state.userVersion > latest) {
    throw new AssayError(
      'refused',
      `${file}: was written by a newer version of Assay (file format ${state.userVersion}; this version reads up to ${latest}). Update Assay to open it.`,
    );
  }
  return list.filter((m) => m.version > state.userVersion);
}

/** Applied migrations must be the ones this version ships: an edited one means a corrupt history. */
export function checkAppliedMigrations(file: string, db: Database.Database, list: readonly Migration[] = bundled): void {
  const rows = db.prepare('SELECT version, name, sha256 FROM schema_migration ORDER BY version').all() as {
    version: number;
    name: string;
    sha256: string;
  }[];
  for (const row of rows) {
    const known = list.find((m) => m.version === row.version);
    if (!known || migrationHash(known) !== row.sha256)
      throw new AssayError(
        'refused',
        `${file}: file format step ${row.version} (${row.name}) does not match the one this version of Assay ships; the file may come from a development build`,
      );
  }
}

/**
 * One transaction per migration: a failure leaves the file at the last complete version.
 * `record` runs inside each migration's transaction, so its audit entry lands with it.
 */
export function applyMigrations(
  db: Database.Database,
  pending: readonly Migration[],
  now: string,
  record?: (migration: Migration, from: number) => void,
): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const insert = db.prepare('INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      const from = db.pragma('user_version', { simple: true }) as number;
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, migrationHash(migration), now);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
      record?.(migration, from);
    }).immediate();
  }
}
