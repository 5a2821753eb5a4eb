import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../electron/imports/importer';
import { Framework } from '../../shared/catalog/schema';
import { AssayError } from '../../shared/errors';
import { FindingData } from '../../shared/imports/finding-data';
import { fakeContext, memorySource, oscalFixture, readFile, readerFor, scannerFixture, writeTemp } from './scanner-read-kit';

const formats = ['sarif', 'trivy', 'grype', 'oscal'] as const;

const samples: Record<(typeof formats)[number], string> = {
  sarif: scannerFixture('Taxonomies.sarif'),
  trivy: scannerFixture('trivy-config-secrets.json'),
  grype: scannerFixture('TestJsonImgsPresenter.golden'),
  oscal: oscalFixture('ifa_plan-of-action-and-milestones.json'),
};

function valid(record: ImportRecord): boolean {
  if (record.kind === 'finding') return FindingData.safeParse(record.data).success && record.externalId.length > 0;
  if (record.kind === 'framework') return Framework.safeParse((record.data as { framework: unknown }).framework).success;
  return false;
}

/** Reads text with a reader: either records that all fit their sink's shape, or a clear refusal (AssayError). */
async function outcome(format: string, text: string): Promise<'records' | 'refused'> {
  const ctx = fakeContext();
  try {
    const result = await readerFor(format).read(memorySource(text), ctx);
    if (!result.records.every(valid)) throw new Error(`${format} produced an invalid record from ${text.slice(0, 200)}`);
    for (const p of ctx.problems) if (!p.location.startsWith('$') || p.message.length === 0) throw new Error(`${format}: problem without a place: ${JSON.stringify(p)}`);
    return 'records';
  } catch (error) {
    if (error instanceof AssayError && error.message.startsWith('input.json')) return 'refused';
    throw error;
  }
}

/** Every place in a JSON document, as key paths. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function replaceAt(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

describe('hostile and broken scanner and OSCAL input', () => {
  it.each(formats)('%s: invalid JSON, deep nesting and __proto__ keys are refused with the file named', async (format) => {
    await expect(readFile(format, writeTemp('cut.json', '{"runs": [ {"tool": '))).rejects.toThrow(/cut\.json: is not valid JSON/);
    await expect(readFile(format, writeTemp('deep.json', `${'['.repeat(200)}${']'.repeat(200)}`))).rejects.toThrow(/deep\.json: nests objects or arrays deeper than 64/);
    await expect(readFile(format, writeTemp('proto.json', '{"runs": [], "Results": [], "matches": [{"__proto__": {"polluted": true}}]}'))).rejects.toThrow(/proto\.json: has a key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['sarif', [1, 2], '$', null, 'expected a SARIF log'],
    ['sarif', { version: '2.1.0', runs: {} }, '$', 'runs', 'needs a list of runs'],
    ['sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'X' } }, results: [{ ruleId: 'a', message: { text: 'm' } }, 'oops'] }] }, '$.runs[0].results[1]', null, 'expected a SARIF result'],
    ['trivy', { SchemaVersion: 2, Results: { Target: 'x' } }, '$', 'Results', 'expected a list of results'],
    ['trivy', { SchemaVersion: 2, Results: [{ Target: 'x', Vulnerabilities: [{ PkgName: 'a' }] }] }, '$.Results[0].Vulnerabilities[0]', 'VulnerabilityID', 'needs its id'],
    ['grype', { descriptor: { name: 'grype' } }, '$', 'matches', 'needs a list of matches'],
    ['grype', { matches: [{ vulnerability: { id: 'CVE-2020-0001' } }] }, '$.matches[0]', 'artifact', 'expected the package'],
    ['oscal', { catalog: 'x' }, '$.catalog', null, 'expected the catalog'],
    ['oscal', { 'assessment-results': { metadata: { 'oscal-version': '1.1.2' }, results: 'none' } }, '$.assessment-results', 'results', 'expected a list of results'],
    ['oscal', { hello: {} }, '$', null, 'is not an OSCAL document Assay knows'],
  ] as const)('%s: a wrong shape is a problem at its path, not a crash (%#)', async (format, doc, location, field, message) => {
    const read = await readFile(format, writeTemp('shape.json', doc));
    expect(read.problems).toContainEqual({ severity: 'error', location, field, message: expect.stringContaining(message) });
  });

  it('bounds an external id built from an absurdly long rule id, keeping it stable', async () => {
    const doc = { version: '2.1.0', runs: [{ tool: { driver: { name: 'X' } }, results: [{ ruleId: 'r'.repeat(5000), message: { text: 'm' } }] }] };
    const first = (await readFile('sarif', writeTemp('long.sarif', doc))).records[0]!.externalId;
    expect(first.length).toBeLessThanOrEqual(300);
    expect((await readFile('sarif', writeTemp('long.sarif', doc))).records[0]!.externalId).toBe(first);
  });

  it('reads a large SARIF log (10,000 results) into as many findings', async () => {
    const results = Array.from({ length: 10_000 }, (_, i) => ({ ruleId: `R${i % 50}`, level: 'warning', message: { text: `issue ${i}` }, locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.ts` }, region: { startLine: i } } }] }));
    const read = await readFile('sarif', writeTemp('big.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'Lint' } }, results }] }));
    expect(read.records).toHaveLength(10_000);
    expect(new Set(read.records.map((r) => r.externalId)).size).toBe(10_000);
  });

  it.each(formats)('%s: random JSON documents give valid records or a clear refusal', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (doc) => {
        expect(await outcome(format, JSON.stringify(doc))).toMatch(/records|refused/);
      }),
      { numRuns: 150 },
    );
  });

  it.each(formats)('%s: the real sample with one value replaced gives valid records or a clear refusal', async (format) => {
    const sample: unknown = JSON.parse(readFileSync(samples[format], 'utf8'));
    const places = paths(sample);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: places.length - 1 }), fc.jsonValue({ maxDepth: 3 }), async (pick, replacement) => {
        expect(await outcome(format, JSON.stringify(replaceAt(sample, places[pick]!, replacement)))).toMatch(/records|refused/);
      }),
      { numRuns: 200 },
    );
  });

  it.each(formats)('%s: the real sample cut short anywhere is refused as invalid JSON', async (format) => {
    const text = readFileSync(samples[format], 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: text.trimEnd().length - 1 }), async (at) => {
        expect(await outcome(format, text.slice(0, at))).toBe('refused');
      }),
      { numRuns: 50 },
    );
  });
});
