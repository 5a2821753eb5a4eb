import type { BackupSchedule } from './backups';

export interface LastBackup {
  /** When the schedule last took (or first saw) the file, in ms. */
  at: number;
  /** The audit head then ("count:hash"): a file that has not changed since needs no new copy. */
  head: string;
}

/** Whether the schedule takes a backup now: it is on, the interval has passed, and the file changed since. */
export function backupDue(schedule: BackupSchedule, last: LastBackup, head: string, now: number): boolean {
  return schedule.intervalMinutes > 0 && now - last.at >= schedule.intervalMinutes * 60_000 && head !== last.head;
}
