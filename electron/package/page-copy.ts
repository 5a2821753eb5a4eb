import { fstatSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { secretTables } from '../../shared/domain/replay';
import type { PlainSource } from './stream';
import { readFully } from '../files/full-io';
import { holdsNoErasedLeftovers } from '../store/storage-hygiene';

/**
 * Packing the assessment's pages as they lie in its file, instead of through a VACUUM INTO copy
 * that writes the whole file a second time (for 1 GB of evidence, about as long as encrypting it).
 * It is only done when that is as safe and as clean as the copy:
 *
 *  - The file is in rollback-journal mode and the packing connection holds a read transaction,
 *    taken before anything is checked: SQLite's SHARED lock keeps every writer from changing a
 *    byte of the file until the pages are sealed. (In WAL mode a checkpoint may write into the
 *    file under a reader: such a file, being written by a job, goes through the snapshot.)
 *  - The pages are read through a descriptor taken before the connection was made, and the path
 *    must still lead to the same file once the lock is held: what is read is the file locked.
 *    (That descriptor is released, not closed, afterwards: see descriptors.ts.)
 *  - The file holds no leftovers of data erased or removed on request: storage_hygiene says so
 *    (a new file does; erasing a person, or removing or replacing an imported framework, whose
 *    text the log does not carry, makes it say no for good; a clean copy, as an unpacked package
 *    is, starts again). Everything else that a freed page or a page's free space could still hold
 *    is an earlier state of data that the audit log carries anyway.
 *  - The pseudonymisation key, when it stays out, sits in a table and an index of one leaf page
 *    each (dbstat says so): those two pages go in as empty ones, which is what the tables would
 *    look like emptied, and integrity_check accepts them.
 *  - Pages keep all their bytes for SQLite (no reserved space at their end).
 * Otherwise `directCopy` says why not, and the caller takes the snapshot.
 */

/** SQLite's lock bytes start at 2^30; the page holding them is never used for data (its "pending-byte page"). */
export const PENDING_BYTE = 0x40000000;

/** Page types of SQLite's b-tree page header (the file format, section 1.6). */
const LEAF_TABLE = 0x0d;
const LEAF_INDEX = 0x0a;

export interface PagePatch {
  /** Byte offset in the file. */
  offset: number;
  bytes: Buffer;
}

/** The page an empty b-tree leaf of this kind is: the 8-byte header, no cells, the content area at the page's end, the rest zero. */
export function emptyLeaf(pageSize: number, kind: 'table' | 'index'): Buffer {
  const page = Buffer.alloc(pageSize);
  page[0] = kind === 'table' ? LEAF_TABLE : LEAF_INDEX;
  // The content area starts at the end of the page; 65536 does not fit two bytes and is written as 0.
  page.writeUInt16BE(pageSize === 65536 ? 0 : pageSize, 5);
  return page;
}

/** The 1-based number of the pending-byte page, when a file of this many pages reaches it. */
export function lockBytePage(pageSize: number, pageCount: number): number | undefined {
  const page = Math.floor(PENDING_BYTE / pageSize) + 1;
  return pageCount >= page ? page : undefined;
}

/**
 * Fills `buffer` from 0 with the file's bytes [position, position + want), the patched ranges taken
 * from the patches and never read (on Windows the lock bytes cannot be read while another process
 * holds them). `patches` must be sorted by offset and not overlap. Answers how many bytes it has.
 */
export function readPatched(read: (buffer: Buffer, length: number, position: number) => number, patches: readonly PagePatch[], buffer: Buffer, want: number, position: number): number {
  const end = position + want;
  let at = position;
  const fill = (upTo: number): boolean => {
    if (upTo <= at) return true;
    const got = read(buffer.subarray(at - position, upTo - position), upTo - at, at);
    at += got;
    return at === upTo;
  };
  for (const p of patches) {
    const from = Math.max(p.offset, position);
    const to = Math.min(p.offset + p.bytes.length, end);
    if (from >= to) continue;
    if (!fill(from)) return at - position;
    p.bytes.copy(buffer, from - position, from - p.offset, to - p.offset);
    at = to;
  }
  fill(end);
  return at - position;
}

export interface DirectCopy {
  source: PlainSource;
  /** The key was in the file and is not in what is read. */
  secretLeftOut: boolean;
  /** Ends the read transaction: call as soon as the pages are sealed, or on failure. */
  end(): void;
}

/**
 * The file's pages to pack as they are, under a read transaction on `db` held until `end`, or
 * why they cannot be (then nothing is held). `fd` is a descriptor of `file` taken before
 * `db` was connected to it; `db` must not be in a transaction.
 */
export function directCopy(db: Database.Database, file: string, fd: number, includeSecret: boolean): DirectCopy | { reason: string } {
  db.exec('BEGIN');
  try {
    // The first read takes the SHARED lock: from here until COMMIT no writer can change the file.
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const why = whyNot(db, file, fd, pageCount);
    if (typeof why === 'string') return release(db, { reason: why });
    const { pageSize } = why;
    const patches: PagePatch[] = [];
    const lockPage = lockBytePage(pageSize, pageCount);
    if (lockPage !== undefined) patches.push({ offset: (lockPage - 1) * pageSize, bytes: Buffer.alloc(pageSize) });
    let secretLeftOut = false;
    if (!includeSecret) {
      const left = secretPages(db, pageSize);
      if ('reason' in left) return release(db, left);
      patches.push(...left.patches);
      secretLeftOut = left.rows > 0;
    }
    patches.sort((a, b) => a.offset - b.offset);
    const read = (buffer: Buffer, length: number, position: number) => readFully(fd, buffer, length, position);
    const source: PlainSource = { length: pageSize * pageCount, read: (buffer, want, position) => readPatched(read, patches, buffer, want, position) };
    return { source, secretLeftOut, end: () => release(db, undefined) };
  } catch (error) {
    release(db, undefined);
    throw error;
  }
}

function release<T>(db: Database.Database, value: T): T {
  if (db.inTransaction) db.exec('COMMIT');
  return value;
}

/** Why the file cannot be read as it is (checked under the lock), or its page size. */
function whyNot(db: Database.Database, file: string, fd: number, pageCount: number): string | { pageSize: number } {
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'delete') return 'the file is in write-ahead-log mode (a job is writing it)';
  if (!holdsNoErasedLeftovers(db)) return 'data was erased from the file since it was last copied clean, or it predates that record';
  const opened = fstatSync(fd, { bigint: true });
  let now;
  try {
    now = statSync(file, { bigint: true });
  } catch {
    return 'the file is no longer at its path';
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) return 'the file was replaced while it was being opened';
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const header = Buffer.alloc(100);
  if (readFully(fd, header, 100, 0) !== 100) return 'the file is shorter than its header';
  if (header[20] !== 0) return 'its pages reserve bytes at their end';
  if (Number(opened.size) < pageSize * pageCount) return 'the file is shorter than its pages';
  return { pageSize };
}

