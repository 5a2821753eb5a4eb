import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { gatherOscal, renderOscal, stableUuid } from '../../electron/reports/oscal';
import { openForReading } from '../../electron/store/open';
import type { Assessment } from '../../electron/store/assessment';
import type { ReportMeta } from '../../shared/reports/model';
import { type OscalInput, oscalAssessmentResults, oscalToken } from '../../shared/reports/oscal-results';
import { fixtureMeta } from './report-fixtures';
import { fileHash, tempDir, testContext } from './helpers';

const FIXTURES = resolve('tests/fixtures/oscal-schema');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));

let validate: ValidateFunction;
beforeAll(() => {
  // The official schema is draft-07 with "#assembly_…" anchors; strict mode would reject its unknown keywords' style, not our document.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(readJson('oscal_assessment-results_schema.json') as object);
});

function errors(): string {
  return JSON.stringify(validate.errors?.slice(0, 8), null, 1);
}

type Json = Record<string, unknown>;
interface Doc {
  'assessment-results': {
    uuid: string;
    metadata: Json & { 'last-modified': string; 'oscal-version': string; version: string };
    results: (Json & {
      start: string;
      'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
      observations: (Json & { uuid: string; props: { name: string; value: string }[]; 'relevant-evidence'?: { href: string; props: { name: string; value: string }[] }[] })[];
      findings: (Json & { target: { type: string; 'target-id': string; status: { state: string } }; props: { name: string; value: string }[]; 'related-observations'?: { 'observation-uuid': string }[] })[];
      risks: (Json & { status: string; characterizations: { facets: { name: string; value: string }[] }[] })[];
    })[];
    'back-matter': { resources: { uuid: string; rlinks?: { hashes: { algorithm: string; value: string }[] }[] }[] };
  };
}

function sampleAssessment(): { file: string; a: Assessment } {
  const dir = tempDir();
  const file = join(dir, 'northwind.assay');
  const made = dispatch('assessment.sample', { file }, testContext(dir));
  if (!made.ok) throw new Error(made.error.message);
  return { file, a: openForReading(file) };
}

function metaOf(a: Assessment, generatedAt = '2026-11-28T09:00:00.000Z'): ReportMeta {
  const s = a.summary();
  return {
    type: 'executive',
    title: 'OSCAL assessment results',
    subtitle: null,
    assessment: { id: s.id, name: s.name },
    head: s.head,
    catalogVersion: s.catalogVersion,
    assayVersion: '0.1.0',
    generatedAt,
    generatedBy: 'Maria Keller',
    paper: 'A4',
    label: 'TLP:AMBER',
    audience: 'internal',
    frameworks: [],
    systems: [],
  };
}

describe('the OSCAL schema check itself', () => {
  it('accepts NIST’s own assessment-results example and rejects broken documents', () => {
    const example = readJson('ifa_assessment-results-example.json') as Doc;
    expect(validate(example), errors()).toBe(true);

    const noResults = structuredClone(example) as { 'assessment-results': Json };
    delete noResults['assessment-results'].results;
    expect(validate(noResults)).toBe(false);
    const badUuid = structuredClone(example);
    badUuid['assessment-results'].uuid = 'not-a-uuid';
    expect(validate(badUuid)).toBe(false);
    const badDate = structuredClone(example);
    badDate['assessment-results'].metadata['last-modified'] = '28/11/2026';
    expect(validate(badDate)).toBe(false);
  });
});

