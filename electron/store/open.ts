import { randomUUID } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Catalog } from '../../shared/catalog/schema';
import { AssayError } from '../../shared/errors';
import { Assessment, type Clock, type OpenInfo, systemClock } from './assessment';
import { appendAudit } from './audit';
import { writeCatalogSnapshot } from './catalog-snapshot';
import { adoptionPayload } from './adoption';
import { keepBackup } from './backup';
import { findDamage } from './integrity';
import { applyMigrations, checkAppliedMigrations, migrationHash, pendingMigrations } from './migrate';
import { LATEST_SCHEMA, type Migration, migrations as bundled } from './migrations/index';
import { connect, explainSqliteError, readHeader } from './sqlite';
import { removeLeftBehind } from './process-alive';
import { openDescriptor, releaseDescriptor } from '../files/descriptors';
import { readFully, writeFully } from '../files/full-io';
import { assertRegularFile } from '../files/read-input';
import { publishNew } from '../files/publish-new';

export interface CreateOptions {
  name: string;
  catalog: Catalog;
  actor: string;
  clock?: Clock;
}

const CREATING = /^\.(.+)\.(\d+)\.creating(-wal|-shm|-journal)?$/;

/** A create that was killed half-way leaves a temporary file; the next create in that folder removes it. */
function removeAbandonedCreates(folder: string): void {
  removeLeftBehind(folder, (name) => CREATING.exec(name)?.[2]);
}

/**
 * Builds the file under a temporary name, then publishes it with a hard link, which fails if
 * the name exists: two creates of one path cannot both succeed, and a failed create leaves
 * nothing where the user asked for the file.
 */
export function createAssessment(file: string, options: CreateOptions): Assessment {
  if (existsSync(file)) {
    assertRegularFile(file);
    throw new AssayError('conflict', `${file}: already exists; open it, or choose another file name`);
  }
  const clock = options.clock ?? systemClock;
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  removeAbandonedCreates(folder);
  const temp = join(folder, `.${basename(file)}.${process.pid}.creating`);
  const cleanup = () => {
    for (const suffix of ['', '-journal']) rmSync(temp + suffix, { force: true });
  };
  const db = connect(temp, { create: true });
  try {
    const at = clock.now();
    applyMigrations(db, bundled, at);
    db.transaction(() => {
      const id = randomUUID();
      const sha256 = writeCatalogSnapshot(db, options.catalog, at);
      const schema = bundled.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m) }));
      const entry = appendAudit(db, {
        at,
        actor: options.actor,
        command: 'assessment.create',
        entity: 'assessment',
        entityId: id,
        payload: { name: options.name, catalogVersion: options.catalog.manifest.version, catalogSha256: sha256, schema },
      });
      db.prepare('INSERT INTO assessment (singleton, id, name, created_at, created_by) VALUES (1, ?, ?, ?, ?)').run(id, options.name, at, entry.actor);
    })();
    db.close();
    try {
      publishNew(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new AssayError('conflict', `${file}: already exists (another program created it a moment ago); open it, or choose another file name`);
      throw error;
    }
  } catch (error) {
    if (db.open) db.close();
    cleanup();
    throw error;
  }
  cleanup();
  return openForWriting(file, { actor: options.actor, clock }).assessment;
}

export interface OpenResult {
  assessment: Assessment;
  /** Where the pre-upgrade copy went, when the file was upgraded. */
  backup?: string;
}