/** The secret tables' pages, as empty ones; or why they cannot simply be emptied page by page. */
function secretPages(db: Database.Database, pageSize: number): { patches: PagePatch[]; rows: number } | { reason: string } {
  const patches: PagePatch[] = [];
  let rows = 0;
  for (const table of secretTables) {
    const trees = db.prepare("SELECT type, name, rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0").all(table) as { type: string; name: string; rootpage: number }[];
    if (trees.length === 0) continue;
    rows += (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    for (const tree of trees) {
      const kind = tree.type === 'table' ? 'table' : 'index';
      let pages: { pageno: number; pagetype: string }[];
      try {
        pages = db.prepare('SELECT pageno, pagetype FROM dbstat WHERE name = ?').all(tree.name) as { pageno: number; pagetype: string }[];
      } catch {
        return { reason: 'this SQLite cannot list the pages of a table (no dbstat)' };
      }
      // One leaf, the root, and no overflow page: nothing of the key lies outside the page replaced.
      if (tree.rootpage === 1 || pages.length !== 1 || pages[0]!.pageno !== tree.rootpage || pages[0]!.pagetype !== 'leaf') return { reason: `${tree.name} spans more than one page` };
      patches.push({ offset: (tree.rootpage - 1) * pageSize, bytes: emptyLeaf(pageSize, kind) });
    }
  }
  return { patches, rows };
}
