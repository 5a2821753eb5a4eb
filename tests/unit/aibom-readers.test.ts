import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyclonedxReader, readCycloneDx } from '../../electron/imports/formats/cyclonedx';
import { readSpdx, spdxReader } from '../../electron/imports/formats/spdx';
import { openSource } from '../../electron/imports/source';
import { AssayError } from '../../shared/errors';
import { type Read, fixture, reading, readWith } from './aibom-fixtures';
import { tempDir } from './helpers';

const cdx = (path: string, options?: Record<string, unknown>) => readWith(readCycloneDx, fixture(`cyclonedx/${path}`), options);
const spdx = (path: string, options?: Record<string, unknown>) => readWith(readSpdx, fixture(`spdx/${path}`), options);
const warningsAt = (r: { problems: { severity: string; location: string; field: string | null }[] }) => r.problems.filter((p) => p.severity === 'warning').map((p) => `${p.location} ${p.field}`);

describe('CycloneDX ML-BOMs from real tools', () => {
  it('reads the 1.7 model card with its datasets by bom-ref, metrics and considerations; metadata.component names the system', () => {
    const r = cdx('bom-examples_MLBOM_Model-Card-With-Dataset/bom.json');
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.data.component.kind, x.data.component.name])).toEqual([
      ['model', 'support-ticket-classifier'],
      ['dataset', 'support-ticket-training-data'],
      ['dataset', 'support-ticket-evaluation-data'],
    ]);
    const model = r.records[0]!;
    expect(model).toMatchObject({ system: 'support-triage-service', externalId: 'cyclonedx:component-support-ticket-classifier', location: '$.components[0]' });
    expect(model.data.component.supplier).toBe('Example ML Team');
    expect(model.data.component.modelCard).toEqual({
      architecture: 'transformer, encoder-only transformer, supervised',
      task: 'text-classification',
      trainedOn: ['support-ticket-training-data', 'support-ticket-evaluation-data'],
      testedOn: [],
      metrics: [{ name: 'macro-f1', value: '0.91', slice: 'held-out-evaluation' }],
      limitations: ['The example model is illustrative and should not be used to infer production readiness.', 'The illustrative metric is included only to demonstrate the CycloneDX modelCard structure.'],
      ethics: [
        'automation bias; mitigation: Human review remains responsible for final ticket routing.',
        'group at risk: Customers using underrepresented languages or dialects; harms: Misrouting can delay support if the model performs poorly for the submitted language.; mitigation: Monitor routing quality across language slices and allow manual override.',
      ],
    });
    expect(model.data.source).toEqual({ name: 'bom.json', format: 'cyclonedx' });
  });

  it('accepts the AIBOM generator output that is off the schema (placeholder serial number, lower-case licence id) with warnings naming the JSON path', () => {
    const r = cdx('aibom-generator/expected_aibom.json');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.data.component).toMatchObject({ kind: 'model', name: 'test-org/test-model', version: '1.0', licenses: ['Apache-2.0'], purl: 'pkg:huggingface/test-org%2Ftest-model@1.0', supplier: 'test-org' });
    expect(r.records[0]!.system).toBe('test-model');
    expect(warningsAt(r)).toEqual(['$ serialNumber', '$.components[0].licenses[0] license.id']);
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('reads 1.5 and 1.6 model cards alike and leaves the embedded graphics out', () => {
    for (const file of ['valid-machine-learning-1.5.json', 'valid-machine-learning-1.6.json']) {
      const r = cdx(file, { system: 'Image generator' });
      expect(r.records).toHaveLength(1);
      const c = r.records[0]!.data.component;
      expect(c).toMatchObject({ kind: 'model', name: 'CompVis/stable-diffusion', version: '1.4', sourceRef: 'component-a' });
      expect(c.modelCard!.trainedOn).toEqual(['Training Data']);
      expect(c.modelCard!.ethics[0]).toBe('The name of the risk; mitigation: Strategy used to address this risk');
      expect(JSON.stringify(c)).not.toContain('base64');
      expect(JSON.stringify(c).length).toBeLessThan(4000);
      expect(r.skipped.map((s) => s.location)).toEqual(['$.components[0].modelCard.quantitativeAnalysis.graphics']);
      expect(r.records[0]!.system).toBe('Image generator');
      expect(r.problems).toEqual([]);
    }
  });

  it('keeps environmental figures, foundation models without a system (warned), and data components', () => {
    const env = cdx('valid-machine-learning-considerations-env-1.6.json', { system: 'SYS-001' });
    expect(env.records[0]!.data.component.modelCard!.metrics).toEqual([
      { name: 'training energy', value: '0.4 kWh', slice: null },
      { name: 'training CO2 equivalent', value: '31.22 tCO2eq', slice: null },
    ]);
    const gpt = cdx('bom-examples_pr50_MLBOM_Model_FoundationModels/bom.json');
    expect(gpt.records[0]).toMatchObject({ system: null, externalId: 'cyclonedx:gpt-4o' });
    expect(gpt.records[0]!.data.component).toMatchObject({ supplier: 'OpenAI Inc', modelCard: { architecture: 'GPT-4' } });
    expect(warningsAt(gpt)).toEqual(['$.metadata component']);
    const data = cdx('valid-component-data-1.6.json', { system: 'SYS-001' });
    expect(data.records.map((x) => [x.data.component.kind, x.data.component.name, x.data.component.version])).toEqual([['dataset', 'my-configs', '1337']]);
  });

  it('refuses the two published samples that are not JSON (trailing commas), naming the file and the line', () => {
    for (const file of ['bom-examples_pr50_MLBOM_Dataset/bom.json', 'bom-examples_pr50_MLBOM_Model_OpenSource/bom.json'])
      expect(() => cdx(file)).toThrow(/^bom\.json: is not valid JSON, line 9 /);
  });
});

