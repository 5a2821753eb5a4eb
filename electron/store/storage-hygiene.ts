import type Database from 'better-sqlite3';

/**
 * Records that the file may now hold leftovers of data removed on request: SQLite can keep a copy
 * of a row it moved in space it does not zero, even under secure_delete. Called where data that
 * the audit log does not carry is erased or replaced (a person's name and e-mail, an imported
 * framework's text); packages then go through a clean copy (migration 20, page-copy.ts).
 */
export function markErasedLeftovers(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'storage_hygiene'").get()) db.prepare('UPDATE storage_hygiene SET no_erased_leftovers = 0').run();
}
