import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PlainTable, type PlainTableSpec } from '../../electron/reports/render/docx-parts/table-xml';
import { zipEntries } from '../../electron/reports/render/docx-parts/zip';
import { readZip } from './docx-reader';
import { tempDir } from './helpers';

/** The body of a document holding only `child`, as docx writes it. */
async function bodyXml(child: Table | PlainTable): Promise<string> {
  const path = join(tempDir(), 'table.docx');
  writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children: [child] }] })));
  const xml = (await readZip(path)).get('word/document.xml')!.data.toString('utf8');
  return /<w:body>(.*)<w:sectPr/.exec(xml)![1]!;
}

const spec: PlainTableSpec = {
  width: 9638,
  columns: [
    { width: 2000, align: 'left' },
    { width: 5638, align: 'center' },
    { width: 2000, align: 'right' },
  ],
  border: { style: BorderStyle.SINGLE, size: 4, color: 'B8BEC7' },
  margins: { top: 50, bottom: 50, left: 90, right: 90 },
  header: { labels: ['Id & <name>', 'Title\nsecond line', 'Count'], style: 'TableHeading', fill: 'E8ECF1' },
  body: {
    rows: [
      ['A-1', 'Plain "quoted" text', '3'],
      ['', 'line one\r\nline two\rline three', '—'],
      ['=HYPERLINK("x")', "it's", '0'],
    ],
    style: 'TableText',
  },
};

/** The same table through docx's own Table, TableRow, TableCell, Paragraph and TextRun. */
function docxTable(s: PlainTableSpec): Table {
  const align = { left: undefined, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const cell = (text: string, i: number, style: string, fill?: string): TableCell =>
    new TableCell({
      width: { size: s.columns[i]!.width, type: WidthType.DXA },
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
      children: [
        new Paragraph({
          style,
          ...(align[s.columns[i]!.align] ? { alignment: align[s.columns[i]!.align] } : {}),
          children: text.split(/\r\n|\r|\n/).map((line, n) => new TextRun({ text: line, ...(n > 0 ? { break: 1 } : {}) })),
        }),
      ],
    });
  const b = { style: BorderStyle.SINGLE, size: s.border.size, color: s.border.color };
  return new Table({
    width: { size: s.width, type: WidthType.DXA },
    columnWidths: s.columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: s.margins,
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: s.header.labels.map((l, i) => cell(l, i, s.header.style, s.header.fill)) }),
      ...s.body.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, s.body.style)) })),
    ],
  });
}

describe('DOCX parts', () => {
  it('writes a data table byte for byte as docx writes the same table through its own classes', async () => {
    const ours = await bodyXml(new PlainTable(spec));
    expect(ours).toBe(await bodyXml(docxTable(spec)));
    // And the text really is there, escaped once, with its line breaks.
    expect(ours).toContain('<w:t xml:space="preserve">Id &amp; &lt;name&gt;</w:t>');
    expect(ours).toContain('<w:t xml:space="preserve">line one</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">line two</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">line three</w:t>');
    expect(ours.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('zips entries in order, deflated, with their CRCs, every one dated with the given UTC time', async () => {
    const when = new Date('2026-11-28T09:00:58.000Z');
    const text = 'héllo '.repeat(500);
    const bytes = Uint8Array.from({ length: 4096 }, (_v, i) => (i * 7) % 251);
    const path = join(tempDir(), 'test.zip');
    writeFileSync(path, zipEntries([['b/first.xml', text], ['a/second.bin', bytes], ['empty.txt', '']], when));
    // JSZip's own CRC-32 over what it inflates must match the stored CRCs.
    const checked = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
    expect(await checked.file('b/first.xml')!.async('string')).toBe(text);
    const zip = await readZip(path);
    expect([...zip.keys()]).toEqual(['b/first.xml', 'a/second.bin', 'empty.txt']);
    expect(zip.get('b/first.xml')!.data.toString('utf8')).toBe(text);
    expect(Uint8Array.from(zip.get('a/second.bin')!.data)).toEqual(bytes);
    expect(zip.get('empty.txt')!.data.length).toBe(0);
    // DOS times have two-second steps: 09:00:58 is stored as such.
    expect(new Set([...zip.values()].map((e) => e.stamp))).toEqual(new Set(['2026-11-28T09:00:58']));
  });
});