describe('CycloneDX BOMs of our own', () => {
  it('reads 1.7 with nested components and services (with their provider as supplier)', () => {
    const r = readWith(readCycloneDx, fixture('own/claims-assistant-1.7.cdx.json'));
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => `${x.location} ${x.data.component.kind} ${x.data.component.name}`)).toEqual([
      '$.components[0] model northwind/claims-triage',
      '$.components[0].components[0] library transformers',
      '$.components[0].components[0].components[0] library tokenizers',
      '$.components[1] dataset claims-2025',
      '$.components[2] dataset claims-holdout',
      '$.services[0] service document-ocr',
      '$.services[0].services[0] service handwriting-recognition',
    ]);
    expect(r.records.every((x) => x.system === 'Claims assistant')).toBe(true);
    expect(r.byName('northwind/claims-triage')!.data.component).toMatchObject({
      licenses: ['Proprietary, internal use'],
      hashes: [{ alg: 'SHA-256', value: expect.stringMatching(/^5f2b/) }],
      modelCard: { trainedOn: ['claims-2025', 'claims-holdout'], metrics: [{ name: 'accuracy', value: '0.94', slice: 'holdout 2025-Q4' }, { name: 'macro-f1', value: '0.89', slice: null }] },
    });
    expect(r.byName('claims-2025')!.data.component.description).toBe('Closed claims of 2025 with their final handling queue.');
    expect(r.byName('document-ocr')!.data.component).toMatchObject({ supplier: 'Contoso Cloud', licenses: ['Contoso Cloud service terms'] });
  });

  it('accepts off-schema output with one warning per fault, each with its JSON path, and leaves out what cannot be listed', () => {
    const r = readWith(readCycloneDx, fixture('own/off-schema.cdx.json'));
    expect(r.records.map((x) => x.data.component.name)).toEqual(['fraud-scorer', 'helper-scripts', 'odd-thing', 'duplicate-ref']);
    expect(r.byName('fraud-scorer')!.data.component).toMatchObject({ version: '2', licenses: ['MIT'], modelCard: { trainedOn: ['nowhere'] } });
    expect(r.byName('helper-scripts')!.data.component).toMatchObject({ kind: 'other' });
    expect(r.byName('helper-scripts')!.data.component.description).toHaveLength(4000);
    expect(r.byName('odd-thing')!.data.component.licenses).toEqual(['CC-BY-4.0']);
    expect(new Set(r.records.map((x) => x.externalId)).size).toBe(4);
    expect(warningsAt(r)).toEqual([
      '$ serialNumber',
      '$.components[3] null',
      '$.components[0] version',
      '$.components[0].licenses[0] license.id',
      '$.components[0].modelCard.modelParameters.datasets[0] ref',
      '$.components[1] type',
      '$.components[1] description',
      '$.components[2] name',
      '$.components[4] type',
      '$.components[4].licenses licenses',
      '$.components[4].licenses[0] license.id',
      '$.components[5] bom-ref',
    ]);
  });

  it('reads the parts a tool lists under metadata.component as the system’s components too', () => {
    const path = join(tempDir(), 'nested.cdx.json');
    writeFileSync(path, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { type: 'application', name: 'Chat desk', components: [{ type: 'machine-learning-model', name: 'intent-model', version: '7' }] } }, components: [{ type: 'library', name: 'numpy', version: '2.1.0' }] }));
    const r = readWith(readCycloneDx, path);
    expect(r.records.map((x) => `${x.location} ${x.system} ${x.data.component.kind} ${x.data.component.name}`)).toEqual(['$.metadata.component.components[0] Chat desk model intent-model', '$.components[0] Chat desk library numpy']);
  });

  it('detects CycloneDX and SPDX from the content, not the name', () => {
    const sniff = (head: string, name = 'export.json') => ({ name, ext: 'json', head, zip: false });
    expect(cyclonedxReader.detect(sniff('{\n  "bomFormat" : "CycloneDX", "specVersion": "1.6"'))).toBe(95);
    expect(cyclonedxReader.detect(sniff('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"'))).toBe(0);
    expect(spdxReader.detect(sniff('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}'))).toBe(95);
    expect(spdxReader.detect(sniff('{ "SPDXID" : "SPDXRef-DOCUMENT", "spdxVersion" : "SPDX-2.3"'))).toBe(90);
    expect(spdxReader.detect(sniff('{"bomFormat": "CycloneDX"}', 'bom.spdx.json'))).toBe(40);
    expect(spdxReader.detect(sniff('{"risks": []}'))).toBe(0);
  });
});

