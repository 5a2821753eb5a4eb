import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { readIncidentTables } from './incidents';
import { readRiskTables } from './risks';
import { readSystemEntries } from './control-entries';
import { readOwnControlTables } from './own-controls';
import { readThreatTables } from './threats';
import { readEvidenceTables } from './evidence';
import { readImportTables } from './imports';
import { readComponentTables } from './components';
import { readFindingTables } from './findings';
import { readHumanRiskTables } from './human-risk';
import { readReportTables } from './reports';
import { readReviewTables } from './reviews';
import { readSignoffTables } from './signoff';

/**
 * What each domain's state tables hold, in the shape its replay produces. A domain that
 * registers tables in shared/domain/logged registers its reader here, from its store module.
 */
const readers: ((db: Database.Database) => Record<string, TableRows>)[] = [
  readSystemEntries,
  readRiskTables,
  readIncidentTables,
  readThreatTables,
  readOwnControlTables,
  readEvidenceTables,
  readImportTables,
  readComponentTables,
  readFindingTables,
  readHumanRiskTables,
  readReportTables,
  readReviewTables,
  readSignoffTables,
];

export function domainTables(db: Database.Database): Record<string, TableRows> {
  return Object.assign({}, ...readers.map((read) => read(db))) as Record<string, TableRows>;
}
