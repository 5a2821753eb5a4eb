import { basename, dirname, join } from 'node:path';

/**
 * Where an assessment's backups live and how they are named: "<name> backups/<name>.<time>.<label>.assay",
 * the time in UTC (20261128-131500-123) so that names sort in the order they were taken.
 * Earlier versions kept a copy beside the file as "<name>.<label>-backup.assay"; those are still listed.
 */

export function stemOf(file: string): string {
  const name = basename(file);
  return name.toLowerCase().endsWith('.assay') ? name.slice(0, -'.assay'.length) : name;
}

export function backupsFolder(file: string): string {
  return join(dirname(file), `${stemOf(file)} backups`);
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 23).replace(/[-:]/g, '').replace('T', '-').replace('.', '-');
}

export function backupFileName(file: string, now: Date, label: string, n: number): string {
  return join(backupsFolder(file), `${stemOf(file)}.${stamp(now)}${n === 1 ? '' : `-${n}`}.${label}.assay`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ParsedName {
  /** ISO time the backup was taken, when the name carries it. */
  takenAt?: string;
  label: string;
}

/** The time and label a backup's name carries, or undefined for a file that is not one of this assessment's backups. */
export function parseBackupName(file: string, name: string): ParsedName | undefined {
  const stem = escape(stemOf(file));
  const current = new RegExp(`^${stem}\\.(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-(\\d{3})(?:-\\d+)?\\.([a-z0-9][a-z0-9.-]*)\\.assay$`).exec(name);
  if (current) {
    const [, y, mo, d, h, mi, s, ms, label] = current;
    return { takenAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, label: label! };
  }
  const legacy = new RegExp(`^${stem}\\.([a-z0-9.-]+)-backup(?:-\\d+)?\\.assay$`).exec(name);
  return legacy ? { label: legacy[1]! } : undefined;
}
