import { backupDue, type LastBackup } from '../../shared/backup-schedule';
import { formatHead } from '../../shared/domain/head';
import { openAssessments } from '../handlers/open-files';
import { readSettings } from '../settings';
import { keepBackup } from '../store/backup';
import { pruneBackups } from '../store/backups';

const TICK_MS = 60_000;

/**
 * The app's scheduled backups: every assessment this process holds open for editing is copied into
 * its backups folder once the interval has passed and its log has grown, and only the newest
 * `keep` scheduled copies are kept. The schedule is read from the settings on every tick, so a
 * change in the app takes effect without a restart. A copy that fails (a full disk) is reported
 * on stderr and tried again next tick; it never stops the app.
 */
export function startBackupSchedule(home: string, options: { tickMs?: number; now?: () => number } = {}): { stop(): void; tick(): string[] } {
  const now = options.now ?? Date.now;
  const last = new Map<string, LastBackup>();

  function tick(): string[] {
    const schedule = readSettings(home).backupSchedule;
    const taken: string[] = [];
    for (const a of openAssessments()) {
      if (a.info.mode !== 'write' || a.info.damage || a.db.inTransaction) continue;
      const head = formatHead(a.head());
      const seen = last.get(a.file);
      if (!seen) {
        last.set(a.file, { at: now(), head });
        continue;
      }
      if (!backupDue(schedule, seen, head, now())) continue;
      try {
        taken.push(keepBackup(a.db, a.file, 'scheduled', new Date(now())));
        pruneBackups(a.file, 'scheduled', schedule.keep);
        last.set(a.file, { at: now(), head });
      } catch (error) {
        process.stderr.write(`assay: scheduled backup of ${a.file} failed (tried again next time): ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    return taken;
  }

  const timer = setInterval(tick, options.tickMs ?? TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
