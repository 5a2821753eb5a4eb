import { createHash } from 'node:crypto';
import { FindingData, type FindingSeverity } from '../../../shared/imports/finding-data';
import type { ImportRecord, ReadContext } from '../importer';
import { clip, clipBlock } from './json-shape';

/**
 * What the scanner readers (SARIF, Trivy, Grype) and OSCAL's findings share: the catalog controls
 * and threat a scanner finding concerns, severities from scores and words, advisory and weakness
 * ids, and one record per external id.
 */

/** Security testing in CI/CD: every scanner result is evidence of it being done (and of what it found). */
export const SECURITY_TESTING_CONTROL = 'DEV-01';
/** ML dependency and vulnerability management: what a vulnerable package concerns. */
export const DEPENDENCY_CONTROL = 'SUP-03';
/** Vulnerable or malicious ML libraries (frameworks/threats.yaml). */
export const VULNERABLE_LIBRARY_THREAT = 'THR-16';

/** CVSS-like scores (SARIF security-severity, CVSS base scores) in the bands NVD and GitHub use. */
export function severityFromScore(score: number): FindingSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return score > 0 ? 'low' : 'info';
}

/** Severity words as scanners write them; undefined for "unknown" and anything else not a severity. */
export function severityFromWord(word: string | undefined): FindingSeverity | undefined {
  switch (word?.trim().toLowerCase()) {
    case 'critical':
    case 'very-high':
    case 'very high':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
      return 'low';
    case 'negligible':
    case 'info':
    case 'informational':
    case 'none':
    case 'very-low':
    case 'very low':
      return 'info';
    default:
      return undefined;
  }
}

const ADVISORY = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/gi;

/** CVE and GitHub advisory ids in a text (a rule id such as "CVE-1999-0001-package-1"). */
export function advisoryIds(text: string | undefined): string[] {
  return text ? [...new Set([...text.matchAll(ADVISORY)].map((m) => (m[1]!.startsWith('GHSA') || m[1]!.startsWith('ghsa') ? `GHSA${m[1]!.slice(4).toLowerCase()}` : m[1]!.toUpperCase())))] : [];
}

/** "CWE-79" from "CWE-79", "cwe-079", "external/cwe/cwe-079" or a bare "79" when the context says CWE. */
export function cweId(text: string, bare = false): string | undefined {
  const m = /cwe[-/:_ ]?0*(\d+)/i.exec(text) ?? (bare ? /^0*(\d+)$/.exec(text.trim()) : null);
  return m ? `CWE-${m[1]}` : undefined;
}

/** A finding with the fields a source does not have left empty, text bounded, references unique. */
export function finding(fields: Partial<FindingData> & Pick<FindingData, 'tool' | 'severity'>): FindingData {
  const references = [...new Set((fields.references ?? []).map((r) => clip(r, 300)).filter((r) => r !== ''))].slice(0, 100);
  return FindingData.parse({
    status: null,
    prompt: null,
    response: null,
    detectedAt: null,
    owner: null,
    dueDate: null,
    attempts: null,
    ...fields,
    tool: clip(fields.tool, 200),
    references,
    description: fields.description ? clipBlock(fields.description, 20000) : null,
    statusReason: fields.statusReason ? clipBlock(fields.statusReason, 4000) : null,
    where: fields.where ? clip(fields.where, 1000) : null,
    controls: [...new Set(fields.controls ?? [])],
  });
}

/** The record for a scanner or assessment finding, with the system the user named (scanners never guess one). */
export function findingRecord(ctx: ReadContext, record: Omit<ImportRecord<FindingData>, 'kind' | 'system'>): ImportRecord<FindingData> {
  return { kind: 'finding', system: ctx.options.system ?? null, ...record, externalId: boundedId(record.externalId), title: clip(record.title, 300) };
}

/** External ids are built from the source's names; an absurdly long one keeps its start and a hash of the whole. */
export function boundedId(id: string): string {
  return id.length <= 300 ? id : `${id.slice(0, 200)}…${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

/**
 * Records by external id: the same vulnerability in the same package found in two places of a
 * scan is one finding, its places joined; `merge` decides how (or reports and keeps the first).
 */
export class FindingSet {
  private readonly byId = new Map<string, ImportRecord<FindingData>>();

  constructor(private readonly merge: (kept: ImportRecord<FindingData>, again: ImportRecord<FindingData>) => void) {}

  add(record: ImportRecord<FindingData>): void {
    const kept = this.byId.get(record.externalId);
    if (kept) this.merge(kept, record);
    else this.byId.set(record.externalId, record);
  }

  get records(): ImportRecord<FindingData>[] {
    return [...this.byId.values()];
  }
}

/** A vulnerable package's severity: the scanner's word, else (for "unknown") the highest CVSS score given, else medium. */
export function vulnerabilitySeverity(word: string | undefined, scores: number[]): { severity: FindingSeverity; note: string | null } {
  const named = severityFromWord(word);
  if (named) return { severity: named, note: null };
  const valid = scores.filter((s) => s >= 0 && s <= 10);
  if (valid.length) return { severity: severityFromScore(Math.max(...valid)), note: `The scanner rated the severity ${word ?? 'unknown'}; taken from its highest CVSS score (${Math.max(...valid)}).` };
  return { severity: 'medium', note: `The scanner rated the severity ${word ?? 'unknown'} and gave no CVSS score; recorded as medium until someone rates it.` };
}

/**
 * One finding per vulnerability, package and version: a package found in several places of a scan
 * (two layers, two lock files) is one finding whose `where` lists them ("pkg@1.0 (a; b)").
 */
export class PackageFindings {
  private readonly byId = new Map<string, { record: ImportRecord<FindingData>; pkg: string; places: string[] }>();

  add(record: ImportRecord<FindingData>, pkg: string, place: string | undefined): void {
    const kept = this.byId.get(record.externalId);
    const entry = kept ?? { record, pkg, places: [] };
    if (place && !entry.places.includes(place)) entry.places.push(place);
    entry.record.data = { ...entry.record.data, where: clip(entry.places.length ? `${pkg} (${entry.places.join('; ')})` : pkg, 1000) };
    if (!kept) this.byId.set(record.externalId, entry);
  }

  get records(): ImportRecord<FindingData>[] {
    return [...this.byId.values()].map((e) => e.record);
  }
}
