import fc from 'fast-check';
import Papa from 'papaparse';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../electron/reports/render/csv';
import { safeCell, safeText, startsFormula } from '../../electron/reports/render/safe-cell';
import type { ReportDoc } from '../../shared/reports/model';
import { fixtureDoc } from './report-fixtures';
import { tempDir } from './helpers';

const FORMULA_CHARS = ['=', '+', '-', '@', '\t', '\r'];

describe('safe cells', () => {
  it('never lets a string start a formula, and removing the added quote gives the input back', () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.tuple(fc.constantFrom(...FORMULA_CHARS, "'"), fc.string()).map(([a, b]) => a + b));
    fc.assert(
      fc.property(anyText, (s) => {
        const out = safeText(s);
        expect(FORMULA_CHARS.includes(out[0] ?? '')).toBe(false);
        expect(startsFormula(out)).toBe(false);
        expect(out === s || (out.startsWith("'") && out.slice(1) === s)).toBe(true);
        // Only formula starts are touched: other text, an already-quoted one included, is kept as it is.
        expect(out === s).toBe(!FORMULA_CHARS.includes(s[0] ?? ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps numbers and empty cells as they are', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (n) => safeCell(n) === n));
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBeNull();
    expect(safeCell('-3')).toBe("'-3");
  });
});

describe('CSV renderer', () => {
  it('writes the main table with a BOM, CRLF line ends, quoting where needed and the formula cell neutralised', async () => {
    const buf = await renderCsv(fixtureDoc());
    const file = join(tempDir(), 'report.csv');
    writeFileSync(file, buf);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(162); // header, 160 rows, and the final line end
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.startsWith('Requirement,Title,Coverage,Controls,Evidence\r\n')).toBe(true);
    expect(text).toContain('\r\nArt. 9(1),A requirement whose title runs long');
    expect(text).toContain('"GOV-01, RSK-02"'); // a comma forces quotes

    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(161);
    expect(parsed.data[1]).toEqual(['Art. 9(1)', expect.stringContaining('wrap over two'), 'Satisfied', 'GOV-01, RSK-02', '']);
  });

  it('falls back to the first table, neutralises formula text, keeps numbers, and is byte-stable', async () => {
    const doc = fixtureDoc();
    const requirements = doc.sections[1]!.sections![0]!;
    requirements.blocks = []; // no table marked main: the first one left (Gaps) is written
    const buf = await renderCsv(doc);
    const text = buf.toString('utf8').slice(1);
    expect(text).toBe('Requirement,Controls that would close it,Open controls\r\nArt. 14(1),OVS-01 Human oversight design; OVS-02 Stop button,2\r\nArt. 10(2),"\'=HYPERLINK(""http://evil"")",1\r\n');
    expect((await renderCsv(doc)).equals(buf)).toBe(true);
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil")`);
    for (const cell of rows.flat()) expect(startsFormula(cell)).toBe(false);
  });

  it('keeps non-Latin text and line breaks inside cells intact', async () => {
    const doc: ReportDoc = {
      ...fixtureDoc(),
      sections: [{ title: 'T', blocks: [{ kind: 'table', sheet: 'S', caption: null, main: true, columns: [{ key: 'a', label: '名前' }, { key: 'b', label: '+Note' }], rows: [['客户服务助手 “Nora”', 'line one\nline two'], ['@risk', -4.5]] }] }],
    };
    const text = (await renderCsv(doc)).toString('utf8').slice(1);
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([
      ['名前', "'+Note"],
      ['客户服务助手 “Nora”', 'line one\nline two'],
      ["'@risk", '-4.5'],
    ]);
  });

  it('refuses a report without any table, naming the report', async () => {
    const doc: ReportDoc = { ...fixtureDoc(), sections: [{ title: 'Only words', blocks: [{ kind: 'paragraph', text: 'x' }] }] };
    await expect(renderCsv(doc)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Gap assessment report has no table') });
  });
});
