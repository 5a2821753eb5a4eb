import { z } from 'zod';

/** An assessment's backup as listed: where, when, why, how large, and the audit head it ends at. */
export const BackupInfo = z.object({
  path: z.string(),
  takenAt: z.string(),
  /** Why it was taken: formatN (before an upgrade), catalog-<version>, before-restore, scheduled, manual. */
  label: z.string(),
  size: z.number().int(),
  head: z.object({ count: z.number().int(), hash: z.string() }).optional(),
  /** Why the backup could not be read (then it has no head). */
  problem: z.string().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** The schedule the app keeps backups on: every `intervalMinutes` while a file is open for editing, the newest `keep` kept. */
export const BackupSchedule = z.object({
  intervalMinutes: z.number().int().min(0, 'the interval is 0 (off) or more minutes').max(24 * 60),
  keep: z.number().int().min(1, 'keep at least one scheduled backup').max(1000),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

const Head = z.object({ count: z.number().int(), hash: z.string() });

/** A restore: the backup brought back, the head of the chain it replaced, the head after it, and the copy of the state before it. */
export const RestoreResult = z.object({ file: z.string(), backup: z.string(), discarded: Head, head: Head, keptAs: z.string() });
export type RestoreResult = z.infer<typeof RestoreResult>;

/** What a backup job answers: the copy kept, and the older copies of its label removed to keep the newest N. */
export const BackupTaken = z.object({ path: z.string(), pruned: z.array(z.string()) });
export type BackupTaken = z.infer<typeof BackupTaken>;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { intervalMinutes: 30, keep: 10 };
