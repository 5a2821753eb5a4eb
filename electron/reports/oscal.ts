import { createHash } from 'node:crypto';
import { assessCoverage, buildCoverageModel } from '../../shared/domain/coverage';
import type { ReportMeta } from '../../shared/reports/model';
import { type OscalInput, type OscalObject, oscalAssessmentResults } from '../../shared/reports/oscal-results';
import type { Assessment } from '../store/assessment';
import { coverageEntries, listControlEntries } from '../store/control-entries';
import { listEvidence } from '../store/evidence';
import { listFindings } from '../store/findings';
import { riskRecords } from '../store/risks';
import { listSystems } from '../store/systems';

/**
 * A UUID for an item of one assessment, the same every time: the first 16 bytes of
 * SHA-256(assessment id, key) with the version (5, name-based) and variant bits set, as OSCAL's
 * schema requires of a UUID. Same assessment and clock, same document; two assessments never share one.
 */
export function stableUuid(assessmentId: string, key: string): string {
  const b = createHash('sha256').update(`assay-oscal\0${assessmentId}\0${key}`, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Reads what the OSCAL document states, through the store functions the read commands use; writes nothing. */
export function gatherOscal(a: Assessment, meta: ReportMeta): OscalInput {
  const today = meta.generatedAt.slice(0, 10);
  const catalog = a.catalog();
  const systems = listSystems(a).map((s) => ({ id: s.id, name: s.name }));
  const entry = (systemId: string | null) => (c: ReturnType<typeof listControlEntries>[number]) => ({ controlId: c.id, name: c.name, systemId, state: c.state, justification: c.justification });
  const entries = [
    ...listControlEntries(a, null).map(entry(null)),
    ...systems.flatMap((s) => listControlEntries(a, s.id).filter((c) => c.source === 'system').map(entry(s.id))),
  ];
  const titles = new Map<string, string>(catalog.frameworks.flatMap((f) => f.items.map((i) => [`${f.id}:${i.id}`, i.label ?? i.title ?? i.id] as const)));
  const requirements = assessCoverage(buildCoverageModel(catalog), coverageEntries(a), null).map((r) => ({
    ref: r.requirement,
    framework: r.framework,
    title: titles.get(r.requirement) ?? r.item,
    status: r.status,
    controls: r.links.map((l) => l.control),
  }));
  const evidence = listEvidence(a).map((e) => ({
    id: e.id,
    title: e.title,
    fileName: e.fileName,
    sha256: e.sha256,
    controls: e.links.filter((l) => l.kind === 'control').map((l) => ({ control: l.target, system: l.system })),
  }));
  const findings = listFindings(a, today).map((f) => ({
    id: f.id,
    title: f.title,
    description: f.data.description,
    severity: f.severity,
    status: f.status,
    systemId: f.systemId,
    controls: f.controls,
    risks: f.risks,
  }));
  const risks = riskRecords(a).risks.map((r) => ({ ...r }));
  return { meta, systems, entries, requirements, evidence, findings, risks };
}

/** Stable text: two-space indentation, keys in the order the mapping writes them, a final line end. */
export function oscalJson(doc: OscalObject): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}

/** The whole assessment as OSCAL 1.1 assessment-results JSON; same assessment and clock, same bytes. */
export function renderOscal(a: Assessment, meta: ReportMeta): Buffer {
  return oscalJson(oscalAssessmentResults(gatherOscal(a, meta), (key) => stableUuid(meta.assessment.id, key)));
}