describe('SPDX 3.0 AI and Dataset profiles', () => {
  it('reads AI packages as models with type, domain, metrics, training and test datasets; the root names the system', () => {
    const r = spdx('ai-example01/simplehtr-example.json');
    expect(r.records.every((x) => x.system === 'SimpleHTR')).toBe(true);
    expect(r.records.map((x) => `${x.data.component.kind} ${x.data.component.name}`)).toEqual([
      'library editdistance',
      'library lmdb',
      'library lmdb',
      'library numpy',
      'library opencv-python',
      'library path',
      'library tensorflow',
      'model word-model',
      'model line-model',
      'dataset IAMdataset',
    ]);
    const model = r.byName('word-model')!.data.component;
    expect(model).toMatchObject({ version: '0.0', supplier: 'Harald Scheidl', licenses: ['MIT'] });
    expect(model.modelCard).toMatchObject({ task: 'handwriting recognition, image recognition, optical character recognition', trainedOn: ['IAMdataset'], testedOn: ['IAMdataset'], ethics: ['safety risk assessment: low'] });
    expect(model.modelCard!.metrics.map((m) => m.name)).toContain('charErrorRates');
    expect(r.byName('IAMdataset')!.data.component.licenses).toEqual([expect.stringMatching(/^Custom licence: This database may be used for non-commercial research purpose only/)]);
    // The plain packages for the two models are the same models: read once, from their AI profile.
    expect(r.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('"word-model"'), expect.stringContaining('"line-model"')]);
    expect(r.problems).toEqual([]);
  });

  it('follows trainedOn and testedOn from the files a model package contains', () => {
    const r = spdx('ai-example02/sbom.spdx3.json');
    const model = r.records.find((x) => x.data.component.kind === 'model')!.data.component;
    expect(model.modelCard).toMatchObject({ architecture: 'classification, supervised', trainedOn: ['train.txt', 'valid.txt'], testedOn: ['test.txt'] });
    expect(model.licenses).toEqual(['CC0-1.0']);
    expect(r.records.map((x) => x.data.component.kind).sort()).toEqual(['dataset', 'model']);
  });

  it('reads a dataset package with its supplier, hashes, licence and known bias', () => {
    const r = spdx('dataset-example01/example01.spdx3.json', { system: 'Emissions dashboard' });
    expect(r.records).toHaveLength(1);
    const d = r.records[0]!;
    expect(d.system).toBe('Emissions dashboard');
    expect(d.data.component).toMatchObject({ kind: 'dataset', version: '2024-04-15', supplier: 'Our World in Data', licenses: ['CC-BY-4.0'] });
    expect(d.data.component.hashes.map((h) => h.alg)).toEqual(['sha1', 'sha256']);
    expect(d.data.component.description).toContain('Known bias: Data in some geographical areas are more completed than the others.');
  });

  it('reads a plain software SBOM as libraries, warning that it has no AI profile; SPDX 2.3 likewise', () => {
    const soft = spdx('software-example11/sbom.spdx3.json');
    expect(soft.records.map((x) => `${x.data.component.name} ${x.data.component.licenses.join(' ')}`)).toEqual(['hyper MIT', 'tokio MIT', 'pretty_env_logger (MIT OR Apache-2.0)']);
    expect(soft.records[0]!.system).toBe('hello-server');
    expect(warningsAt(soft)).toEqual(['$ @graph']);
    const two = spdx('spdx2.3/04-SBOMwSecurity.json');
    expect(two.records.map((x) => x.data.component)).toEqual([
      expect.objectContaining({ kind: 'library', name: 'xlsx', version: '0.16.6', supplier: 'Webjar', purl: 'pkg:maven/org.webjars.npm/xlsx@0.16.6' }),
    ]);
    expect(two.records[0]!.system).toBe('tools-java');
    expect(warningsAt(two)).toEqual(['$ spdxVersion']);
  });
});

