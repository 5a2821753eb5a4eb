import type { Assessment } from '../store/assessment';
import { openAssessments } from '../handlers/open-files';
import { emitEvent } from './hub';

export const CHANGE_POLL_MS = 1000;

/**
 * Notices commits made by another process (the command line, a second app) to the files this
 * process holds open. SQLite's `data_version` changes only for other connections' commits, so
 * this process's own writes are not reported back to it. Reading it takes no lock and does not
 * wait, which keeps the poll off the list of things that could freeze the thread answering commands.
 */
export function startChangeWatcher(options: { intervalMs?: number } = {}): { stop(): void; check(): void } {
  const seen = new WeakMap<Assessment, number>();

  function check(): void {
    for (const assessment of openAssessments()) {
      let version: number;
      try {
        version = assessment.db.pragma('data_version', { simple: true }) as number;
      } catch {
        continue; // closed between listing and reading; the next round will not see it
      }
      const before = seen.get(assessment);
      seen.set(assessment, version);
      if (before !== undefined && before !== version) {
        assessment.forgetCached();
        emitEvent({ type: 'assessment.changed', file: assessment.file });
      }
    }
  }

  check();
  const timer = setInterval(check, options.intervalMs ?? CHANGE_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}
