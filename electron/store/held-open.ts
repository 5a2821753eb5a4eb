import { type BigIntStats, closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';

/**
 * A read-only descriptor of an assessment file that is never closed while the file is still at its
 * path. On Linux and macOS SQLite locks a file with POSIX record locks, which belong to the process,
 * not to a descriptor: closing ANY descriptor of the file drops every lock this process holds on it,
 * for every connection in every thread. (SQLite's own files avoid this by deferring their close.)
 * Reading the header of a file that a connection here may have open (a job's worker opening the file
 * the app has open, in the middle of the app's write or of an import's WAL session) would otherwise
 * let another process write beside that connection, or take the file out of WAL mode under it.
 *
 * So one descriptor per file (device and inode) is kept. It is closed once its file is no longer at
 * the path it was opened by (removed, or replaced by a restore): no other process can open that
 * file any more, so no lock it drops can matter, and a replaced file's space is given back. Windows
 * locks belong to the handle, and an open handle can stand in the way of renaming the file, so there
 * the descriptor is closed at once, as before.
 */

interface Held {
  fd: number;
  path: string;
  dev: bigint;
  ino: bigint;
}

// Kept on the global object: a module loaded twice in one process (test runners reload modules per
// file) must still see, and in time close, what the first copy kept open.
const slot = Symbol.for('assay.store.held-open');
const held: Map<string, Held> = ((globalThis as Record<symbol, unknown>)[slot] as Map<string, Held> | undefined) ?? new Map<string, Held>();
(globalThis as Record<symbol, unknown>)[slot] = held;
const keepsOpen = process.platform !== 'win32';

const keyOf = (s: Pick<BigIntStats, 'dev' | 'ino'>) => `${s.dev}:${s.ino}`;

function stillAtItsPath(h: Held): boolean {
  try {
    const s = statSync(h.path, { bigint: true });
    return s.dev === h.dev && s.ino === h.ino;
  } catch {
    return false;
  }
}

/** Closes the descriptors of files that are gone from their paths. */
function prune(): void {
  for (const [key, h] of held)
    if (!stillAtItsPath(h)) {
      held.delete(key);
      closeSync(h.fd);
    }
}

/**
 * Runs `read` on a read-only descriptor of `file` (opened without blocking, so a FIFO cannot hang
 * it), the one kept for this file where there is one. `read` must not close it.
 */
export function withHeldOpen<T>(file: string, read: (fd: number, stats: BigIntStats) => T): T {
  const at = statSync(file, { bigint: true });
  const known = keepsOpen ? held.get(keyOf(at)) : undefined;
  if (known) return read(known.fd, fstatSync(known.fd, { bigint: true }));
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let kept = false;
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (keepsOpen && stats.isFile()) {
      prune();
      held.set(keyOf(stats), { fd, path: file, dev: stats.dev, ino: stats.ino });
      kept = true;
    }
    return read(fd, stats);
  } finally {
    if (!kept) closeSync(fd);
  }
}

/** How many descriptors are kept (for tests). */
export const heldCount = () => held.size;
