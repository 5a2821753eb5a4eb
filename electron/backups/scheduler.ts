import { backupDue, type LastBackup } from '../../shared/backup-schedule';
import { formatHead } from '../../shared/domain/head';
import { openAssessments } from '../handlers/open-files';
import { waitForJob } from '../jobs/await-job';
import { startJob } from '../jobs/runner';
import { readSettings } from '../settings';

const TICK_MS = 60_000;

/**
 * The app's scheduled backups: every assessment this process holds open for editing is copied into
 * its backups folder once the interval has passed and its log has grown, and only the newest
 * `keep` scheduled copies are kept. The schedule is read from the settings on every tick, so a
 * change in the app takes effect without a restart. Each copy runs as a backup job (VACUUM INTO
 * takes seconds on a large file, and the thread that answers commands must not stop for it); a
 * copy that fails (a full disk) is announced as job.failed, which the app shows, and is tried
 * again next tick; it never stops the app.
 */
export function startBackupSchedule(home: string, options: { tickMs?: number; now?: () => number } = {}): { stop(): void; tick(): Promise<string[]> } {
  const now = options.now ?? Date.now;
  const last = new Map<string, LastBackup>();
  const running = new Set<string>();

  async function backUp(file: string, head: string, keep: number): Promise<string | undefined> {
    let jobId: string;
    try {
      ({ jobId } = startJob('backup', file, { backup: { label: 'scheduled', keep } }));
    } catch (error) {
      // Too many jobs at once, or the file went away: nothing was copied; the next tick tries again.
      process.stderr.write(`assay: scheduled backup of ${file} not started (tried again next time): ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    }
    running.add(file);
    const seenAt = now();
    try {
      const result = await waitForJob(jobId, `the scheduled backup of ${file}`);
      if (result.kind !== 'backup') return undefined;
      last.set(file, { at: seenAt, head });
      return result.value.path;
    } catch {
      // Announced as job.failed, which the app shows; the file is still due, and the next tick tries again.
      return undefined;
    } finally {
      running.delete(file);
    }
  }

  function tick(): Promise<string[]> {
    const schedule = readSettings(home).backupSchedule;
    const started: Promise<string | undefined>[] = [];
    for (const a of openAssessments()) {
      if (a.info.mode !== 'write' || a.info.damage || !a.db.open || a.db.inTransaction || running.has(a.file)) continue;
      const head = formatHead(a.head());
      const seen = last.get(a.file);
      if (!seen) {
        last.set(a.file, { at: now(), head });
        continue;
      }
      if (backupDue(schedule, seen, head, now())) started.push(backUp(a.file, head, schedule.keep));
    }
    return Promise.all(started).then((paths) => paths.filter((p): p is string => p !== undefined));
  }

  const timer = setInterval(() => void tick(), options.tickMs ?? TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
