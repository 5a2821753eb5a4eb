import type Database from 'better-sqlite3';

/**
 * Tables that will hold bulk content (evidence chunks, from step 4 on): checking them on every
 * open would read gigabytes, so only `verify` checks them, with the full integrity check.
 */
const BULK_TABLES = new Set<string>(['evidence_chunk']);

function problems(rows: unknown[]): string | undefined {
  const messages = rows.map((r) => String(Object.values(r as Record<string, unknown>)[0])).filter((m) => m !== 'ok');
  return messages.length ? messages.slice(0, 3).join('; ') : undefined;
}

/** SQLite's quick check of the small tables: what opening can afford. Undefined when sound. */
export function findDamage(db: Database.Database): string | undefined {
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      if (BULK_TABLES.has(name)) continue;
      const found = problems(db.prepare(`PRAGMA quick_check("${name.replaceAll('"', '""')}")`).all());
      if (found) return `table ${name}: ${found}`;
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The full check, every page: for `verify`, which may take its time. */
export function fullIntegrityCheck(db: Database.Database): string | undefined {
  try {
    return problems(db.prepare('PRAGMA integrity_check(20)').all());
  } catch (error) {
    return (error as Error).message;
  }
}