describe('hostile and broken input', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };
  const readers: [string, Read][] = [
    ['CycloneDX', readCycloneDx],
    ['SPDX', readSpdx],
  ];

  for (const [name, read] of readers)
    it(`${name}: a clear error for prototype keys, deep nesting, truncation, other encodings and other JSON`, () => {
      const cases: [string | Buffer, RegExp][] = [
        ['{"bomFormat":"CycloneDX","@graph":[],"components":[{"__proto__":{"x":1}}]}', /has a key "__proto__"/],
        [`{"components":${'['.repeat(100)}${']'.repeat(100)}}`, /nests objects or arrays deeper than 64/],
        ['{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"libr', /is not valid JSON/],
        [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a, 0x00]), /is not UTF-8|is binary/],
        ['[1, 2, 3]', /is not (a CycloneDX BOM|an SPDX document)/],
      ];
      for (const [content, message] of cases) {
        const r = reading();
        expect(() => read(openSource(write('bad.json', content)), r.ctx)).toThrow(message);
      }
    });

  it('random and mutated BOMs: records or a clear error, never a crash or a hang', () => {
    const seeds = [fixture('own/claims-assistant-1.7.cdx.json'), fixture('spdx/ai-example02/sbom.spdx3.json'), fixture('spdx/spdx2.3/04-SBOMwSecurity.json')].map((p) => openSource(p).text());
    const dir = tempDir();
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.nat(), fc.string({ maxLength: 8 }), fc.boolean(), (which, at, insert, cut) => {
        const seed = seeds[which]!;
        const pos = at % seed.length;
        const text = cut ? seed.slice(0, pos) : `${seed.slice(0, pos)}${insert}${seed.slice(pos + 1)}`;
        const path = join(dir, 'mutated.json');
        writeFileSync(path, text);
        for (const [, read] of readers) {
          try {
            const { records } = read(openSource(path), reading().ctx);
            expect(Array.isArray(records)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AssayError);
            expect((error as Error).message).toMatch(/^mutated\.json: /);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
