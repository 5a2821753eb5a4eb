import { closeSync, fstatSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { secretTables } from '../../shared/domain/replay';
import { type PlainSource, readFully } from './stream';

/**
 * Packing the assessment's pages as they lie in its file, instead of through a VACUUM INTO copy:
 * the copy wrote the whole file a second time (for 1 GB of evidence about as long as encrypting it).
 *
 * Reading the file directly is only safe, and only as clean as VACUUM's copy, when:
 *  - the file is in rollback-journal mode and this connection holds a read transaction, so
 *    SQLite's SHARED lock keeps every writer from changing a byte until we are done (in WAL mode
 *    a checkpoint may write into the file under a reader: those files go through the snapshot);
 *  - every writer since the file was made has zeroed what it freed (secure_delete, set on every
 *    connection: see connect), which the file records in storage_hygiene: data erased on request,
 *    deleted evidence and replaced rows then leave no bytes behind in free pages or free space.
 *    Files from before that setting say 0 there and go through the snapshot;
 *  - the pseudonymisation key, when it stays out, sits in a table and index of one page each, so
 *    those two pages can be written as empty ones (an empty table and an empty index are exactly
 *    what DELETE leaves under secure_delete, and integrity_check accepts them).
 * Otherwise `directCopy` says why not and the caller takes the snapshot.
 */

/** SQLite's lock bytes sit at 2^30; the page holding them is never used for data (its "pending-byte page"). */
export const PENDING_BYTE = 0x40000000;

/** Page types of SQLite's b-tree page header (the file format, section 1.6). */
const LEAF_TABLE = 0x0d;
const LEAF_INDEX = 0x0a;

export interface PagePatch {
  /** Byte offset in the file. */
  offset: number;
  bytes: Buffer;
}

/** The page an empty b-tree leaf of this kind is: the 8-byte header, no cells, content area at the page's end, the rest zero. */
export function emptyLeaf(pageSize: number, kind: 'table' | 'index'): Buffer {
  const page = Buffer.alloc(pageSize);
  page[0] = kind === 'table' ? LEAF_TABLE : LEAF_INDEX;
  // Cell content starts at the end of the page; 65536 does not fit two bytes and is written as 0.
  page.writeUInt16BE(pageSize === 65536 ? 0 : pageSize, 5);
  return page;
}

/** The 1-based number of the pending-byte page, when a file of this many pages reaches it. */
export function lockBytePage(pageSize: number, pageCount: number): number | undefined {
  const page = Math.floor(PENDING_BYTE / pageSize) + 1;
  return pageCount >= page ? page : undefined;
}

/** Copies `patches` over the part of them that falls in [position, position + length) of the file, held in `buffer` from 0. */
export function applyPatches(buffer: Buffer, length: number, position: number, patches: readonly PagePatch[]): void {
  for (const p of patches) {
    const from = Math.max(position, p.offset);
    const to = Math.min(position + length, p.offset + p.bytes.length);
    if (from < to) p.bytes.copy(buffer, from - position, from - p.offset, to - p.offset);
  }
}

export interface DirectCopy {
  source: PlainSource;
  /** The key was in the file and is not in what is read. */
  secretLeftOut: boolean;
  /** Ends the read transaction and closes the file: call once sealing is done or has failed. */
  end(): void;
}

/**
 * The file's pages to pack as they are, under a read transaction held on `db` until `end`, or
 * the reason they cannot be (the caller then takes a VACUUM INTO snapshot). `db` must be a
 * connection to `file` itself (not a private copy) that is not already in a transaction.
 */
export function directCopy(db: Database.Database, file: string, includeSecret: boolean): DirectCopy | { reason: string } {
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'delete') return { reason: 'the file is in write-ahead-log mode (a job is writing it)' };
  const hygiene = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'storage_hygiene'").get()
    ? (db.prepare('SELECT freed_space_zeroed AS zeroed FROM storage_hygiene WHERE id = 1').get() as { zeroed: number } | undefined)
    : undefined;
  if (hygiene?.zeroed !== 1) return { reason: 'the file was written before freed space was zeroed' };
  db.exec('BEGIN');
  let fd: number | undefined;
  try {
    // The first read takes the SHARED lock; from here until COMMIT no writer can change the file.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    fd = openSync(file, 'r');
    const length = pageSize * pageCount;
    if (fstatSync(fd).size < length) return stop(db, fd, { reason: 'the file is shorter than its pages' });
    const patches: PagePatch[] = [];
    const lockPage = lockBytePage(pageSize, pageCount);
    // Never read: on Windows the lock bytes cannot be read while another process holds them.
    if (lockPage !== undefined) patches.push({ offset: (lockPage - 1) * pageSize, bytes: Buffer.alloc(pageSize) });
    let secretLeftOut = false;
    if (!includeSecret) {
      const left = secretPages(db, fd, pageSize);
      if ('reason' in left) return stop(db, fd, left);
      patches.push(...left.patches);
      secretLeftOut = left.rows > 0;
    }
    const source: PlainSource = {
      length,
      read(buffer, want, position) {
        const got = readFully(fd!, buffer, want, position);
        applyPatches(buffer, got, position, patches);
        return got;
      },
    };
    const opened = fd;
    return { source, secretLeftOut, end: () => stop(db, opened, undefined) };
  } catch (error) {
    stop(db, fd, undefined);
    throw error;
  }
}

function stop<T>(db: Database.Database, fd: number | undefined, value: T): T {
  if (fd !== undefined) closeSync(fd);
  if (db.inTransaction) db.exec('COMMIT');
  return value;
}

/** The secret tables' pages, as empty ones; or why they cannot simply be emptied. */
function secretPages(db: Database.Database, fd: number, pageSize: number): { patches: PagePatch[]; rows: number } | { reason: string } {
  const patches: PagePatch[] = [];
  let rows = 0;
  for (const table of secretTables) {
    const trees = db.prepare("SELECT type, name, rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0").all(table) as { type: string; name: string; rootpage: number }[];
    if (trees.length === 0) continue;
    const all = db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
    rows += all.length;
    // A row this small never spills to an overflow page, which would hold key bytes outside the leaf.
    const widest = Math.max(0, ...all.map((row) => row.reduce<number>((n, v) => n + (Buffer.isBuffer(v) ? v.length : Buffer.byteLength(String(v))), 0)));
    if (widest > pageSize / 8) return { reason: `a row of ${table} is too large to be left out page by page` };
    for (const tree of trees) {
      const kind = tree.type === 'table' ? 'table' : 'index';
      const header = Buffer.alloc(1);
      readFully(fd, header, 1, (tree.rootpage - 1) * pageSize + (tree.rootpage === 1 ? 100 : 0));
      if (tree.rootpage === 1 || header[0] !== (kind === 'table' ? LEAF_TABLE : LEAF_INDEX)) return { reason: `${tree.name} spans more than one page` };
      patches.push({ offset: (tree.rootpage - 1) * pageSize, bytes: emptyLeaf(pageSize, kind) });
    }
  }
  return { patches, rows };
}
