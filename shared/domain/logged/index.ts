import { evidenceDomain } from '../evidence/log';
import type { LoggedDomain } from './domain';

/**
 * The domains that log audited changes beyond the core (assessment, catalog, controls,
 * systems). Add a domain here and its tables are replayed and compared by `verify`, and its
 * entries are labelled in the audit log.
 */
export const loggedDomains: readonly LoggedDomain[] = [evidenceDomain];