/** Header checks that refuse a file before SQLite touches it, so a refusal leaves nothing beside it. */
function inspect(file: string, list: readonly Migration[]): { wal: boolean; version: number; pending: Migration[] } {
  const header = readHeader(file);
  if (!header.isSqlite) throw new AssayError('refused', `${file}: is not an Assay assessment (not an SQLite file)`);
  const pending = pendingMigrations(file, { applicationId: header.applicationId, userVersion: header.userVersion }, list);
  return { wal: header.wal, version: header.userVersion, pending };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A -shm left read-only by a reader (SQLite gives it the file's mode) makes every later write
 * fail once the file is writable again. With no -wal beside it, it holds nothing and can go.
 */
function removeStaleShm(file: string): void {
  const shm = `${file}-shm`;
  if (existsSync(shm) && !writable(shm) && !existsSync(`${file}-wal`) && writable(dirname(file))) rmSync(shm, { force: true });
}

/** The file can be read but not edited here (read-only media, or damage found on open). */
export class NotWritable extends AssayError {}

export interface WriteOptions {
  actor: string;
  clock?: Clock;
  migrations?: readonly Migration[];
  /** Editing an older file upgrades it only when asked (opening in the app, `assay upgrade`). */
  upgrade?: boolean;
}

/**
 * Opens for editing: the only way a file is migrated. An older file is first copied beside
 * itself, then upgraded; the upgrade is recorded in the audit log in the same transaction.
 */
export function openForWriting(file: string, options: WriteOptions): OpenResult {
  const list = options.migrations ?? bundled;
  const clock = options.clock ?? systemClock;
  const { version, pending } = inspect(file, list);
  if (pending.length > 0 && !options.upgrade)
    throw new AssayError(
      'refused',
      `${file}: is in file format ${version}, written by an earlier version of Assay; nothing was changed. Upgrade it first with 'assay upgrade ${file}' (a backup copy is kept beside it), or open it in the app`,
    );
  if (!writable(file) || !writable(dirname(file)))
    throw new NotWritable('refused', `${file}: cannot be written here (the file or its folder is read-only); it can still be read`);
  removeStaleShm(file);
  // A connection in rollback-journal mode writes nothing until a change commits, so a damaged or
  // foreign-history file refused here stays byte for byte as it was.
  const db = connect(file, { create: false });
  let backup: string | undefined;
  try {
    checkBeforeWriting(file, db, list);
    if (pending.length > 0) {
      backup = keepBackup(db, file, `format${version}`);
      const at = clock.now();
      const last = pending[pending.length - 1]!;
      applyMigrations(db, pending, at, (migration) => {
        if (migration !== last || migration.version < 3) return;
        // Before format 3 the log did not carry full state: one adoption entry records it, and replay starts there.
        if (version < 3) appendAudit(db, { at, actor: options.actor, command: 'assessment.adopt', entity: 'assessment', entityId: assessmentId(db), payload: adoptionPayload(db, version) });
        else
          appendAudit(db, {
            at,
            actor: options.actor,
            command: 'schema.migrate',
            entity: 'assessment',
            entityId: assessmentId(db),
            payload: { from: version, to: last.version, applied: pending.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m) })) },
          });
      });
    }
    const assessment = new Assessment(file, db, { mode: 'write', formatOnDisk: LATEST_SCHEMA }, clock);
    assessment.summary(); // refuses a file with no assessment record
    return backup ? { assessment, backup } : { assessment };
  } catch (error) {
    if (db.open) db.close();
    throw explainSqliteError(file, error);
  }
}

function checkBeforeWriting(file: string, db: Database.Database, list: readonly Migration[]): void {
  try {
    checkAppliedMigrations(file, db, list);
    const damage = findDamage(db);
    if (damage)
      throw new NotWritable(
        'integrity',
        `${file}: is damaged (${damage}), so nothing will be written to it. Restore its backup copy or a previous copy; 'assay verify' shows what can still be read.`,
      );
  } catch (error) {
    db.close();
    throw explainSqliteError(file, error);
  }
}

function assessmentId(db: Database.Database): string {
  const row = db.prepare('SELECT id FROM assessment').get() as { id: string } | undefined;
  return row?.id ?? 'unknown';
}

/**
 * Copies the file, and a -wal or a journal left beside it, into a private folder, where SQLite may
 * write what it likes (replay a log, roll back an interrupted write, upgrade). The file itself is
 * read through a descriptor that is released, not closed (files/descriptors.ts); the -wal and journal
 * carry no locks. Nothing is locked while copying: a file that needs a copy (an older format, a hot
 * journal, a log nobody has open) is one no Assay process is using, or the copy may be torn.
 */
