import { mkdirSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import { backupFileName, backupsFolder } from './backup-names';
import { fileExists } from './sqlite';

export { backupsFolder } from './backup-names';

const LABEL = /^[a-z0-9][a-z0-9.-]{0,40}$/;

/**
 * Copies the assessment into its backups folder ("<name> backups/" beside it) before a change
 * that rewrites it wholesale (an upgrade, a catalog update, a restore), on the app's schedule,
 * or when asked. VACUUM INTO writes a consistent snapshot even while others read the file.
 */
export function keepBackup(db: Database.Database, file: string, label: string, now: Date = new Date()): string {
  if (!LABEL.test(label)) throw new AssayError('invalid_input', `backup label ${JSON.stringify(label)}: use lower-case letters, digits, dots and dashes`);
  const folder = backupsFolder(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AssayError('refused', `cannot make the backups folder ${folder}: ${whyNotWritten(error)}; nothing was copied`);
  }
  for (let n = 1; ; n++) {
    const candidate = backupFileName(file, now, label, n);
    if (fileExists(candidate)) continue;
    try {
      db.prepare('VACUUM INTO ?').run(candidate);
    } catch (error) {
      // A copy cut short (a full disk) is no backup: it must not be listed as one. A file that
      // appeared under the name meanwhile is someone else's (SQLite refuses to write over it).
      if (!/already exists/.test(String((error as Error).message))) rmSync(candidate, { force: true });
      throw new AssayError('refused', `cannot write the backup ${candidate}: ${whyNotWritten(error)}; the assessment is unchanged`);
    }
    return candidate;
  }
}

function whyNotWritten(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file of that name is in the way';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY') return `it cannot be written there (${code})`;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}
