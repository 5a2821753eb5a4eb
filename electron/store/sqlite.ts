import { existsSync, fstatSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import { assertRegularFile } from '../files/read-input';
import { SQLITE_MAGIC, closeReleasedSoon, lockHolder, openDescriptor, releaseDescriptor } from '../files/descriptors';

/** 'ASSY': marks a SQLite file as an Assay assessment (PRAGMA application_id). */
export const APPLICATION_ID = 0x41535359;

let nativeBinding: string | undefined;

/**
 * The Electron app loads an Electron-ABI build of better-sqlite3 kept beside the Node build
 * that tests and the command line use; this is how it says where that build is.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/**
 * How long a write waits for another process's lock. better-sqlite3 waits synchronously, so
 * the thread that answers the app's commands keeps this short and reports "busy" instead;
 * the command line, which has nothing else to do, waits longer.
 */
let busyTimeoutMs = 250;
export function setBusyTimeout(ms: number): void {
  busyTimeoutMs = ms;
}

export interface FileHeader {
  isSqlite: boolean;
  /** The file was last written in WAL mode (header bytes 18 and 19 are 2). */
  wal: boolean;
  userVersion: number;
  applicationId: number;
}

/**
 * Reads the 100-byte database header without SQLite, so refusing a file creates nothing beside it.
 * (A read-only SQLite connection would create -wal and -shm beside a file left in WAL mode.) The
 * descriptor is released, not closed: closing it would drop this process's locks on the file.
 */
export function readHeader(file: string): FileHeader {
  assertRegularFile(file);
  const fd = openDescriptor(file);
  try {
    if (!fstatSync(fd).isFile()) throw new AssayError('refused', `${file}: is not a regular file`);
    const head = Buffer.alloc(100);
    const read = readSync(fd, head, 0, 100, 0);
    const isSqlite = read === 100 && head.subarray(0, 16).equals(SQLITE_MAGIC);
    return {
      isSqlite,
      wal: isSqlite && head[18] === 2 && head[19] === 2,
      userVersion: isSqlite ? head.readInt32BE(60) : 0,
      applicationId: isSqlite ? head.readInt32BE(68) : 0,
    };
  } finally {
    releaseDescriptor(fd);
  }
}

/**
 * This thread's open connections: while one is inside a transaction, or its file is in WAL mode
 * (a WAL connection holds a read lock between transactions too), no released descriptor is closed.
 * Held weakly, so a connection dropped without close() is still collected.
 */
const connections = new Set<WeakRef<Database.Database>>();
lockHolder(() => {
  for (const ref of connections) {
    const db = ref.deref();
    if (!db || !db.open) connections.delete(ref);
    else if (db.inTransaction || existsSync(`${db.name}-wal`)) return true;
  }
  return false;
});

/** Follows the connection until it closes (wrapping its close, the one way a connection ends). */
function track(db: Database.Database): void {
  const ref = new WeakRef(db);
  connections.add(ref);
  const close = db.close.bind(db);
  db.close = () => {
    connections.delete(ref);
    const result = close();
    closeReleasedSoon();
    return result;
  };
}

/** Whether the file has this table: files of earlier formats, read without upgrading, lack the later ones. */
export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function fileExists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function connect(file: string, options: { create: boolean; readonly?: boolean }): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Files rest in rollback-journal mode: opening and closing without a change leaves the file's
    // bytes as they were (a refused command changes nothing), no -wal/-shm files stay beside it,
    // and read-only media can read it in place. Writers in several processes serialise on SQLite's
    // file locks; reads are short, so a writer waits for them only briefly. Only a long writing
    // job switches the file to WAL for its duration (see writeAheadForJob); a file a crash left in
    // WAL mode is brought back here, once no other connection still uses its log.
    if (!options.readonly) restInRollbackMode(db);
    db.pragma('foreign_keys = ON');
    // What a writer frees (a deleted row, a person's data erased on request) is overwritten with
    // zeros rather than left readable in free pages and free space of a file that people carry
    // around. Not a guarantee (rows SQLite moves between pages can leave a copy in space it does
    // not zero): hence storage_hygiene (migration 20) for packages.
    db.pragma('secure_delete = ON');
    track(db);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    const explained = explainSqliteError(file, error);
    if (explained !== error) throw explained;
    throw new AssayError('refused', `${file}: cannot be opened as a database (${(error as Error).message})`);
  }
}

/**
 * For a job that writes for seconds (an import, large evidence): WAL mode, so the app's reads go on
 * from the last committed state while the job writes and commits, instead of waiting for the
 * commit's exclusive lock (a 100,000-row import's commit writes some 80 MB). Dirty pages may then
 * spill to the log without locking readers out, so the job keeps SQLite's page cache small.
 * Other connections follow the switch on their next read; the file goes back to rollback mode
 * when the job's connection closes, or when the last connection using the log does.
 */
export function writeAheadForJob(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = -16384');
}

/**
 * Back to rollback-journal mode, the file's mode at rest: checkpoints the log and removes the
 * -wal and -shm files. Only possible once no other connection uses the log; until then it does
 * nothing and answers false (the last connection to close does it). Never waits for a lock.
 */
export function restInRollbackMode(db: Database.Database): boolean {
  if (!db.open || db.readonly || db.inTransaction) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}

/** Another connection held the file's lock for longer than this one waits: nothing was changed. */
export class FileBusyError extends AssayError {}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return error instanceof FileBusyError || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Turns SQLite's lock and corruption errors into messages that name the file and say what to do. */
export function explainSqliteError(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new FileBusyError('conflict', `${file}: another program is writing this assessment; nothing was changed, try again in a moment`);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return new AssayError('integrity', `${file}: the file is damaged (${(error as Error).message}); nothing was written. Restore its backup copy or a previous copy`);
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DIRECTORY')
    return new AssayError('refused', `${file}: cannot be written here (the file or its folder is read-only); it can still be read`);
  return error;
}
