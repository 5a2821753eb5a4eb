import { mkdirSync } from 'node:fs';
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
  mkdirSync(folder, { recursive: true });
  for (let n = 1; ; n++) {
    const candidate = backupFileName(file, now, label, n);
    if (fileExists(candidate)) continue;
    db.prepare('VACUUM INTO ?').run(candidate);
    return candidate;
  }
}
