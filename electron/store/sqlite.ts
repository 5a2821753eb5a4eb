import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import { assertRegularFile } from '../files/read-input';

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

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface FileHeader {
  isSqlite: boolean;
  /** The file was last written in WAL mode (header bytes 18 and 19 are 2). */
  wal: boolean;
  userVersion: number;
  applicationId: number;
}

/** Reads the 100-byte database header without SQLite, so refusing a file creates nothing beside it. */
export function readHeader(file: string): FileHeader {
  assertRegularFile(file);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new AssayError('refused', `${file}: is not a regular file`);
    const head = Buffer.alloc(100);
    const read = readSync(fd, head, 0, 100, 0);
    const isSqlite = read === 100 && head.subarray(0, 16).equals(SQLITE_HEADER);
    return {
      isSqlite,
      wal: isSqlite && head[18] === 2 && head[19] === 2,
      userVersion: isSqlite ? head.readInt32BE(60) : 0,
      applicationId: isSqlite ? head.readInt32BE(68) : 0,
    };
  } finally {
    closeSync(fd);
  }
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
    // Rollback-journal mode, not WAL: opening and closing without a change leaves the file's bytes
    // as they were (a refused command changes nothing), no -wal/-shm files are ever left beside it,
    // and read-only media can read it in place. Writers in several processes still serialise on
    // SQLite's file locks; reads are short, so a writer waits for them only briefly.
    if (!options.readonly && db.pragma('journal_mode', { simple: true }) !== 'delete') db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    if (db?.open) db.close();
    const explained = explainSqliteError(file, error);
    if (explained !== error) throw explained;
    throw new AssayError('refused', `${file}: cannot be opened as a database (${(error as Error).message})`);
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
