import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { AssayError } from '../../shared/errors';
import { backupFileName, backupsFolder } from './backup-names';
import { removeLeftBehind } from './process-alive';
import { publishNew } from '../files/publish-new';

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
  removeAbandonedParts(folder);
  // The copy is written under a temporary name and published whole: one cut short (a full disk, a
  // killed process, the app quitting) is never listed as a backup.
  const part = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${PART}`);
  try {
    db.prepare('VACUUM INTO ?').run(part);
  } catch (error) {
    rmSync(part, { force: true });
    throw new AssayError('refused', `cannot write a backup into ${folder}: ${whyNotWritten(error)}; the assessment is unchanged`);
  }
  try {
    for (let n = 1; ; n++) {
      const candidate = backupFileName(file, now, label, n);
      try {
        // Never over a file: a name taken meanwhile moves on to the next.
        publishNew(part, candidate);
        return candidate;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw new AssayError('refused', `cannot publish the backup ${candidate}: ${whyNotWritten(error)}; the assessment is unchanged`);
      }
    }
  } finally {
    rmSync(part, { force: true });
  }
}

const PART = '.part';

/** Copies left by a process that was killed while writing one: its pid is in the name. */
function removeAbandonedParts(folder: string): void {
  removeLeftBehind(folder, (name) => (name.startsWith('.') && name.endsWith(PART) ? /\.(\d+)\.[0-9a-f]{8}\.part$/.exec(name)?.[1] : undefined));
}

function whyNotWritten(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file of that name is in the way';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return `it cannot be written there (${code})`;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}
