import type { EvidenceData } from '../../../shared/reports/build/evidence';
import type { Assessment } from '../../store/assessment';
import { evidenceViews } from './compliance-data';

/** What the evidence index reads: every item with its current file and links, and the catalog's mappings. */
export function gatherEvidence(a: Assessment): EvidenceData {
  return { catalog: a.catalog(), evidence: evidenceViews(a) };
}
