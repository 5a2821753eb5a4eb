import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';

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

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Reads the first 16 bytes: refuses a non-SQLite file before SQLite sees it. */
export function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    return read === 16 && head.equals(SQLITE_HEADER);
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
  try {
    const db = new Database(file, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new AssayError('refused', `${file}: cannot be opened as a database (${(error as Error).message})`);
  }
}
