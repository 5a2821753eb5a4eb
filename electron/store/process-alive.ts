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
