import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Catalog } from '../../shared/catalog/schema';
import { AssayError } from '../../shared/errors';
import { Assessment, type Clock, systemClock } from './assessment';
import { writeCatalogSnapshot } from './catalog-snapshot';
import { applyMigrations, checkAppliedMigrations, pendingMigrations, readSchemaState } from './migrate';
import { type Migration, migrations as bundled } from './migrations/index';
import { connect, fileExists, looksLikeSqlite } from './sqlite';

export interface CreateOptions {
  name: string;
  catalog: Catalog;
  actor: string;
  clock?: Clock;
}

/**
 * Builds the file under a temporary name and renames it into place, so a failed create
 * never leaves a half-made assessment where the user asked for one.
 */
export function createAssessment(file: string, options: CreateOptions): Assessment {
  if (fileExists(file)) throw new AssayError('conflict', `${file}: already exists; open it, or choose another file name`);
  const clock = options.clock ?? systemClock;
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.creating`);
  const db = connect(temp, { create: true });
  try {
    const at = clock.now();
    applyMigrations(db, bundled, at);
    db.transaction(() => {
      const id = randomUUID();
      db.prepare('INSERT INTO assessment (singleton, id, name, created_at, created_by) VALUES (1, ?, ?, ?, ?)').run(
        id,
        options.name,
        at,
        options.actor,
      );
      const sha256 = writeCatalogSnapshot(db, options.catalog, at);
      new Assessment(file, db, clock).audit({
        at,
        actor: options.actor,
        command: 'assessment.create',
        entity: 'assessment',
        entityId: id,
        payload: { name: options.name, catalogVersion: options.catalog.manifest.version, catalogSha256: sha256 },
      });
    })();
    db.close();
    renameSync(temp, file);
  } catch (error) {
    if (db.open) db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    throw error;
  }
  return new Assessment(file, connect(file, { create: false }), clock);
}

function backupPath(file: string, version: number): string {
  const stem = file.toLowerCase().endsWith('.assay') ? file.slice(0, -'.assay'.length) : file;
  for (let n = 1; ; n++) {
    const candidate = `${stem}.format${version}-backup${n === 1 ? '' : `-${n}`}.assay`;
    if (!fileExists(candidate)) return candidate;
  }
}

export interface OpenResult {
  assessment: Assessment;
  /** Where the pre-upgrade copy went, when the file was upgraded. */
  backup?: string;
}

export function openAssessment(
  file: string,
  options: { clock?: Clock; migrations?: readonly Migration[] } = {},
): OpenResult {
  if (!fileExists(file)) throw new AssayError('not_found', `${file}: no such file`);
  if (!looksLikeSqlite(file)) throw new AssayError('refused', `${file}: is not an Assay assessment (not an SQLite file)`);
  const list = options.migrations ?? bundled;

  // Look before writing: a foreign or newer file must be left exactly as it was.
  const probe = connect(file, { create: false, readonly: true });
  let pending: Migration[];
  let backup: string | undefined;
  try {
    const state = readSchemaState(probe);
    pending = pendingMigrations(file, state, list);
    if (pending.length > 0) {
      backup = backupPath(file, state.userVersion);
      probe.prepare('VACUUM INTO ?').run(backup);
    }
  } finally {
    probe.close();
  }

  const db = connect(file, { create: false });
  try {
    checkAppliedMigrations(file, db, list);
    if (pending.length > 0) applyMigrations(db, pending, (options.clock ?? systemClock).now());
    const assessment = new Assessment(file, db, options.clock);
    assessment.summary(); // refuses a file with no assessment record
    return backup ? { assessment, backup } : { assessment };
  } catch (error) {
    db.close();
    throw error;
  }
}