function privateCopy(file: string): { copy: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'assay-read-'));
  const copy = join(folder, basename(file));
  try {
    copyThroughDescriptor(file, copy);
    for (const suffix of ['-wal', '-journal']) if (existsSync(`${file}${suffix}`)) copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new AssayError('refused', `${file}: cannot be read (${(error as Error).message})`);
  }
  return { copy, folder };
}

function copyThroughDescriptor(file: string, copy: string): void {
  const from = openDescriptor(file);
  try {
    const to = openSync(copy, 'wx', 0o600);
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (let at = 0, n = readFully(from, buffer, buffer.length, at); n > 0; n = readFully(from, buffer, buffer.length, at)) {
        writeFully(to, buffer.subarray(0, n));
        at += n;
      }
    } finally {
      closeSync(to);
    }
  } finally {
    releaseDescriptor(from);
  }
}

/** SQLite met a journal left by an interrupted write, which a read-only connection may not roll back. */
class HotJournal extends Error {}

/**
 * Opens for reading only: never migrates, never writes, and leaves no file beside the
 * original, so it works on read-only media. A file at rest in rollback mode is read in place,
 * also while a write is under way beside it (SQLite reads around its journal); one in WAL mode
 * that nobody has open, one whose journal an interrupted write left (hot), or one in an older
 * format is read through a private copy (the older one migrated there, the journal rolled back).
 */
export function openForReading(file: string, options: { clock?: Clock; migrations?: readonly Migration[] } = {}): Assessment {
  const list = options.migrations ?? bundled;
  const { wal, version, pending } = inspect(file, list);
  const inUse = existsSync(`${file}-wal`) && existsSync(`${file}-shm`);
  if (pending.length === 0 && (!wal || inUse)) {
    try {
      return readThrough(file, file, { version, pending }, list, options.clock);
    } catch (error) {
      if (!(error instanceof HotJournal)) throw error;
    }
    return readThrough(file, privateCopy(file), { version, pending }, list, options.clock, 'read through a temporary copy (a write to it was interrupted, and reading it in place would mean rolling that write back in the file)');
  }
  return readThrough(
    file,
    privateCopy(file),
    { version, pending },
    list,
    options.clock,
    pending.length > 0
      ? `file format ${version} is read through an upgraded temporary copy; the file itself is unchanged ('assay upgrade' upgrades it)`
      : 'read through a temporary copy (the file was left in a state that cannot be read in place without writing beside it)',
  );
}

function readThrough(
  file: string,
  from: string | { copy: string; folder: string },
  { version, pending }: { version: number; pending: Migration[] },
  list: readonly Migration[],
  clock: Clock | undefined,
  reason?: string,
): Assessment {
  const folder = typeof from === 'string' ? undefined : from.folder;
  const source = typeof from === 'string' ? from : from.copy;
  let db: Database.Database | undefined;
  try {
    db = connect(source, { create: false, readonly: folder === undefined });
    checkAppliedMigrations(file, db, list);
    if (pending.length > 0) applyMigrations(db, pending, (clock ?? systemClock).now());
    const damage = findDamage(db);
    const info: OpenInfo = { mode: 'read', formatOnDisk: version, ...(folder ? { privateCopy: folder, readNote: reason } : {}), ...(damage ? { damage } : {}) };
    const assessment = new Assessment(file, db, info, clock);
    // A damaged file is still opened, so that what can be read is shown and verify can name the damage.
    if (!damage) assessment.summary();
    return assessment;
  } catch (error) {
    if (db?.open) db.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    // Only when reading in place. SQLite says so at the first read (checkAppliedMigrations), not on
    // connecting, which would word it as a refusal.
    if (folder === undefined && (error as { code?: unknown }).code === 'SQLITE_READONLY_ROLLBACK') throw new HotJournal();
    throw explainSqliteError(file, error);
  }
}
