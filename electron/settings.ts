import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupSchedule, DEFAULT_BACKUP_SCHEDULE } from '../shared/backups';

/** The app's own settings on this machine; nothing about any assessment. */
const Settings = z.object({
  displayName: z.string().nullable().default(null),
  /** Backups the app takes of an assessment open for editing (issue 10). */
  backupSchedule: BackupSchedule.default(DEFAULT_BACKUP_SCHEDULE),
});
export type Settings = z.infer<typeof Settings>;

function settingsPath(home: string): string {
  return join(home, 'settings.json');
}

export function readSettings(home: string): Settings {
  try {
    const parsed = Settings.safeParse(JSON.parse(readFileSync(settingsPath(home), 'utf8')));
    return parsed.success ? parsed.data : Settings.parse({});
  } catch {
    return Settings.parse({});
  }
}

export function writeSettings(home: string, settings: Settings): void {
  mkdirSync(home, { recursive: true });
  const temp = `${settingsPath(home)}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(settings, null, 2));
  renameSync(temp, settingsPath(home));
}
