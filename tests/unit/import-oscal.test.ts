import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { riskSeverity } from '../../electron/imports/formats/oscal-findings';
import { detected, findings, oscalFixture, readFile, writeTemp } from './scanner-read-kit';

const acme = () => JSON.parse(readFileSync(oscalFixture('acme-ai-catalog.json'), 'utf8')) as { catalog: Record<string, unknown> & { metadata: Record<string, unknown>; groups: Record<string, unknown>[] } };

describe('OSCAL detection and the models Assay does not import', () => {
  it.each(['acme-ai-catalog.json', 'ifa_assessment-results-example.json', 'ifa_plan-of-action-and-milestones.json', 'ssp-example.json', 'NIST_SP-800-53_rev5_LOW-baseline_profile.json'])(
    '%s is detected as OSCAL from its content',
    (name) => expect(detected(oscalFixture(name))).toEqual({ format: 'oscal', score: 95 }),
  );

  it('detects a model written after a "$schema" key, and leaves other JSON to the generic table reader', () => {
    const doc = { $schema: 'https://example.org/oscal_complete_schema.json', 'plan-of-action-and-milestones': { uuid: 'u', metadata: { title: 'T', 'oscal-version': '1.1.2' } } };
    expect(detected(writeTemp('poam.json', doc))).toEqual({ format: 'oscal', score: 95 });
    // Only the table reader's low fallback for any .json file remains; no specific format claims it.
    expect(detected(writeTemp('other.json', { catalogue: { uuid: 'u' } }))).toEqual({ format: 'json', score: 5 });
  });

  it.each([
    ['NIST_SP-800-53_rev5_LOW-baseline_profile.json', 'profile', 'an OSCAL profile'],
    ['ssp-example.json', 'system-security-plan', 'an OSCAL system security plan (SSP)'],
    ['example-component-definition.json', 'component-definition', 'an OSCAL component definition'],
    ['ifa_assessment-plan-example.json', 'assessment-plan', 'an OSCAL assessment plan'],
  ])('refuses %s, saying what it is and what Assay imports', async (name, model, what) => {
    const read = await readFile('oscal', oscalFixture(name));
    expect(read.records).toEqual([]);
    expect(read.problems).toEqual([{ severity: 'error', location: `$.${model}`, field: null, message: expect.stringContaining(`this file is ${what}`) }]);
    expect(read.problems[0]!.message).toContain('Assay imports OSCAL catalogs (as a custom framework), assessment results and plans of action and milestones (as findings)');
  });
});

