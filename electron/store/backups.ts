import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../../shared/backups';
import { AssayError } from '../../shared/errors';
import { backupsFolder, parseBackupName } from './backup-names';
import { openForReading } from './open';

/** The head a backup ends at, read without writing anything beside it. */
function headOf(path: string): Pick<BackupInfo, 'head' | 'problem'> {
  try {
    const a = openForReading(path);
    try {
      return { head: a.head() };
    } finally {
      a.close();
    }
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function candidates(file: string): string[] {
  const folder = backupsFolder(file);
  const inFolder = existsSync(folder) ? readdirSync(folder).map((n) => join(folder, n)) : [];
  // Copies beside the file, as versions before backups had a folder kept them.
  const beside = readdirSync(dirname(file)).map((n) => join(dirname(file), n));
  return [...inFolder, ...beside];
}

/** The backups of one assessment, newest first: when, why (label), size, and the audit head each ends at. */
export function listBackups(file: string, options: { heads?: boolean } = {}): BackupInfo[] {
  if (!existsSync(file)) throw new AssayError('not_found', `${file}: no such file`);
  const list: BackupInfo[] = [];
  for (const path of candidates(file)) {
    const parsed = parseBackupName(file, path.slice(path.lastIndexOf('/') + 1));
    if (!parsed) continue;
    const stat = statSync(path);
    if (!stat.isFile()) continue;
    list.push({
      path,
      takenAt: parsed.takenAt ?? stat.mtime.toISOString(),
      label: parsed.label,
      size: stat.size,
      ...(options.heads === false ? {} : headOf(path)),
    });
  }
  return list.sort((x, y) => y.takenAt.localeCompare(x.takenAt) || y.path.localeCompare(x.path));
}

/**
 * Keeps the newest `keep` backups with this label and deletes the rest. Only one label is pruned
 * (the schedule's), so a copy taken before an upgrade, a catalog update or a restore stays until
 * the user removes it.
 */
export function pruneBackups(file: string, label: string, keep: number): string[] {
  const old = listBackups(file, { heads: false })
    .filter((b) => b.label === label)
    .slice(Math.max(0, keep));
  for (const b of old) rmSync(b.path, { force: true });
  return old.map((b) => b.path);
}
