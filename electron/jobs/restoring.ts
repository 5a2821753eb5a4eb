import { AssayError } from '../../shared/errors';

/**
 * The files a restore job is replacing. Until it ends, this process neither reads nor writes them:
 * a connection opened meanwhile would hold the file being replaced (and on Windows block the
 * rename), and a change made meanwhile would be lost with it.
 */
const restoring = new Set<string>();

export function markRestoring(file: string, on: boolean): void {
  if (on) restoring.add(file);
  else restoring.delete(file);
}

export function refuseWhileRestoring(file: string): void {
  if (restoring.has(file)) throw new AssayError('conflict', `${file}: is being restored from a backup; try again when the restore has finished`);
}
