import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { readEvidenceTables } from './evidence';

/**
 * What each domain's state tables hold, in the shape its replay produces. A domain that
 * registers tables in shared/domain/logged registers its reader here, from its store module.
 */
const readers: ((db: Database.Database) => Record<string, TableRows>)[] = [readEvidenceTables];

export function domainTables(db: Database.Database): Record<string, TableRows> {
  return Object.assign({}, ...readers.map((read) => read(db))) as Record<string, TableRows>;
}
