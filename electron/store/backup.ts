import type Database from 'better-sqlite3';
import { fileExists } from './sqlite';

/**
 * Copies the file beside itself before a change that rewrites it wholesale (an upgrade, a
 * catalog update): `name.<label>-backup.assay`, numbered when that name is taken.
 */
export function keepBackup(db: Database.Database, file: string, label: string): string {
  const stem = file.toLowerCase().endsWith('.assay') ? file.slice(0, -'.assay'.length) : file;
  for (let n = 1; ; n++) {
    const candidate = `${stem}.${label}-backup${n === 1 ? '' : `-${n}`}.assay`;
    if (fileExists(candidate)) continue;
    db.prepare('VACUUM INTO ?').run(candidate);
    return candidate;
  }
}
