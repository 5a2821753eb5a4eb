import { closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';

/**
 * Descriptors of assessment files that Assay opens itself (to read the header before SQLite, to
 * copy a file privately, to pack its pages) are opened and released here, never closed on the spot.
 *
 * On Linux and macOS SQLite's locks are POSIX record locks, which belong to the process: closing
 * ANY descriptor of a file drops every lock the process holds on it, those of every connection in
 * every thread. A header read while the app was inside a write let another process write beside
 * it. SQLite defers closing its own descriptors for this reason; these are deferred the same way,
 * and closed only at a moment when no connection of this process can hold a lock on any file:
 *  - no job is running (a job's connections live in its worker thread; the runner says so);
 *  - no connection of this thread is inside a transaction (sqlite.ts says so);
 *  - and the thread is between tasks (the close runs from setImmediate), so no statement of this
 *    thread is part-way through reading either.
 *
 * A job's worker cannot keep a descriptor past its end: Node closes every descriptor a worker
 * opened when the worker exits. So the runner's thread opens one of the job's file before the
 * worker starts and lends it (workerData); the worker reads its file through that one and never
 * closes it, and the runner releases it once the worker has exited. A worker that opens another
 * file itself (a backup it restores from) still closes that descriptor: no connection of the app
 * holds such a file. On Windows closing a handle drops no other handle's locks; the same path is
 * harmless there.
 */

type Holder = () => boolean;

interface Released {
  fd: number;
  dev: number;
  ino: number;
}

const released: Released[] = [];
const holders: Holder[] = [];
let lent: { fd: number; dev: number; ino: number } | undefined;
let scheduled = false;

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** A read-only descriptor of `file` (non-blocking, so a FIFO put in its place cannot hang the open); give it back with releaseDescriptor. */
export function openDescriptor(file: string): number {
  const now = statOrUndefined(file);
  // The lent descriptor, or one released and still waiting, while the path leads to the file it was
  // opened on: taken back rather than another opened, so a long job does not pile up one per command.
  if (now && lent && now.dev === lent.dev && now.ino === lent.ino) return lent.fd;
  const waiting = now ? released.findIndex((r) => r.dev === now.dev && r.ino === now.ino) : -1;
  if (waiting >= 0) return released.splice(waiting, 1)[0]!.fd;
  return openSync(file, READ_FLAGS);
}

function statOrUndefined(file: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(file);
  } catch {
    // Gone from its path: opening it says so in its own words.
    return undefined;
  }
}

/** For the runner: a descriptor of a job's file, opened on this thread, to lend to the job's worker (none if it cannot be opened: the worker then says why). */
export function descriptorToLend(file: string): number | undefined {
  try {
    return openSync(file, READ_FLAGS);
  } catch {
    return undefined;
  }
}

/** In a job's worker: the descriptor of its file lent by the runner's thread, which alone closes it. */
export function borrowDescriptor(fd: number): void {
  const s = fstatSync(fd);
  lent = { fd, dev: s.dev, ino: s.ino };
}

/** Registers something that may hold locks on assessment files in this process right now. */
export function lockHolder(holds: Holder): void {
  holders.push(holds);
}

/** Instead of closeSync(fd), for a descriptor of an assessment file: closed once no lock can be lost by it. */
export function releaseDescriptor(fd: number): void {
  if (lent) {
    // A worker: the lent descriptor stays open for the runner; one of its own would be closed when it exits anyway.
    if (fd !== lent.fd) closeSync(fd);
    return;
  }
  const { dev, ino } = fstatSync(fd);
  released.push({ fd, dev, ino });
  closeReleasedSoon();
}

/** Asks for a try at closing what was released, between tasks (a job ended, a transaction or connection closed). */
export function closeReleasedSoon(): void {
  if (scheduled || released.length === 0) return;
  scheduled = true;
  // unref'd: a process about to end closes its descriptors anyway, and its locks go with it.
  setImmediate(() => {
    scheduled = false;
    closeReleasedNow();
  }).unref();
}

/** Closes what was released if nothing may hold a lock now; answers how many are still waiting. */
export function closeReleasedNow(): number {
  if (holders.some((holds) => holds())) return released.length;
  for (let r = released.pop(); r !== undefined; r = released.pop()) closeSync(r.fd);
  return 0;
}

/** How many released descriptors are waiting to be closed (for tests). */
export function releasedWaiting(): number {
  return released.length;
}
