import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../electron/reports/render/xlsx';
import { sheetNames } from '../../electron/reports/render/tables';
import { provenance } from '../../shared/reports/model';
import { fixtureDoc, fixtureMeta } from './report-fixtures';
import { tempDir } from './helpers';

async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  // Read from a real file, as a person opening the export would.
  const file = join(tempDir(), 'report.xlsx');
  writeFileSync(file, buf);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('XLSX renderer', () => {
  it('writes an About sheet with the provenance, then one sheet per table with its header and values', async () => {
    const wb = await readBack(await renderXlsx(fixtureDoc()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Requirements', 'Gaps']);

    const about = wb.getWorksheet('About')!;
    const aboutText = about.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(aboutText).toContain('Gap assessment');
    expect(aboutText).toContain('EU AI Act · all systems');
    for (const [label, value] of provenance(fixtureMeta)) {
      expect(aboutText).toContain(label);
      expect(aboutText).toContain(value);
    }
    expect(aboutText).toContain('TLP:AMBER');

    const req = wb.getWorksheet('Requirements')!;
    expect(req.rowCount).toBe(161);
    expect(req.getRow(1).values).toEqual([undefined, 'Requirement', 'Title', 'Coverage', 'Controls', 'Evidence']);
    expect(req.getRow(1).font?.bold).toBe(true);
    expect(req.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(req.autoFilter).toBe('A1:E161');
    expect(req.getCell('A2').value).toBe('Art. 9(1)');
    expect(req.getCell('E2').value).toBeNull(); // row 0 has no evidence: an empty cell, not "null"
    expect(req.getCell('E3').value).toBe('EV-002');
    // Relative widths 1 : 3 keep their proportion in Excel's character widths.
    expect(req.getColumn(2).width).toBe(3 * req.getColumn(1).width!);
    // Printed, every page repeats the header row and carries the running header with the label.
    expect(req.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    expect(req.headerFooter.oddHeader).toBe('&LNorthwind Insurance — AI programme · Gap assessment · TLP:AMBER');
    expect(req.headerFooter.oddFooter).toBe('&LTLP:AMBER&RPage &P of &N');
  });

  it('prints on Letter when asked, and doubles "&" in headers so Excel shows it as text', async () => {
    const wb = await readBack(await renderXlsx(fixtureDoc({ paper: 'Letter', label: 'R&D only' })));
    const req = wb.getWorksheet('Requirements')!;
    expect(req.pageSetup.paperSize).toBeUndefined();
    expect(req.headerFooter.oddFooter).toBe('&LR&&D only&RPage &P of &N');
    const long = await readBack(await renderXlsx(fixtureDoc({ assessment: { id: 'x', name: 'N'.repeat(400) } })));
    expect(long.getWorksheet('Gaps')!.headerFooter.oddHeader!.length).toBeLessThanOrEqual(255);
    const ampersands = await readBack(await renderXlsx(fixtureDoc({ assessment: { id: 'x', name: '&'.repeat(300) } })));
    const header = ampersands.getWorksheet('Gaps')!.headerFooter.oddHeader!;
    expect(header.length).toBeLessThanOrEqual(255);
    expect(header.slice(2).replace(/&&/g, '')).toBe('…'); // only doubled ampersands, then the ellipsis
  });

  it('keeps numbers numeric and writes a formula-like cell as quoted text, never a formula', async () => {
    const buf = await renderXlsx(fixtureDoc());
    const gaps = (await readBack(buf)).getWorksheet('Gaps')!;
    expect(gaps.getCell('C2').value).toBe(2);
    expect(gaps.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(gaps.getCell('B3').value).toBe(`'=HYPERLINK("http://evil")`);
    expect(gaps.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    // No <f> (formula) element anywhere in the sheets' XML.
    const zip = await JSZip.loadAsync(buf);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }
  });

  it('gives the same bytes for the same model, and dates everything from generatedAt', async () => {
    const a = await renderXlsx(fixtureDoc());
    await new Promise((r) => setTimeout(r, 1100)); // a second later: a clock-stamped zip would differ
    const b = await renderXlsx(fixtureDoc());
    expect(b.equals(a)).toBe(true);

    const zip = await JSZip.loadAsync(a);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2026-11-28T09:00:00Z');
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2026-11-28T09:00:00.000Z');

    const later = await renderXlsx(fixtureDoc({ generatedAt: '2026-11-29T10:30:00.000Z' }));
    expect(later.equals(a)).toBe(false);
    expect(await (await JSZip.loadAsync(later)).file('docProps/core.xml')!.async('string')).toContain('2026-11-29T10:30:00Z');
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique without regard to case', async () => {
    expect(sheetNames(['Risks: top/10 [draft]?', 'about', 'x'.repeat(40), 'x'.repeat(40), 'Gaps', 'GAPS', "'Owner's view'", ''], ['About'])).toEqual([
      'Risks- top-10 -draft--',
      'about (2)',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Gaps',
      'GAPS (2)',
      '\u2019Owner\u2019s view\u2019',
      'Sheet',
    ]);
    const doc = fixtureDoc();
    const tables = doc.sections[1]!.sections!;
    (tables[0]!.blocks[0] as { sheet: string }).sheet = 'About';
    (tables[1]!.blocks[0] as { sheet: string }).sheet = "Owner's gaps / *all*";
    const buf = await renderXlsx(doc);
    const wb = await readBack(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'About (2)', 'Owner\u2019s gaps - -all-']);
    // The print-titles names quote the sheet name: it must stay a well-formed reference.
    const workbookXml = await (await JSZip.loadAsync(buf)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain('&apos;Owner\u2019s gaps - -all-&apos;!$1:$1');
  });

  it('stops when cancelled and refuses a model without a valid generation time', async () => {
    await expect(renderXlsx(fixtureDoc(), { isCancelled: () => true })).rejects.toThrow(/cancelled/);
    await expect(renderXlsx(fixtureDoc({ generatedAt: 'yesterday' }))).rejects.toThrow(/generatedAt "yesterday"/);
  });
});
