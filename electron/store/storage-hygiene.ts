import type Database from 'better-sqlite3';
import { hasTable } from './sqlite';

/** Files before schema 20 have no record: they may hold leftovers, as far as anyone can tell. */
export function holdsNoErasedLeftovers(db: Database.Database): boolean {
  return hasTable(db, 'storage_hygiene') && (db.prepare('SELECT no_erased_leftovers AS clean FROM storage_hygiene WHERE id = 1').get() as { clean: number } | undefined)?.clean === 1;
}

function record(db: Database.Database, clean: boolean): void {
  if (hasTable(db, 'storage_hygiene')) db.prepare('UPDATE storage_hygiene SET no_erased_leftovers = ?').run(clean ? 1 : 0);
}

/** For a clean copy (VACUUM INTO), which holds no freed space at all. */
export function markNoErasedLeftovers(db: Database.Database): void {
  record(db, true);
}

/**
 * Records that the file may now hold leftovers of data removed on request: SQLite can keep a copy
 * of a row it moved in space it does not zero, even under secure_delete. Called where data that
 * the audit log does not carry is erased or replaced (a person's name and e-mail, an imported
 * framework's text); packages then go through a clean copy (migration 20, page-copy.ts).
 */
export function markErasedLeftovers(db: Database.Database): void {
  record(db, false);
}
