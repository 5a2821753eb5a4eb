import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type CoreTable, type Difference, type ReplayState, type Row, type TableRows, compareTable, replayedTables, secretTables, unreplayedTables } from '../../shared/domain/replay';
import { type PersonRow, digestOf } from './people';
import { domainTables } from './domain-tables';
import { ownCatalogControls } from '../../shared/domain/own-controls/log';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function rows<T>(db: Database.Database, sql: string, key: (r: T) => string, shape: (r: T) => Row): TableRows {
  const out: TableRows = new Map();
  for (const r of db.prepare(sql).all() as T[]) out.set(key(r), shape(r));
  return out;
}

interface Snap {
  version: string;
  sha256: string;
  taken_at: string;
  content: string;
}

/** What the file's state tables hold, in the shape replay produces (hashes for large content). */
export function readTables(db: Database.Database): Record<CoreTable, TableRows> & Record<string, TableRows> {
  return {
    ...domainTables(db),
    assessment: rows<Row>(db, 'SELECT id, name, created_at, created_by FROM assessment', () => '1', (r) => ({ ...r })),
    catalog_snapshot: rows<Snap>(db, 'SELECT * FROM catalog_snapshot', () => '1', (r) => ({
      version: r.version,
      sha256: r.sha256,
      taken_at: r.taken_at,
      content_sha256: sha256(r.content),
    })),
    catalog_snapshot_previous: rows<Snap & { replaced_at: string }>(db, 'SELECT * FROM catalog_snapshot_previous', (r) => r.sha256, (r) => ({
      version: r.version,
      taken_at: r.taken_at,
      replaced_at: r.replaced_at,
      content_sha256: sha256(r.content),
    })),
    catalog_control: rows<Row & { id: string }>(db, 'SELECT id, name, objective, type, guidance, evidence FROM catalog_control', (r) => r.id, ({ id: _id, ...r }) => r),
    control_state: rows<Row & { control_id: string }>(
      db,
      'SELECT control_id, state, justification, updated_at, updated_by, owner, due_date, maturity, notes, last_review, next_review FROM control_state',
      (r) => r.control_id,
      ({ control_id: _c, ...r }) => r,
    ),
    user_framework: rows<Row & { id: string; content: string }>(
      db,
      'SELECT * FROM user_framework',
      (r) => r.id,
      ({ id: _id, content, ...r }) => ({ ...r, content_sha256: sha256(content) }),
    ),
    person: rows<PersonRow>(db, 'SELECT * FROM person', (r) => r.id, (r) => ({ erased: r.erased_at ? 1 : 0, digest: digestOf(r) })),
    ai_system: rows<Row & { id: string }>(db, 'SELECT id, name, record, created_at, created_by, updated_at, updated_by FROM ai_system', (r) => r.id, ({ id: _id, ...r }) => r),
    system_classification: rows<Row & { system_id: string }>(
      db,
      'SELECT system_id, answers, result, classified_at, classified_by FROM system_classification',
      (r) => r.system_id,
      ({ system_id: _s, ...r }) => r,
    ),
    schema_migration: rows<Row & { version: number }>(db, 'SELECT version, name, sha256, applied_at FROM schema_migration', (r) => String(r.version), ({ version: _v, ...r }) => r),
  };
}

/** Tables in the file that neither replay nor the log account for: verify cannot vouch for them. */
export function unknownTables(db: Database.Database): string[] {
  const known = new Set<string>([...replayedTables, ...unreplayedTables, ...secretTables]);
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !known.has(n));
}

/**
 * The log's state completed with what follows from it: the catalog controls come from the
 * snapshot the log names (only once its content is known to hash to that value), and every
 * snapshot's content must hash to the value its row and the log carry.
 */
function expectedTables(replayed: ReplayState, actual: ReturnType<typeof readTables>, snapshotControls: () => TableRows): ReplayState {
  const withContent = (t: TableRows, hashOf: (key: string, row: Row) => Cell) =>
    new Map([...t].map(([k, r]) => [k, { ...r, content_sha256: hashOf(k, r) }]));
  type Cell = Row[string];
  const snapshot = withContent(replayed.catalog_snapshot, (_k, r) => r.sha256 ?? null);
  const snapshotIntact = [...snapshot.values()].every((r) => actual.catalog_snapshot.get('1')?.content_sha256 === r.content_sha256);
  return {
    ...replayed,
    catalog_snapshot: snapshot,
    catalog_snapshot_previous: withContent(replayed.catalog_snapshot_previous, (k) => k),
    // An altered snapshot is reported on its own row; its controls are then not worth comparing.
    // The organisation's own controls join them while active (they are rebuilt from the log).
    catalog_control: snapshotIntact ? new Map([...snapshotControls(), ...ownCatalogControls(replayed)]) : actual.catalog_control,
  };
}

export function firstDifference(db: Database.Database, replayed: ReplayState, snapshotControls: () => TableRows): Difference | undefined {
  const actual = readTables(db);
  const expected = expectedTables(replayed, actual, snapshotControls);
  for (const table of replayedTables) {
    const difference = compareTable(table, expected[table] ?? new Map(), actual[table] ?? new Map());
    if (difference) return difference;
  }
  return undefined;
}