describe('OSCAL assessment results for the whole assessment', () => {
  it('is valid OSCAL 1.1 and states the controls, requirements, findings, risks and evidence hashes of the sample', () => {
    const { file, a } = sampleAssessment();
    try {
      const before = fileHash(file);
      const meta = metaOf(a);
      const buf = renderOscal(a, meta);
      expect(fileHash(file)).toBe(before); // reading only
      const doc = JSON.parse(buf.toString('utf8')) as Doc;
      expect(validate(doc), errors()).toBe(true);

      const ar = doc['assessment-results'];
      expect(ar.metadata).toMatchObject({ 'last-modified': meta.generatedAt, published: meta.generatedAt, 'oscal-version': '1.1.2', version: `${meta.head.count}:${meta.head.hash}` });
      const result = ar.results[0]!;
      expect(result.start).toBe(meta.generatedAt);

      const data = gatherOscal(a, meta);
      const reviewed = result['reviewed-controls']['control-selections'][0]!['include-controls'].map((c) => c['control-id']);
      expect(reviewed).toEqual(a.catalog().controls.map((c) => c.id));

      // One observation per control entry, with its state; evidence cited by SHA-256.
      expect(result.observations).toHaveLength(data.entries.length);
      const states = result.observations.map((o) => o.props.find((p) => p.name === 'state')!.value);
      expect(new Set(states)).toEqual(new Set(['implemented', 'in_progress', 'not_applicable', 'not_started']));
      const cited = result.observations.flatMap((o) => o['relevant-evidence'] ?? []).flatMap((e) => e.props.filter((p) => p.name === 'sha256').map((p) => p.value));
      expect(cited.length).toBeGreaterThan(0);
      for (const sha of cited) expect(data.evidence.map((e) => e.sha256)).toContain(sha);
      const hashes = ar['back-matter'].resources.flatMap((r) => r.rlinks ?? []).flatMap((l) => l.hashes);
      expect(hashes.map((h) => h.value).sort()).toEqual(data.evidence.map((e) => e.sha256).sort());
      expect(hashes.every((h) => h.algorithm === 'SHA-256')).toBe(true);

      // A finding per judged requirement (satisfied or not) and per Assay finding.
      const judged = data.requirements.filter((r) => ['satisfied', 'partly', 'not_satisfied'].includes(r.status));
      expect(result.findings).toHaveLength(judged.length + data.findings.length);
      const reqFindings = result.findings.filter((f) => f.props.some((p) => p.name === 'requirement'));
      expect(reqFindings.filter((f) => f.target.status.state === 'satisfied')).toHaveLength(judged.filter((r) => r.status === 'satisfied').length);
      expect(reqFindings.some((f) => f.target.status.state === 'not-satisfied')).toBe(true);
      expect(reqFindings.every((f) => f.target.type === 'objective-id')).toBe(true);
      const obsIds = new Set(result.observations.map((o) => o.uuid));
      for (const f of result.findings) for (const r of f['related-observations'] ?? []) expect(obsIds.has(r['observation-uuid'])).toBe(true);
      expect(data.findings.length).toBeGreaterThan(0);
      for (const f of data.findings) expect(result.findings.some((o) => o.props.some((p) => p.name === 'finding-id' && p.value === f.id))).toBe(true);

      // The risk register, with likelihood and impact as facets.
      expect(result.risks).toHaveLength(data.risks.length);
      expect(data.risks.length).toBeGreaterThan(0);
      const first = data.risks[0]!;
      const facets = result.risks[0]!.characterizations[0]!.facets;
      expect(facets).toEqual(expect.arrayContaining([{ name: 'inherent-likelihood', system: 'urn:assay:oscal', value: String(first.likelihood) }]));
      expect(result.risks.map((r) => r.status)).toContain('deviation-approved'); // the sample's accepted risk
    } finally {
      a.close();
    }
  });

  it('gives the same bytes for the same assessment and clock, and UUIDs that depend on the assessment', () => {
    const { a } = sampleAssessment();
    try {
      const one = renderOscal(a, metaOf(a));
      expect(renderOscal(a, metaOf(a)).equals(one)).toBe(true);
      const later = renderOscal(a, metaOf(a, '2026-11-29T10:00:00.000Z'));
      expect(later.equals(one)).toBe(false);
      expect(later.toString().replaceAll('2026-11-29T10:00:00.000Z', '2026-11-28T09:00:00.000Z')).toBe(one.toString());
      expect(validate(JSON.parse(later.toString()))).toBe(true);
    } finally {
      a.close();
    }
    expect(stableUuid('a', 'risk:RSK-001')).toBe(stableUuid('a', 'risk:RSK-001'));
    expect(stableUuid('b', 'risk:RSK-001')).not.toBe(stableUuid('a', 'risk:RSK-001'));
    expect(stableUuid('a', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fails the schema when the document is broken', () => {
    const { a } = sampleAssessment();
    try {
      const doc = JSON.parse(renderOscal(a, metaOf(a)).toString()) as Doc;
      const broken = structuredClone(doc);
      broken['assessment-results'].results[0]!.findings[0]!.target.status.state = 'partly';
      expect(validate(broken)).toBe(false);
      const noStart = structuredClone(doc) as unknown as { 'assessment-results': { results: Json[] } };
      delete noStart['assessment-results'].results[0]!.start;
      expect(validate(noStart)).toBe(false);
    } finally {
      a.close();
    }
  });
});

describe('the OSCAL mapping with awkward data', () => {
  it('stays valid with ids, names and text OSCAL does not allow as they are', () => {
    const input: OscalInput = {
      meta: { ...fixtureMeta, generatedBy: '  ', label: 'TLP:RED' },
      systems: [{ id: 'SYS-001', name: 'Support "Nora"\nassistant' }],
      entries: [
        { controlId: 'OWN 1/α', name: 'Own control', systemId: null, state: 'not_applicable', justification: 'Not used:\n  no such model.' },
        { controlId: 'OWN 1/α', name: 'Own control', systemId: 'SYS-001', state: 'implemented', justification: '   ' },
      ],
      requirements: [
        { ref: 'eu-ai-act:art-9(1)', framework: 'eu-ai-act', title: 'Risk management', status: 'partly', controls: ['OWN 1/α', 'GONE-01'] },
        { ref: 'nist:GOVERN 1.1', framework: 'nist', title: 'Legal', status: 'not_applicable', controls: [] },
      ],
      evidence: [{ id: 'EV-001', title: 'Policy', fileName: 'my file #1?.pdf', sha256: 'b'.repeat(64), controls: [{ control: 'OWN 1/α', system: 'SYS-001' }] }],
      findings: [{ id: 'FND-001', title: 'Leak', description: null, severity: 'high', status: 'risk_accepted', systemId: null, controls: [], risks: ['RSK-404'] }],
      risks: [
        { id: 'RSK-001', title: 'Leak', description: ' ', systemId: 'SYS-001', threatId: null, likelihood: 3, impact: 5, residualLikelihood: null, residualImpact: null, treatment: 'accept', status: 'strange', reviewDate: null, controls: [] },
      ],
    };
    let n = 0;
    const doc = oscalAssessmentResults(input, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`) as unknown as Doc;
    expect(validate(doc), errors()).toBe(true);
    const result = doc['assessment-results'].results[0]!;
    // Not-applicable and governance-only requirements are not judged: no finding.
    expect(result.findings.map((f) => f.target['target-id'])).toEqual(['eu-ai-act_art-9_1_', 'FND-001']);
    expect(result.findings[1]!.target.status.state).toBe('not-satisfied'); // an accepted risk is still a failed objective
    expect(result.findings[1]!['related-risks']).toBeUndefined(); // RSK-404 is not in the register
    expect(result.risks[0]!.status).toBe('open');
    expect(result.observations[0]!.remarks).toBe('Not used:\n  no such model.');
    expect(result.observations[1]!.remarks).toBeUndefined();
    expect(oscalToken('1.1 GOVERN')).toBe('_1.1_GOVERN');
  });
});