describe('OSCAL assessment results and POA&Ms as findings', () => {
  it('imports the not-satisfied finding of the NIST assessment results with its control and observation', async () => {
    const read = await readFile('oscal', oscalFixture('ifa_assessment-results-example.json'));
    expect(read.problems).toEqual([]);
    const [f, ...rest] = findings(read);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      externalId: 'oscal:ar:45d8a6c2-1368-4bad-9ba0-7141f0a32889',
      title: "GoodRead AwesomeCloud Account's System Engineer Role Permits High Risk Actions",
      system: null,
      threat: null,
      data: {
        tool: 'OSCAL assessment results: IFA GoodRead Continuous Monitoring Assessment Results June 2023',
        severity: 'medium',
        references: ['ac-6.1'],
        status: null,
        statusReason: 'Risk status: investigating',
        detectedAt: '2023-06-02T12:31:20.000Z',
        controls: [],
      },
    });
    expect(f!.data.description).toContain('Risk: GoodRead System Engineers Have Over-Privileged Access to Cloud Infrastructure Account');
    expect(f!.data.description).toContain('Observation: AwesomeCloud IAM Roles Test - GoodRead System Engineer Role');
  });

  it('imports the NIST POA&M items with severity, state, due date, and repairs its broken risk link with a warning', async () => {
    const read = await readFile('oscal', oscalFixture('ifa_plan-of-action-and-milestones.json'), { system: 'GoodRead' });
    const [admin, roles] = findings(read);
    expect(admin).toMatchObject({
      externalId: 'oscal:poam:e174dfb9-0ae3-4a8f-8e7c-081527b84337',
      system: 'GoodRead',
      data: { severity: 'low', status: 'risk_accepted', dueDate: '2024-01-01', statusReason: expect.stringMatching(/^IFA-GOODREAD-RISK1-RESPONSE: .*\(accept, planned\): The GoodRead Product Team does not have sufficient/) },
    });
    expect(roles).toMatchObject({ externalId: 'oscal:poam:48c8368d-43ff-4736-9b28-64b1b1284c03', data: { severity: 'low', status: 'in_remediation', dueDate: '2023-06-23' } });
    expect(read.problems).toEqual([
      { severity: 'warning', location: '$.plan-of-action-and-milestones.poam-items[0].related-risks[0]', field: 'risk-uuid', message: '401c15c9-ad6b-4d4a-a591-7d53a3abb3b6 is not a risk in this file' },
      { severity: 'warning', location: '$.plan-of-action-and-milestones.poam-items[0]', field: 'related-risks', message: expect.stringContaining('IFA-GOODREAD-RISK-1') },
    ]);
  });

  it('cites a POA&M item by its POAM-ID and the control of its related finding', async () => {
    const file = writeTemp('poam.json', {
      'plan-of-action-and-milestones': {
        uuid: 'p',
        metadata: { title: 'Plan', 'oscal-version': '1.1.2' },
        findings: [{ uuid: 'f', title: 'F', target: { type: 'objective-id', 'target-id': 'ra-5_obj', status: { state: 'not-satisfied' } } }],
        'poam-items': [{ uuid: 'i', title: 'Patch the scanner host', props: [{ name: 'POAM-ID', value: 'V-1042' }], 'related-findings': [{ 'finding-uuid': 'f' }] }],
      },
    });
    const [item] = findings(await readFile('oscal', file));
    expect(item!.data).toMatchObject({ references: ['V-1042', 'ra-5'], severity: 'medium', status: null, tool: 'OSCAL POA&M: Plan' });
  });

  it('rates risks by likelihood and impact as NIST SP 800-30 does, or by a stated level', () => {
    const risk = (...facets: [string, string][]) => ({ characterizations: [{ facets: facets.map(([name, value]) => ({ name, value, system: 'x' })) }] });
    expect(riskSeverity(risk(['likelihood', 'low'], ['impact', 'high']))).toBe('low');
    expect(riskSeverity(risk(['likelihood', 'high'], ['impact', 'high']))).toBe('high');
    expect(riskSeverity(risk(['likelihood', 'very-high'], ['impact', 'very-high']))).toBe('critical');
    expect(riskSeverity(risk(['likelihood', 'moderate'], ['impact', 'moderate']))).toBe('medium');
    expect(riskSeverity(risk(['impact', 'high']))).toBe('high');
    expect(riskSeverity(risk(['risk', 'moderate'], ['impact', 'low']))).toBe('medium');
    expect(riskSeverity(risk(['likelihood', 'high']))).toBeUndefined();
  });

  it('skips satisfied objectives, closes fixed risks, and reports findings without a state', async () => {
    const file = writeTemp('ar.json', {
      'assessment-results': {
        uuid: 'u',
        metadata: { title: 'Run', 'oscal-version': '1.1.2' },
        results: [
          {
            uuid: 'r',
            start: '2026-01-10T00:00:00Z',
            risks: [{ uuid: 'k', title: 'Closed risk', status: 'closed', characterizations: [{ facets: [{ name: 'impact', value: 'moderate' }] }] }],
            findings: [
              { uuid: 'a', title: 'Met', target: { type: 'objective-id', 'target-id': 'ac-1_obj', status: { state: 'satisfied' } } },
              { uuid: 'b', title: 'Fixed since', target: { type: 'statement-id', 'target-id': 'ac-2_smt.a', status: { state: 'not-satisfied' } }, 'related-risks': [{ 'risk-uuid': 'k' }] },
              { uuid: 'c', title: 'No state' },
            ],
          },
        ],
      },
    });
    const read = await readFile('oscal', file);
    expect(findings(read).map((f) => [f.externalId, f.data.references, f.data.status, f.data.severity, f.data.detectedAt])).toEqual([['oscal:ar:b', ['ac-2'], 'fixed', 'medium', '2026-01-10T00:00:00.000Z']]);
    expect(read.skips).toEqual([{ location: '$.assessment-results.results[0].findings[0]', reason: 'the objective is satisfied' }]);
    expect(read.problems).toEqual([{ severity: 'warning', location: '$.assessment-results.results[0].findings[2]', field: 'target.status.state', message: expect.stringContaining('is missing') }]);
  });
});

