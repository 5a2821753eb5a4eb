import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Descriptors that Assay opens itself of files that may be assessments (to read the header before
 * SQLite, to copy a file privately, to pack its pages, to read an input the user chose) are
 * released here, never closed on the spot.
 *
 * On Linux and macOS SQLite's locks are POSIX record locks, which belong to the process: closing
 * ANY descriptor of a file drops every lock the process holds on it, those of every connection in
 * every thread. A header read while the app was inside a write let another process write beside
 * it. SQLite defers closing its own descriptors for this reason; these are deferred the same way,
 * and closed only at a moment when no connection of this process can hold a lock on any file:
 *  - no job's worker is alive (its connections live in its thread; the runner says so);
 *  - no connection of this thread is inside a transaction, or in WAL mode, where it holds a read
 *    lock between transactions too (sqlite.ts says so);
 *  - and the thread is between tasks (the close runs from setImmediate), so no statement of this
 *    thread is part-way through reading. That holds because no statement is iterated across
 *    tasks (an await inside an iterate() loop would break it: keep it that way).
 *
 * A descriptor of a file that is not an SQLite database (a CSV, a PDF of evidence, a FIFO) is
 * closed at once: no connection can hold a lock on it.
 *
 * Node closes every descriptor a worker opened when the worker exits, unless the worker is started
 * with trackUnmanagedFds off, as the runner starts them here. A worker hands what it releases to the
 * runner's thread, which owns it from then on. The cost: a worker terminated on cancel leaves open
 * what it had opened and not yet released (an input being read), for the life of the process. The
 * job's own file is not among them: the runner lends each job a descriptor of it, opened on its
 * own thread (workerData), and the worker reads its file through that one.
 *
 * Files are told apart by device and inode, as bigints (inode numbers beyond 2^53 exist). On
 * Windows closing a handle drops no other handle's locks, and a handle kept open could stand in
 * the way of a file renamed over: there everything is closed at once and nothing is lent.
 */

type Holder = () => boolean;

interface Known {
  fd: number;
  dev: bigint;
  ino: bigint;
}

const DEFER = process.platform !== 'win32';
/** Whether a job's worker keeps the descriptors it opens past its exit (see above); on Windows Node may close them. */
export const WORKERS_KEEP_DESCRIPTORS = DEFER;
/** The 16 bytes every SQLite database file starts with. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

const released: Known[] = [];
const holders: Holder[] = [];
let lent: Known | undefined;
let handOver: ((fd: number) => void) | undefined;
let scheduled = false;

function identity(file: string): { dev: bigint; ino: bigint } | undefined {
  try {
    return statSync(file, { bigint: true });
  } catch {
    // Gone from its path: opening it says so in its own words.
    return undefined;
  }
}

/** A read-only descriptor of `file` (non-blocking, so a FIFO put in its place cannot hang the open), read with explicit positions only; give it back with releaseDescriptor. */
export function openDescriptor(file: string): number {
  const now = DEFER ? identity(file) : undefined;
  // The lent descriptor, or one released and still waiting, while the path leads to the file it was
  // opened on: taken back rather than another opened, so a long job does not pile up one per header
  // read or job start.
  if (now && lent && now.dev === lent.dev && now.ino === lent.ino) return lent.fd;
  const waiting = now ? released.findIndex((r) => r.dev === now.dev && r.ino === now.ino) : -1;
  if (waiting >= 0) return released.splice(waiting, 1)[0]!.fd;
  return openSync(file, READ_FLAGS);
}

/** For the runner: a descriptor of a job's file, opened on this thread, to lend to the job's worker (none if it cannot be opened: the worker then says why). */
export function descriptorToLend(file: string): number | undefined {
  if (!DEFER) return undefined;
  try {
    return openDescriptor(file);
  } catch {
    return undefined;
  }
}

/** In a job's worker: what it releases goes to the runner's thread; `fd` is the descriptor of its file that thread lent it. */
export function workForRunner(handTo: (fd: number) => void, fd: number | undefined): void {
  handOver = handTo;
  if (fd !== undefined) {
    const s = fstatSync(fd, { bigint: true });
    lent = { fd, dev: s.dev, ino: s.ino };
  }
}

/** Registers something that may hold locks on assessment files in this process right now. */
export function lockHolder(holds: Holder): void {
  holders.push(holds);
}

/** Instead of closeSync(fd): closed once no lock of this process can be lost by it. */
export function releaseDescriptor(fd: number): void {
  if (!DEFER) {
    closeSync(fd);
    return;
  }
  if (handOver) {
    // A worker: the lent descriptor stays with the runner, which closes it after the exit.
    if (fd !== lent?.fd) handOver(fd);
    return;
  }
  let known: Known | undefined;
  try {
    const s = fstatSync(fd, { bigint: true });
    if (s.isFile() && mayBeDatabase(fd, s.size)) known = { fd, dev: s.dev, ino: s.ino };
  } catch {
    // Not a descriptor any more (EBADF): there is nothing to close.
    return;
  }
  if (known) {
    released.push(known);
    closeReleasedSoon();
  } else closeQuietly(fd);
}

/** An empty file may be a database being created; anything else is one only if it starts like one. */
function mayBeDatabase(fd: number, size: bigint): boolean {
  if (size < 16n) return size === 0n;
  const head = Buffer.alloc(16);
  return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_MAGIC);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // EBADF: closed already; an error here must not stop the app's thread.
  }
}

/** Asks for a try at closing what was released, between tasks (a job ended, a transaction or connection closed). */
export function closeReleasedSoon(): void {
  if (scheduled || released.length === 0) return;
  scheduled = true;
  // unref'd: a process about to end closes its descriptors anyway, and its locks go with it.
  setImmediate(() => {
    scheduled = false;
    // Only between tasks: here no statement of this thread is part-way through reading.
    if (holders.some((holds) => holds())) return;
    for (let r = released.pop(); r !== undefined; r = released.pop()) closeQuietly(r.fd);
  }).unref();
}

/** How many released descriptors are waiting to be closed (for tests). */
export function releasedWaiting(): number {
  return released.length;
}
