import initial from './0001_initial';
import userFrameworks from './0002_user_frameworks';
import replayableLog from './0003_replayable_log';
import aiSystems from './0004_ai_systems';
import systemClassification from './0005_system_classification';
import controlEntries from './0006_control_entries';
import risksIncidents from './0009_risks_incidents';
import systemControlEntries from './0007_system_control_entries';
import threatsOwnControls from './0010_threats_own_controls';
import evidence from './0008_evidence';
import imports from './0011_imports';
import systemComponents from './0013_system_components';
import findings from './0012_findings';
import humanRisk from './0014_human_risk';
import importParts from './0015_import_parts';
import issuedReports from './0016_issued_reports';
import reviewItems from './0019_review_items';
import signoff from './0017_signoff';
import storageHygiene from './0020_storage_hygiene';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Applied in order, one transaction each. Never edit a released migration: its hash is
 * recorded in every file it was applied to, and opening checks it. Add a new one instead.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'user-frameworks', sql: userFrameworks },
  { version: 3, name: 'replayable-log', sql: replayableLog },
  { version: 4, name: 'ai-systems', sql: aiSystems },
  { version: 5, name: 'system-classification', sql: systemClassification },
  { version: 6, name: 'control-entries', sql: controlEntries },
  { version: 7, name: 'system-control-entries', sql: systemControlEntries },
  { version: 8, name: 'evidence', sql: evidence },
  { version: 9, name: 'risks-incidents', sql: risksIncidents },
  { version: 10, name: 'threats-own-controls', sql: threatsOwnControls },
  { version: 11, name: 'imports', sql: imports },
  { version: 12, name: 'findings', sql: findings },
  { version: 13, name: 'system-components', sql: systemComponents },
  { version: 14, name: 'human-risk', sql: humanRisk },
  { version: 15, name: 'import-parts', sql: importParts },
  { version: 16, name: 'issued-reports', sql: issuedReports },
  { version: 17, name: 'signoff', sql: signoff },
  { version: 19, name: 'review-items', sql: reviewItems },
  { version: 20, name: 'storage-hygiene', sql: storageHygiene },
];

export const LATEST_SCHEMA = migrations[migrations.length - 1]!.version;
