import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a process with this id is running: what decides that a temporary file named after its
 * process (a create's, a restore's) was left by one that was killed. A process we may not signal
 * still counts as running.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the files in `folder` that a killed process left: `pidOf` reads the process id a
 * temporary file's name carries (or undefined for any other file), and the file goes once that
 * process is gone. This process's own files stay unless `ownToo` (a step that alone writes them).
 */
export function removeLeftBehind(folder: string, pidOf: (name: string) => string | undefined, ownToo = false): void {
  for (const name of readdirSync(folder)) {
    const pid = pidOf(name);
    if (pid === undefined) continue;
    if (Number(pid) === process.pid ? ownToo : !processAlive(Number(pid))) rmSync(join(folder, name), { force: true });
  }
}
