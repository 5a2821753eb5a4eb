import type { ReportMeta } from './model';

/**
 * The whole assessment as an OSCAL 1.1 assessment-results document (NIST's machine-readable form
 * of an assessment report): Assay's control entries become observations, every assessable
 * requirement and every Assay finding a finding, the risk register OSCAL risks, the AI systems
 * components. Pure: the gathered data and a UUID function in, a plain object out, keys in the
 * order they are written (JSON.stringify keeps it), so one assessment and one clock give one text.
 */

export const OSCAL_VERSION = '1.1.2';
/** Namespace of Assay's own property and facet names (OSCAL asks for one on names it does not define). */
export const ASSAY_NS = 'urn:assay:oscal';
const NIST_NS = 'http://csrc.nist.gov/ns/oscal';

export interface OscalEvidence {
  id: string;
  title: string;
  fileName: string;
  sha256: string;
  /** The control links of the item: control id and system id (null: for the organisation). */
  controls: { control: string; system: string | null }[];
}

export interface OscalInput {
  meta: ReportMeta;
  systems: { id: string; name: string }[];
  /** The organisation's entry for every control (systemId null) and each system's own entries. */
  entries: { controlId: string; name: string; systemId: string | null; state: string; justification: string | null }[];
  /** Coverage of every assessable requirement for the organisation. */
  requirements: { ref: string; framework: string; title: string; status: string; controls: string[] }[];
  evidence: OscalEvidence[];
  findings: { id: string; title: string; description: string | null; severity: string; status: string; systemId: string | null; controls: string[]; risks: string[] }[];
  risks: {
    id: string;
    title: string;
    description: string | null;
    systemId: string;
    threatId: string | null;
    likelihood: number;
    impact: number;
    residualLikelihood: number | null;
    residualImpact: number | null;
    treatment: string;
    status: string;
    reviewDate: string | null;
    controls: string[];
  }[];
}

export type OscalObject = { [key: string]: OscalValue };
export type OscalValue = string | number | boolean | OscalObject | OscalValue[];

/** A UUID for a key, the same every time (the Node side derives it from the assessment id and the key). */
export type UuidFor = (key: string) => string;

/** OSCAL tokens (ids, names) allow letters, digits, ".", "-" and "_", starting with a letter or "_". */
export function oscalToken(text: string): string {
  const body = text.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return /^[\p{L}_]/u.test(body) ? body : `_${body}`;
}

/** OSCAL strings may not be empty nor start or end with white space, and a prop value is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function prop(name: string, value: string | number, ns = ASSAY_NS): OscalObject | null {
  const v = oneLine(String(value));
  return v ? { name, ns, value: v } : null;
}

/** Optional arrays: OSCAL forbids empty ones, so an empty list leaves the key out. */
function some<T extends OscalValue>(key: string, items: (T | null)[]): OscalObject {
  const kept = items.filter((i): i is T => i !== null);
  return kept.length > 0 ? { [key]: kept } : {};
}

const coverageSatisfied = new Set(['satisfied']);
const coverageJudged = new Set(['satisfied', 'partly', 'not_satisfied']);
const findingResolved = new Set(['fixed', 'false_positive']);
const riskStatus: Record<string, string> = { open: 'open', in_treatment: 'remediating', accepted: 'deviation-approved', closed: 'closed' };
/** OSCAL's own likelihood and impact facets are low, moderate or high; Assay's 5-point scale is given beside them. */
const level = (n: number) => (n <= 2 ? 'low' : n === 3 ? 'moderate' : 'high');

