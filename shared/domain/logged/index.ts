import { controlEntriesDomain } from '../controls/log';
import { ownControlsDomain } from '../own-controls/log';
import { threatsDomain } from '../threats/log';
import { evidenceDomain } from '../evidence/log';
import type { LoggedDomain } from './domain';
import { incidentDomain } from '../incident-register/log';
import { riskDomain } from '../risk-register/log';
import { importsDomain } from '../imports/log';
import { componentsDomain } from '../components/log';
import { findingsDomain } from '../findings/log';
import { humanRiskDomain } from '../human-risk/log';
import { reportsDomain } from '../reports/log';
import { reviewDomain } from '../review/log';
import { backupsDomain } from '../backups/log';
import { signoffDomain } from '../signoff/log';

/**
 * The domains that log audited changes beyond the core (assessment, catalog, controls,
 * systems). Add a domain here and its tables are replayed and compared by `verify`, and its
 * entries are labelled in the audit log.
 */
export const loggedDomains: readonly LoggedDomain[] = [
  controlEntriesDomain,
  riskDomain,
  incidentDomain,
  threatsDomain,
  ownControlsDomain,
  evidenceDomain,
  importsDomain,
  componentsDomain,
  findingsDomain,
  humanRiskDomain,
  reportsDomain,
  reviewDomain,
  backupsDomain,
  signoffDomain,
];