describe('an OSCAL catalog as a custom framework', () => {
  it('keeps ids and titles exactly, summarises the statement, nests groups and enhancements, skips withdrawn controls', async () => {
    const read = await readFile('oscal', oscalFixture('acme-ai-catalog.json'));
    expect(read.problems).toEqual([]);
    expect(read.skips).toEqual([{ location: '$.catalog.groups[0].controls[0].controls[1]', reason: 'control gov-1.2 is withdrawn' }]);
    const [record] = read.records as { kind: string; externalId: string; data: { framework: Record<string, unknown> & { items: Record<string, unknown>[] }; format: string } }[];
    expect(record).toMatchObject({ kind: 'framework', externalId: 'oscal:catalog:acme-ai-security-catalog' });
    const { items, ...framework } = record!.data.framework;
    expect(framework).toEqual({
      id: 'acme-ai-security-catalog',
      name: 'ACME AI Security Catalog',
      short_name: 'ACME AI Security Catalog',
      publisher: 'ACME Security Office',
      version: '2.0',
      published: '2026-03-01',
      citation: 'ACME AI Security Catalog',
      source: 'imported from acme-ai-catalog.json (OSCAL catalog, OSCAL 1.1.2)',
      licence: 'not stated',
      origin: 'user',
    });
    expect(items.map((i) => [i.id, i.kind, i.title, i.parent, i.assessable])).toEqual([
      ['gov', 'group', 'Governance', undefined, false],
      ['gov-1', 'control', 'AI use policy', 'gov', true],
      ['gov-1.1', 'control', 'Policy exceptions are recorded', 'gov-1', true],
      ['INV', 'group', 'Inventory and supply chain', undefined, false],
      ['inv-sub', 'group', 'Model sources', 'INV', false],
      ['inv-1', 'control', 'Inventory of AI systems', 'inv-sub', true],
    ]);
    expect(items[1]).toMatchObject({
      aliases: ['GOV-1'],
      summary: 'The organisation keeps a written policy on where AI may be used, approved by [approving body] and reviewed every [review period].',
    });
    expect(items[2]).toMatchObject({ aliases: ['GOV-1(1)'], summary: 'Each exception names its owner and its expiry.' });
    expect(JSON.stringify(items)).not.toContain('second paragraph');
  });

  it('reports duplicate ids, controls without titles, an empty catalog and another OSCAL version, each by path', async () => {
    const doc = acme();
    doc.catalog.metadata['oscal-version'] = '2.0.0';
    const group = doc.catalog.groups[0] as { controls: unknown[] };
    group.controls.push({ id: 'gov-1', title: 'Again' }, { id: 'gov-9' }, 'not a control');
    const read = await readFile('oscal', writeTemp('dup.json', doc));
    expect(read.records).toEqual([]);
    expect(read.problems).toEqual([
      { severity: 'warning', location: '$.catalog.metadata', field: 'oscal-version', message: expect.stringContaining('is 2.0.0') },
      { severity: 'error', location: '$.catalog.groups[0].controls[1]', field: 'id', message: 'gov-1 is used twice (first at $.catalog.groups[0].controls[0])' },
      { severity: 'error', location: '$.catalog.groups[0].controls[2]', field: 'title', message: 'an OSCAL control needs an id and a title' },
      { severity: 'error', location: '$.catalog.groups[0].controls[3]', field: null, message: 'expected a control (an object), found the text "not a control"' },
    ]);
    const empty = await readFile('oscal', writeTemp('empty.json', { catalog: { uuid: 'x', metadata: { title: 'Nothing', 'oscal-version': '1.1.2' } } }));
    expect(empty.problems).toEqual([{ severity: 'error', location: '$.catalog', field: 'groups', message: 'the catalog has no groups or controls that can be imported' }]);
  });

  it('locates what the framework schema refuses at the control it came from', async () => {
    const doc = acme();
    (doc.catalog.groups[1] as { title: string }).title = 'x'.repeat(401);
    const read = await readFile('oscal', writeTemp('long.json', doc));
    expect(read.records).toEqual([]);
    expect(read.problems).toEqual([{ severity: 'error', location: '$.catalog.groups[1]', field: 'title', message: expect.any(String) }]);
  });
});