export function oscalAssessmentResults(input: OscalInput, uuid: UuidFor): OscalObject {
  const { meta } = input;
  const at = meta.generatedAt;
  const tool = uuid('tool:assay');
  const systemUuid = (id: string) => uuid(`system:${id}`);
  const obsUuid = (controlId: string, systemId: string | null) => uuid(`observation:${controlId}:${systemId ?? ''}`);
  const riskIds = new Set(input.risks.map((r) => r.id));
  const orgControls = new Set(input.entries.filter((e) => e.systemId === null).map((e) => e.controlId));
  const actors = [{ type: 'tool', 'actor-uuid': tool }];

  const party = uuid(`party:${meta.generatedBy}`);
  const metadata: OscalObject = {
    title: `${meta.assessment.name}: assessment results`,
    published: at,
    'last-modified': at,
    version: `${meta.head.count}:${meta.head.hash}`,
    'oscal-version': OSCAL_VERSION,
    props: [
      prop('assessment-id', meta.assessment.id),
      prop('audit-head', `${meta.head.count}:${meta.head.hash}`),
      prop('catalog-version', meta.catalogVersion),
      prop('assay-version', meta.assayVersion),
      prop('marking', meta.label, NIST_NS),
    ].filter((p): p is OscalObject => p !== null),
    roles: [{ id: 'assessor', title: 'Assessor' }],
    parties: [{ uuid: party, type: 'person', name: oneLine(meta.generatedBy) || 'unknown' }],
    'responsible-parties': [{ 'role-id': 'assessor', 'party-uuids': [party] }],
  };

  const components: OscalObject[] = [
    { uuid: tool, type: 'software', title: `Assay ${meta.assayVersion}`, description: 'The compliance workbench that recorded the assessment and wrote these results.', status: { state: 'operational' } },
    ...input.systems.map(
      (s): OscalObject => ({ uuid: systemUuid(s.id), type: 'system', title: s.name, description: `AI system ${s.id} in the assessment.`, props: [prop('system-id', s.id)!], status: { state: 'other' } }),
    ),
  ];

  const evidenceFor = (controlId: string, systemId: string | null) =>
    input.evidence.filter((e) => e.controls.some((l) => l.control === controlId && l.system === systemId));
  const observations: OscalObject[] = input.entries.map((e) => {
    const cited = evidenceFor(e.controlId, e.systemId);
    return {
      uuid: obsUuid(e.controlId, e.systemId),
      title: `${e.controlId} ${e.name}`,
      description: `${e.controlId} ${e.name}: ${e.state.replace(/_/g, ' ')}${e.systemId ? ` for system ${e.systemId}` : ' for the organisation'}.`,
      ...some('props', [prop('control-id', e.controlId), prop('state', e.state), e.systemId ? prop('system-id', e.systemId) : null]),
      methods: ['EXAMINE'],
      types: ['control-objective'],
      origins: [{ actors }],
      ...(e.systemId ? { subjects: [{ 'subject-uuid': systemUuid(e.systemId), type: 'component' }] } : {}),
      ...some(
        'relevant-evidence',
        cited.map((ev): OscalObject => ({ href: `#${uuid(`evidence:${ev.id}`)}`, description: `${ev.id} ${ev.title} (${ev.fileName})`, props: [prop('evidence-id', ev.id)!, prop('sha256', ev.sha256)!] })),
      ),
      collected: at,
      ...(e.justification && oneLine(e.justification) ? { remarks: e.justification } : {}),
    };
  });

  const requirementFindings: OscalObject[] = input.requirements
    .filter((r) => coverageJudged.has(r.status))
    .map((r) => {
      const satisfied = coverageSatisfied.has(r.status);
      return {
        uuid: uuid(`requirement:${r.ref}`),
        title: `${r.ref} ${r.title}`,
        description: `Requirement ${r.ref} (${r.framework}) is ${r.status.replace(/_/g, ' ')} by the organisation's controls.`,
        props: [prop('requirement', r.ref)!, prop('coverage', r.status)!],
        target: { type: 'objective-id', 'target-id': oscalToken(r.ref), status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason: satisfied ? 'pass' : 'fail' } },
        ...some(
          'related-observations',
          r.controls.filter((c) => orgControls.has(c)).map((c): OscalObject => ({ 'observation-uuid': obsUuid(c, null) })),
        ),
      };
    });

  const assayFindings: OscalObject[] = input.findings.map((f) => {
    const resolved = findingResolved.has(f.status);
    return {
      uuid: uuid(`finding:${f.id}`),
      title: `${f.id} ${f.title}`,
      description: f.description && oneLine(f.description) ? f.description : f.title,
      props: [prop('finding-id', f.id), prop('severity', f.severity), prop('lifecycle-status', f.status), f.systemId ? prop('system-id', f.systemId) : null].filter((p): p is OscalObject => p !== null),
      origins: [{ actors }],
      // A finding concerns a control when it names one; else the finding itself is the objective.
      target: { type: 'objective-id', 'target-id': oscalToken(f.controls[0] ?? f.id), status: { state: resolved ? 'satisfied' : 'not-satisfied', reason: resolved ? 'pass' : 'fail' } },
      ...some(
        'related-observations',
        f.controls.filter((c) => orgControls.has(c)).map((c): OscalObject => ({ 'observation-uuid': obsUuid(c, null) })),
      ),
      ...some(
        'related-risks',
        f.risks.filter((r) => riskIds.has(r)).map((r): OscalObject => ({ 'risk-uuid': uuid(`risk:${r}`) })),
      ),
    };
  });

  const facets = (kind: 'inherent' | 'residual', likelihood: number, impact: number): OscalObject[] => [
    { name: 'likelihood', system: NIST_NS, value: level(likelihood) },
    { name: 'impact', system: NIST_NS, value: level(impact) },
    { name: `${kind}-likelihood`, system: ASSAY_NS, value: String(likelihood) },
    { name: `${kind}-impact`, system: ASSAY_NS, value: String(impact) },
    { name: `${kind}-score`, system: ASSAY_NS, value: String(likelihood * impact) },
  ];
  const risks: OscalObject[] = input.risks.map((r) => {
    const residual = r.residualLikelihood !== null && r.residualImpact !== null ? { l: r.residualLikelihood, i: r.residualImpact } : null;
    return {
      uuid: uuid(`risk:${r.id}`),
      title: `${r.id} ${r.title}`,
      description: r.description && oneLine(r.description) ? r.description : r.title,
      statement: `Inherent ${r.likelihood} × ${r.impact} = ${r.likelihood * r.impact}; ${residual ? `residual ${residual.l} × ${residual.i} = ${residual.l * residual.i}` : 'residual not assessed'}; treatment: ${r.treatment}.`,
      props: [
        prop('risk-id', r.id),
        prop('system-id', r.systemId),
        r.threatId ? prop('threat-id', r.threatId) : null,
        prop('treatment', r.treatment),
        r.reviewDate ? prop('review-date', r.reviewDate) : null,
        ...r.controls.map((c) => prop('control-id', c)),
      ].filter((p): p is OscalObject => p !== null),
      status: riskStatus[r.status] ?? 'open',
      characterizations: [
        { props: [prop('kind', 'inherent')!], origin: { actors }, facets: facets('inherent', r.likelihood, r.impact) },
        ...(residual ? [{ props: [prop('kind', 'residual')!], origin: { actors }, facets: facets('residual', residual.l, residual.i) }] : []),
      ],
    };
  });

  const controlIds = [...new Set(input.entries.map((e) => e.controlId))];
  const result: OscalObject = {
    uuid: uuid(`result:${meta.head.hash}`),
    title: `Assessment of ${meta.assessment.name} at audit head ${meta.head.count}`,
    description: `Control states, requirement coverage, findings and risks as recorded in the assessment at audit entry ${meta.head.count} (head ${meta.head.hash}).`,
    start: at,
    end: at,
    'local-definitions': { components },
    'reviewed-controls': {
      'control-selections': [controlIds.length > 0 ? { 'include-controls': controlIds.map((id): OscalObject => ({ 'control-id': oscalToken(id) })) } : { 'include-all': {} }],
    },
    ...some('observations', observations),
    ...some('risks', risks),
    ...some('findings', [...requirementFindings, ...assayFindings]),
  };

  const plan = uuid('assessment-plan');
  const resources: OscalObject[] = [
    { uuid: plan, title: 'Assessment plan', description: `No separate OSCAL assessment plan exists: the plan is the Assay assessment ${meta.assessment.name} (${meta.assessment.id}) itself.` },
    ...input.evidence.map(
      (ev): OscalObject => ({
        uuid: uuid(`evidence:${ev.id}`),
        title: `${ev.id} ${ev.title}`,
        props: [prop('evidence-id', ev.id)!],
        rlinks: [{ href: encodeURIComponent(ev.fileName), hashes: [{ algorithm: 'SHA-256', value: ev.sha256 }] }],
      }),
    ),
  ];

  return {
    'assessment-results': {
      uuid: uuid(`document:${meta.head.hash}`),
      metadata,
      'import-ap': { href: `#${plan}` },
      results: [result],
      'back-matter': { resources },
    },
  };
}
