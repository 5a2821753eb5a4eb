import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { csvReader } from '../../electron/imports/formats/csv';
import { jsonTableReader } from '../../electron/imports/formats/json';
import { xlsxReader } from '../../electron/imports/formats/xlsx';
import type { ImportRecord, ReadResult } from '../../electron/imports/importer';
import { openSource } from '../../electron/imports/source';
import type { ControlRowData, RiskRowData } from '../../electron/imports/tabular/record-data';
import { inspectWorkbookZip } from '../../electron/imports/tabular/zip-guard';
import { tempDir } from './helpers';
import { hostileWorkbooks, messyRegister, readContext } from './tabular-fixtures';

const catalog = loadBundledCatalog();
const GRC = join(__dirname, '../fixtures/imports/grc');

function file(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const risks = (r: ReadResult) => r.records as ImportRecord<RiskRowData>[];
const controls = (r: ReadResult) => r.records as ImportRecord<ControlRowData>[];

describe('risk registers as CSV', () => {
  it('reads a CISO Assistant-shaped export: semicolons, byte-order mark, quoting, its probability and impact words, "--" as empty', () => {
    const { ctx, problems } = readContext(catalog);
    const result = csvReader.read(openSource(join(GRC, 'ciso-risk-assessment.csv')), ctx) as ReadResult;
    expect(result.mapping).toMatchObject({ unmatchedRequired: [], origin: 'suggested', headerRow: 1 });
    expect(result.mapping!.mapping).toMatchObject({ ref_id: 'id', name: 'title', assets: 'system', threats: 'threat', current_proba: 'likelihood', current_impact: 'impact', residual_proba: 'residualLikelihood', residual_impact: 'residualImpact', treatment: 'treatment', existing_controls: 'controls' });
    const [r1, r2, r3] = risks(result);
    expect(r1).toMatchObject({ kind: 'risk', externalId: 'id:RA-1', location: 'row 2', title: 'Chatbot reveals internal prompts', system: 'Support assistant', threat: 'Prompt injection' });
    expect(r1!.data).toMatchObject({ likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3, treatment: 'mitigate', controls: ['Input filtering', 'GOV-01'], invalid: false });
    expect(r2!.data).toMatchObject({ likelihood: 5, impact: 3, residualLikelihood: null, residualImpact: null, treatment: 'accept', rationale: 'Low value refunds only' });
    expect(r3!.title).toBe('Scores drift; applicants mis-ranked');
    // "open" is CISO Assistant's undecided treatment: recorded as mitigate, said once.
    expect(r3!.data.treatment).toBe('mitigate');
    expect(problems.filter((p) => /no treatment decided/.test(p.message))).toHaveLength(1);
  });

  it('finds the header below a title block, skips blank and total rows with their reasons, and maps words and 0–4 scales', () => {
    const dir = tempDir();
    const path = file(
      dir,
      'register.csv',
      'Acme risk register,,,,\nExported 2026-03-01,,,,\n,,,,\nID,Risk title,System,Probability,Severity,Review date\n1,Data poisoning of the fine-tune set,Credit scoring,0,4,03/01/2026\n,,,,,\n2,Prompt leakage via logs,Support assistant,2,1,13/01/2026\nTotal,,,,,\n',
    );
    const { ctx, skips, errors } = readContext(catalog);
    const result = csvReader.read(openSource(path), ctx) as ReadResult;
    expect(errors()).toEqual([]);
    expect(result.mapping).toMatchObject({ headerRow: 4 });
    expect(risks(result).map((r) => [r.location, r.data.likelihood, r.data.impact, r.data.reviewDate])).toEqual([
      // Probability has a 0, so its column is on a 0–4 scale; Severity's is on 1–5.
      ['row 5', 1, 4, '2026-01-03'],
      ['row 7', 3, 1, '2026-01-13'],
    ]);
    expect(skips).toEqual(expect.arrayContaining([{ location: 'row 1', reason: 'above the header row (title or notes)' }, { location: 'row 6', reason: 'blank row' }, { location: 'row 8', reason: 'total row ("Total")' }]));
  });

  it('reports an unreadable value by row and column, and says which columns are unmatched and how to pass --map', () => {
    const dir = tempDir();
    const bad = file(dir, 'bad.csv', 'Risk,Probability,Impact\nModel theft,sometimes,3\n');
    const one = readContext(catalog);
    const result = csvReader.read(openSource(bad), one.ctx) as ReadResult;
    expect(one.errors()).toEqual([expect.objectContaining({ location: 'row 2', field: 'Probability', message: expect.stringContaining('"sometimes" is not a level') })]);
    expect(risks(result)[0]!.data.invalid).toBe(true);

    const unmatched = file(dir, 'unmatched.csv', 'Risk,Chance,Harm\nModel theft,3,3\n');
    const two = readContext(catalog);
    expect((csvReader.read(openSource(unmatched), two.ctx) as ReadResult).records).toEqual([]);
    expect(two.errors()[0]!.message).toMatch(/no column was matched to Likelihood \(likelihood\), Impact \(impact\); unmatched columns: "Chance", "Harm"\. .*--map <column>=<field>, e\.g\. --map "Chance=likelihood"/);
    const three = readContext(catalog, { map: { Chance: 'likelihood', Harm: 'impact' } });
    const mapped = csvReader.read(openSource(unmatched), three.ctx) as ReadResult;
    expect(three.errors()).toEqual([]);
    expect(mapped.mapping!.origin).toBe('given');
    expect(risks(mapped)[0]!.data).toMatchObject({ likelihood: 3, impact: 3 });
  });

  it('applies a saved mapping by name, and refuses a name nobody saved', () => {
    const dir = tempDir();
    const path = file(dir, 'odd.csv', 'Thing,Chance,Harm\nModel theft,3,3\n');
    const { ctx, errors } = readContext(catalog, { mapping: 'acme' }, { acme: { Thing: 'title', Chance: 'likelihood', Harm: 'impact' } });
    const result = csvReader.read(openSource(path), ctx) as ReadResult;
    expect(errors()).toEqual([]);
    expect(result.mapping).toMatchObject({ origin: 'saved', savedName: 'acme' });
    expect(() => csvReader.read(openSource(path), readContext(catalog, { mapping: 'nobody' }).ctx)).toThrow(/no saved column mapping named "nobody"/);
  });
});

describe('control lists', () => {
  it("reads eramba's internal controls and its crosswalk, linking references of the catalog's frameworks and warning for the others", () => {
    const internal = readContext(catalog);
    const list = controls(csvReader.read(openSource(join(GRC, 'internal_controls.csv')), internal.ctx) as ReadResult);
    expect(list.length).toBeGreaterThan(100);
    expect(list[0]).toMatchObject({ kind: 'control', externalId: 'name:user account inventory review', title: 'User Account Inventory Review' });
    expect(list[0]!.data.notes).toMatch(/^Evidence required/);
    const cross = readContext(catalog);
    const crosswalk = controls(csvReader.read(openSource(join(GRC, 'mapping_controls_to_requirements.csv')), cross.ctx) as ReadResult);
    expect(cross.errors()).toEqual([]);
    // The same control in both files: the crosswalk updates what the list created.
    expect(crosswalk[0]!.externalId).toBe(list[0]!.externalId);
    const all = crosswalk.flatMap((c) => c.data.requirements.map((r) => r.ref));
    expect(all).toEqual(expect.arrayContaining(['owasp-llm-2025:LLM01:2025', 'iso-42001-annex-a:A.6.1.2', 'eu-ai-act:Art. 9(1)', 'nist-ai-rmf:MEASURE 2.7']));
    expect(cross.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', field: 'PCI DSS v4.0.1', message: 'PCI DSS v4.0.1 is not a framework of this assessment; its references are not linked' })]));
    // ISO 42001 clauses outside Annex A cannot be linked: warned, not guessed.
    expect(cross.problems.some((p) => p.field === 'ISO 42001:2023' && /^9\.1 is not a requirement/.test(p.message))).toBe(true);
  });

  it("reads CISO Assistant-shaped applied controls with their states, dates and types", () => {
    const { ctx, errors } = readContext(catalog);
    const list = controls(csvReader.read(openSource(join(GRC, 'ciso-applied-controls.csv')), ctx) as ReadResult);
    expect(errors()).toEqual([]);
    expect(list.map((c) => [c.externalId, c.data.state, c.data.type, c.data.dueDate])).toEqual([
      ['id:AC-101', 'implemented', 'technical', '2026-02-28'],
      ['id:AC-102', 'in_progress', 'organisational', '2026-06-30'],
      ['id:AC-103', 'not_started', 'organisational', '2026-09-30'],
      ['id:AC-104', 'not_applicable', 'technical', null],
    ]);
    expect(list[1]!.data).toMatchObject({ nextReview: '2027-01-31', notes: 'Board paper pending' });
  });
});

describe('workbooks', () => {
  it('reads a messy register: data sheet found past the notes, header below the title, merged header and values, hidden column, formulas as saved values, dates in three forms', async () => {
    const dir = tempDir();
    const path = join(dir, 'Acme register.xlsx');
    await messyRegister(path);
    expect(xlsxReader.detect({ name: 'x', ext: 'xlsx', head: openSource(path).head.toString('latin1'), zip: true })).toBeGreaterThan(30);
    const { ctx, problems, skips, errors } = readContext(catalog);
    const result = (await xlsxReader.read(openSource(path), ctx)) as ReadResult;
    expect(errors()).toEqual([]);
    expect(result.mapping).toMatchObject({ sheet: 'Risk register', headerRow: 5, unmatchedRequired: [] });
    expect(result.mapping!.mapping).toMatchObject({ 'Inherent Likelihood': 'likelihood', 'Inherent Impact': 'impact', 'AI system': 'system', 'Risk owner': 'owner' });
    expect(result.mapping!.columns).not.toContain('Score');
    const rows = risks(result);
    expect(rows.map((r) => [r.location, r.system, r.data.likelihood, r.data.impact, r.data.reviewDate])).toEqual([
      ['sheet Risk register, row 6', 'Support assistant', 4, 4, '2026-03-01'],
      ['sheet Risk register, row 7', 'Support assistant', 3, 4, '2026-06-30'],
      ['sheet Risk register, row 8', 'Credit scoring', 2, 3, '2026-03-01'],
    ]);
    expect(rows[1]!.data).toMatchObject({ treatment: 'accept', approver: 'Sam Patel', acceptanceExpiry: '2026-12-31' });
    expect(rows[2]!.data).toMatchObject({ treatment: 'accept', approver: null });
    expect(skips).toEqual(
      expect.arrayContaining([
        { location: 'sheet Instructions', reason: 'notes or instructions sheet' },
        { location: 'sheet Risk register, row 1', reason: 'above the header row (title or notes)' },
        { location: 'sheet Risk register, row 9', reason: 'blank row' },
        { location: 'sheet Risk register, row 10', reason: 'total row ("Total")' },
        { location: 'sheet Risk register, column G "Score"', reason: 'hidden column' },
      ]),
    );
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', location: 'sheet Risk register, K8', message: expect.stringMatching(/formula with no saved result.*never calculates/) })]));
  });

  it('reads the sheet the user names, and names the sheets when it has none of that name', async () => {
    const dir = tempDir();
    const path = join(dir, 'r.xlsx');
    await messyRegister(path);
    await expect(xlsxReader.read(openSource(path), readContext(catalog, { sheet: 'Risks' }).ctx)).rejects.toThrow(/r\.xlsx: has no sheet "Risks" \(its sheets: Instructions, Risk register\)/);
  });

  it('refuses a zip bomb and an XML entity trick before any parsing, naming the file and the part', async () => {
    const dir = tempDir();
    const { bomb, entity } = hostileWorkbooks(dir);
    await expect(xlsxReader.read(openSource(bomb), readContext(catalog).ctx)).rejects.toThrow(/bomb\.xlsx: part xl\/worksheets\/sheet1\.xml inflates more than 200 times its compressed size \(a zip bomb\?\)/);
    await expect(xlsxReader.read(openSource(entity), readContext(catalog).ctx)).rejects.toThrow(/entity\.xlsx: part xl\/workbook\.xml declares a DOCTYPE or ENTITY/);
    // The limits hold whatever the ratio: a part larger than allowed is refused as it inflates.
    const bytes = openSource(bomb).bytes();
    await expect(inspectWorkbookZip(bytes, 'bomb.xlsx', { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1e9, maxRatio: 1e9, ratioFloor: 1e9 })).rejects.toThrow(/bomb\.xlsx: part xl\/worksheets\/sheet1\.xml declares 40 MiB uncompressed/);
  });

  it('refuses an old .xls and a file that is not a zip with a clear message', async () => {
    const dir = tempDir();
    const xls = join(dir, 'old.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    await expect(xlsxReader.read(openSource(xls), readContext(catalog).ctx)).rejects.toThrow(/old\.xlsx: is an Excel 97–2003 workbook/);
    const junk = file(dir, 'junk.xlsx', 'PK\u0003\u0004 not really a zip');
    await expect(xlsxReader.read(openSource(junk), readContext(catalog).ctx)).rejects.toThrow(/junk\.xlsx: is not a readable workbook/);
  });
});

describe('detection', () => {
  it('tells tables by content and extension, leaving distinctive JSON and zips to their own readers', () => {
    const sniff = (name: string, head: string, zip = false) => ({ name, ext: name.split('.').pop()!, head, zip });
    expect(csvReader.detect(sniff('r.csv', 'ID;Risk;Likelihood\n1;x;2'))).toBe(30);
    expect(csvReader.detect(sniff('r.csv', '{"a":1}'))).toBe(10);
    expect(csvReader.detect(sniff('r.xlsx', 'PK', true))).toBe(0);
    expect(jsonTableReader.detect(sniff('r.json', '[{"name":"x","likelihood":3}]'))).toBe(20);
    expect(jsonTableReader.detect(sniff('bom.json', '{"bomFormat":"CycloneDX"}'))).toBe(5);
    expect(jsonTableReader.detect(sniff('r.csv', 'a,b'))).toBe(0);
    expect(xlsxReader.detect(sniff('r.bin', 'PK\u0003\u0004[Content_Types].xml', true))).toBe(60);
  });
});

describe('JSON tables', () => {
  it('reads an array of objects held by a property, with lists and objects flattened, and locations as JSON paths', () => {
    const dir = tempDir();
    const path = file(dir, 'risks.json', JSON.stringify({ count: 2, results: [{ ref_id: 'J1', name: 'Training data leak', assets: [{ str: 'Support assistant' }], proba: 'High', impact: 'Critical' }, 7, { ref_id: 'J2', name: 'Jailbreak', assets: ['Support assistant'], proba: '60%', impact: 2 }] }));
    const { ctx, skips, errors } = readContext(catalog);
    const result = jsonTableReader.read(openSource(path), ctx) as ReadResult;
    expect(errors()).toEqual([]);
    expect(risks(result).map((r) => [r.location, r.system, r.data.likelihood, r.data.impact])).toEqual([
      ['$.results[0]', 'Support assistant', 4, 5],
      ['$.results[2]', 'Support assistant', 4, 2],
    ]);
    expect(skips).toEqual([{ location: '$.results[1]', reason: 'not an object' }]);
    const evil = file(dir, 'evil.json', '[{"name":"x","__proto__":{"polluted":1}}]');
    expect(() => jsonTableReader.read(openSource(evil), readContext(catalog).ctx)).toThrow(/evil\.json: has a key "__proto__"/);
  });
});
