import type { Assessment } from '../store/assessment';
import { openAssessments } from '../handlers/open-files';
import { writingJobSince } from '../jobs/runner';
import { emitEvent } from './hub';

export const CHANGE_POLL_MS = 1000;

/**
 * `PRAGMA data_version` opens a read transaction. While another process commits in rollback-journal
 * mode that would wait for the connection's busy timeout on this thread, so the poll runs with no
 * timeout and simply tries again next round when the file is busy.
 */
export function readDataVersion(assessment: Assessment): number | undefined {
  const db = assessment.db;
  if (!db.open || db.inTransaction) return undefined;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    return db.pragma('data_version', { simple: true }) as number;
  } catch {
    return undefined; // busy, or closed between listing and reading
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}

/**
 * Notices commits made by another process (the command line, a second app) to the files this
 * process holds open. SQLite's `data_version` changes only for other connections' commits, so
 * this process's own writes are not reported back to it.
 */
export function startChangeWatcher(options: { intervalMs?: number } = {}): { stop(): void; check(): void } {
  const seen = new WeakMap<Assessment, number>();
  let lastCheck = Date.now();

  function check(): void {
    const since = lastCheck;
    lastCheck = Date.now();
    for (const assessment of openAssessments()) {
      const version = readDataVersion(assessment);
      if (version === undefined) continue;
      const before = seen.get(assessment);
      seen.set(assessment, version);
      if (before !== undefined && before !== version) {
        assessment.forgetCached();
        // A job of this process (adding evidence) writes on its own connection: say so, it is no stranger's change.
        emitEvent({ type: 'assessment.changed', file: assessment.file, ...(writingJobSince(assessment.file, since) ? { byJob: true } : {}) });
      }
    }
  }

  check();
  const timer = setInterval(check, options.intervalMs ?? CHANGE_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
