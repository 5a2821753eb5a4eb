import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { outline, runningHeader } from '../../shared/reports/model';
import { fontBytes } from '../../electron/reports/fonts';
import { renderDocx } from '../../electron/reports/render/docx';
import { elements, pngSize, readZip, textOf, type ZipEntry } from './docx-reader';
import { fixtureDoc, fixtureMeta } from './report-fixtures';
import { tempDir } from './helpers';

async function renderToDisk(overrides: Parameters<typeof fixtureDoc>[0] = {}): Promise<{ path: string; zip: Map<string, ZipEntry>; xml: (name: string) => string }> {
  const path = join(tempDir(), 'report.docx');
  writeFileSync(path, await renderDocx(fixtureDoc(overrides)));
  const zip = await readZip(path);
  const xml = (name: string): string => {
    const entry = zip.get(name);
    if (!entry) throw new Error(`${name} missing from the DOCX`);
    return entry.data.toString('utf8');
  };
  return { path, zip, xml };
}

/** The part a section's header/footer reference of the given type points to. */
function partFor(xml: (name: string) => string, kind: 'header' | 'footer', type: 'first' | 'default'): string {
  const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(xml('word/document.xml'))?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(xml('word/_rels/document.xml.rels'))?.[1];
  expect(target, `${type} ${kind}`).toBeTruthy();
  return xml(`word/${target}`);
}

describe('DOCX renderer', () => {
  it('writes numbered Heading 1-3 paragraphs and a TOC field that already lists them, linked to bookmarks', async () => {
    const { xml } = await renderToDisk();
    const doc = xml('word/document.xml');
    const paragraphs = elements(doc, 'w:p');
    const headings = paragraphs.flatMap((p) => {
      const style = /<w:pStyle w:val="(Heading[1-3])"\/>/.exec(p)?.[1];
      return style ? [{ style, text: textOf(p), bookmark: /<w:bookmarkStart w:name="([^"]+)"/.exec(p)?.[1] }] : [];
    });
    const expected = outline(fixtureDoc().sections);
    expect(headings.map((h) => [h.style, h.text])).toEqual(expected.map((e) => [`Heading${e.depth}`, `${e.number} ${e.title}`]));

    // The TOC field: begin (dirty, so Word refreshes page numbers), instruction, separate, cached entries, end.
    const sdt = elements(doc, 'w:sdt')[0]!;
    expect(sdt).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;<\/w:instrText><w:fldChar w:fldCharType="separate"\/>/);
    const entries = elements(sdt, 'w:p').filter((p) => p.includes('<w:hyperlink'));
    expect(entries.map(textOf)).toEqual(expected.map((e) => `${e.number} ${e.title}`));
    for (const [i, entry] of entries.entries()) {
      const anchor = /<w:hyperlink w:history="1" w:anchor="([^"]+)"/.exec(entry)?.[1];
      expect(anchor).toBe(headings[i]!.bookmark);
      expect(entry).toContain(`PAGEREF ${anchor} \\h`);
      expect(entry).toMatch(new RegExp(`<w:pStyle w:val="TOC${expected[i]!.depth}"/>`));
    }
    expect(sdt.lastIndexOf('<w:fldChar w:fldCharType="end"/>')).toBeGreaterThan(sdt.lastIndexOf('2.2 Gaps'));
    expect(xml('word/settings.xml')).toContain('<w:updateFields/>');
    // The sign-off section opens with a page break: its heading moves to the new page with it.
    const signoff = paragraphs.find((p) => p.includes('Heading1') && textOf(p) === '3 Sign-off')!;
    expect(signoff).toContain('<w:pageBreakBefore/>');
    expect(paragraphs.filter((p) => p.includes('<w:br w:type="page"/>'))).toHaveLength(0);
  });

  it('repeats the header row of every data and sign-off table, sized by the relative column widths, with cell text literal', async () => {
    const { xml } = await renderToDisk();
    const doc = xml('word/document.xml');
    const tables = elements(doc, 'w:tbl');
    const withHeader = tables.filter((t) => t.includes('<w:tblHeader/>'));
    // Requirements, Gaps and the sign-off; the two label/value (facts) tables have no header row.
    expect(withHeader).toHaveLength(3);
    for (const table of withHeader) {
      const rows = elements(table, 'w:tr');
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    }
    const requirements = withHeader.find((t) => textOf(elements(t, 'w:tr')[0]!) === 'RequirementTitleCoverageControlsEvidence')!;
    expect(elements(requirements, 'w:tr')).toHaveLength(161);
    // Content width on A4: 11906 - 2 x 1134 = 9638 twips, shared 1 : 3 : 1.2 : 1.2 : 1.
    const grid = [...requirements.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(9638);
    expect(grid[1]! / grid[0]!).toBeCloseTo(3, 2);
    expect(grid[2]! / grid[0]!).toBeCloseTo(1.2, 2);

    // Formatting is set once: the table's cell margins, and the 9 pt table text (bold in the header)
    // from two paragraph styles; cells carry only width, header shading and a style reference.
    expect(requirements).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="50"/><w:left w:type="dxa" w:w="90"/><w:bottom w:type="dxa" w:w="50"/><w:right w:type="dxa" w:w="90"/></w:tblCellMar>');
    const [head, ...bodyRows] = elements(requirements, 'w:tr');
    for (const tc of elements(head!, 'w:tc')) expect(tc).toMatch(/^<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><w:shd w:fill="E8ECF1" w:color="auto" w:val="clear"\/><\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableHeading"\/>(<w:jc w:val="(right|center)"\/>)?<\/w:pPr><w:r><w:t /);
    for (const tc of bodyRows.flatMap((r) => elements(r, 'w:tc'))) expect(tc).toMatch(/^<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"\/>(<w:jc w:val="(right|center)"\/>)?<\/w:pPr>(<w:r><w:t [^>]*>[^<]*<\/w:t><\/w:r>)+<\/w:p><\/w:tc>$/);
    const styles = xml('word/styles.xml');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>');

    const gaps = withHeader.find((t) => textOf(t).includes('Controls that would close it'))!;
    expect(textOf(gaps)).toContain('=HYPERLINK("http://evil")');
    expect(doc).not.toMatch(/instrText[^<]*HYPERLINK/);

    const signoff = withHeader.find((t) => textOf(elements(t, 'w:tr')[0]!) === 'RoleNameSignatureDate')!;
    const signRows = elements(signoff, 'w:tr').slice(1);
    expect(signRows.map((r) => textOf(r))).toEqual(['AssessorDana Whitfield', 'Approver']);
    for (const row of signRows) {
      // Name, signature and date cells are ruled lines to write on.
      expect(row.match(/<w:bottom w:val="single" w:color="1F2937" w:sz="8"\/>/g)).toHaveLength(3);
    }
  });

  it('shows lists, facts, warnings, non-Latin text and the title page provenance', async () => {
    const { xml } = await renderToDisk();
    const doc = xml('word/document.xml');
    const paragraphs = elements(doc, 'w:p');
    const bullets = paragraphs.filter((p) => p.includes('<w:numPr>')).map(textOf);
    expect(bullets).toEqual(['Résumé screening (high-risk, Annex III 4(a))', 'Claims triage', 'Support assistant “Nora”', '客户服务助手 (pilot)']);
    const warning = paragraphs.find((p) => textOf(p).startsWith('Warning: Two systems'))!;
    expect(warning).toMatch(/<w:shd [^>]*w:fill="FFF4E0"/);
    expect(warning).toMatch(/<w:left w:val="single"[^>]*w:sz="24"/);
    const text = textOf(doc);
    for (const fact of ['Audit head', `412:${fixtureMeta.head.hash}`, 'Catalog version2026.11.2', 'Assay version0.1.0', 'Generated2026-11-28 09:00:00 UTC', 'Generated byDana Whitfield', 'ClassificationTLP:AMBER', 'Audienceinternal']) {
      expect(text).toContain(fact);
    }
    // The title page comes first, then the contents, then section 1.
    expect(text.indexOf('Gap assessment')).toBeLessThan(text.indexOf('Contents'));
    expect(text.indexOf('EU AI Act · all systems')).toBeLessThan(text.indexOf('Contents'));
    expect(text).toContain('Systems in scope4 of 4');
  });

  it('puts the label on every page, the running header on all but the title page, and Page X of Y in the footer', async () => {
    const { xml } = await renderToDisk();
    const doc = xml('word/document.xml');
    expect(doc).toContain('<w:titlePg/>');
    const first = textOf(partFor(xml, 'header', 'first'));
    const running = textOf(partFor(xml, 'header', 'default'));
    expect(first).toBe('TLP:AMBER');
    expect(running).toBe(runningHeader(fixtureMeta));
    const footer = partFor(xml, 'footer', 'default');
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(textOf(footer)).toBe('TLP:AMBERPage  of ');
    expect(footer).toMatch(/<w:tabs><w:tab w:val="right" w:pos="9638"\/><\/w:tabs>.*<w:tab\/><w:t xml:space="preserve">Page <\/w:t>/);
    expect(textOf(partFor(xml, 'footer', 'first'))).toBe('TLP:AMBER');
  });

  it('embeds each chart as a crisp PNG with its alt text and a caption under it', async () => {
    const { zip, xml } = await renderToDisk();
    const images = [...zip.keys()].filter((n) => n.startsWith('word/media/')).sort();
    expect(images).toEqual(['word/media/image1.png', 'word/media/image2.png']);
    // Rendered at twice the model size in points: 480 x 200 and 240 x 200.
    expect(pngSize(zip.get(images[0]!)!.data)).toEqual({ width: 960, height: 400 });
    expect(pngSize(zip.get(images[1]!)!.data)).toEqual({ width: 480, height: 400 });
    const doc = xml('word/document.xml');
    const figures = fixtureDoc().sections[1]!.blocks.filter((b) => b.kind === 'figure');
    for (const f of figures) {
      expect(doc).toContain(`name="${f.caption}" descr="${f.alt}" title="${f.caption}"`);
      const paragraphs = elements(doc, 'w:p');
      const at = paragraphs.findIndex((p) => p.includes(`descr="${f.alt}"`));
      expect(textOf(paragraphs[at + 1]!)).toBe(f.caption);
      expect(paragraphs[at + 1]).toContain('<w:pStyle w:val="Caption"/>');
    }
    // Shown at the model's size: 480 x 200 pt = 640 x 267 px at 96 dpi, 9,525 EMU a pixel.
    expect(doc.match(/<wp:extent [^>]*>/g)).toEqual(['<wp:extent cx="6096000" cy="2543175"/>', '<wp:extent cx="3048000" cy="2543175"/>']);
  });

  it('embeds the four Roboto faces and sets Roboto as the document font', async () => {
    const { zip, xml } = await renderToDisk();
    const table = xml('word/fontTable.xml');
    const keys = [...table.matchAll(/<w:embed(Regular|Bold|Italic|BoldItalic) r:id="(rId\d)" w:fontKey="\{([0-9A-F-]+)\}"/g)];
    expect(keys.map((k) => k[1])).toEqual(['Regular', 'Bold', 'Italic', 'BoldItalic']);
    const faces = { Regular: 'regular', Bold: 'bold', Italic: 'italic', BoldItalic: 'boldItalic' } as const;
    const rels = xml('word/_rels/fontTable.xml.rels');
    for (const [, face, rid, key] of keys) {
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const odttf = Buffer.from(zip.get(`word/${target}`)!.data);
      // Undo the ECMA-376 obfuscation (first 32 bytes XOR the key's bytes, last first): the TTF must come back intact.
      const keyBytes = Buffer.from(key!.replace(/-/g, ''), 'hex').reverse();
      for (let i = 0; i < 32; i++) odttf[i]! ^= keyBytes[i % 16]!;
      expect(odttf.equals(fontBytes(faces[face as keyof typeof faces])), face).toBe(true);
    }
    expect(xml('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(xml('word/styles.xml'))![0];
    expect(defaults).toContain('<w:rFonts w:ascii="Roboto" w:cs="Roboto" w:eastAsia="Roboto" w:hAnsi="Roboto"/>');
    // A line height with no rule is read as fixed by LibreOffice, which then clips every chart to one line.
    expect(defaults).toMatch(/<w:spacing w:line="276" w:lineRule="auto"\/>/);
  });

  it('sizes the page for A4 and Letter', async () => {
    const a4 = (await renderToDisk({ paper: 'A4' })).xml('word/document.xml');
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const letter = (await renderToDisk({ paper: 'Letter' })).xml('word/document.xml');
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    // Letter is wider: tables use its content width (12240 - 2 x 1134 = 9972 twips).
    const grid = [...elements(letter, 'w:tbl')[2]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(9972);
  });

  it('dates the document properties and every zip entry from generatedAt, and names title, creator and subject', async () => {
    const { zip, xml } = await renderToDisk();
    const core = xml('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T09:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-28T09:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>Gap assessment</dc:title>');
    expect(core).toContain('<dc:creator>Dana Whitfield</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Dana Whitfield</cp:lastModifiedBy>');
    expect(core).toContain('<dc:subject>Northwind Insurance — AI programme</dc:subject>');
    expect(core).toContain(`<dc:description>Audit head 412:${fixtureMeta.head.hash}</dc:description>`);
    expect(new Set([...zip.values()].map((e) => e.stamp))).toEqual(new Set(['2026-11-28T09:00:00']));
  });

  it('gives byte-identical files for the same model, even after rendering another, and different ones for another time', async () => {
    const first = await renderDocx(fixtureDoc());
    await renderDocx(fixtureDoc({ title: 'Something else', paper: 'Letter' }, 12));
    const again = await renderDocx(fixtureDoc());
    expect(again.equals(first)).toBe(true);
    const later = await renderDocx(fixtureDoc({ generatedAt: '2026-11-29T10:30:00.000Z' }));
    expect(later.equals(first)).toBe(false);
    const path = join(tempDir(), 'later.docx');
    writeFileSync(path, later);
    const zip = await readZip(path);
    expect(zip.get('docProps/core.xml')!.data.toString()).toContain('2026-11-29T10:30:00Z');
    expect(zip.get('word/document.xml')!.stamp).toBe('2026-11-29T10:30:00');
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('drops characters XML forbids and keeps line breaks, so Word can open what an assessment holds', async () => {
    const doc = fixtureDoc({ assessment: { id: 'x', name: 'Bad\u0001name\uFFFF' } }, 3);
    doc.sections[0]!.blocks.unshift({ kind: 'paragraph', text: 'first line\nsecond\u000Bline \uD800 end' });
    const path = join(tempDir(), 'hostile.docx');
    writeFileSync(path, await renderDocx(doc));
    const zip = await readZip(path);
    for (const [name, entry] of zip) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      // eslint-disable-next-line no-control-regex
      expect(entry.data.toString('utf8'), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
    const xml = zip.get('word/document.xml')!.data.toString('utf8');
    const paragraph = elements(xml, 'w:p').find((p) => p.includes('first line'))!;
    expect(paragraph).toMatch(/first line<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">secondline \uFFFD end/);
    expect(zip.get('docProps/core.xml')!.data.toString('utf8')).toContain('<dc:subject>Badname</dc:subject>');
  });

  it('renders an odd model: no subtitle, a fourth heading level, an empty table and one without columns', async () => {
    const doc = fixtureDoc({ subtitle: null, audience: 'external' }, 0);
    doc.sections[0]!.sections = [{ title: 'Deeper', blocks: [], sections: [{ title: 'Deeper still', blocks: [], sections: [{ title: 'Fourth level', blocks: [{ kind: 'table', sheet: 'None', caption: 'Nothing to list', columns: [], rows: [] }] }] }] }];
    const path = join(tempDir(), 'odd.docx');
    writeFileSync(path, await renderDocx(doc));
    const xml = (await readZip(path)).get('word/document.xml')!.data.toString('utf8');
    const headings = elements(xml, 'w:p').filter((p) => /w:val="Heading\d"/.test(p)).map((p) => [/Heading(\d)/.exec(p)![1], textOf(p)]);
    expect(headings.slice(0, 4)).toEqual([['1', '1 Scope and method'], ['2', '1.1 Deeper'], ['3', '1.1.1 Deeper still'], ['3', '1.1.1.1 Fourth level']]);
    expect(textOf(xml)).toContain('Nothing to list');
    expect(textOf(xml)).toContain('Audienceexternal (personal names redacted)');
    // The requirements table is only its header row now; every table still has at least one row.
    for (const table of elements(xml, 'w:tbl')) expect(elements(table, 'w:tr').length).toBeGreaterThan(0);
  });

  it('stops with a refusal when cancelled, and reports progress', async () => {
    await expect(renderDocx(fixtureDoc(), { isCancelled: () => true })).rejects.toMatchObject({ code: 'refused', message: 'report generation was cancelled' });
    let polls = 0;
    const late = renderDocx(fixtureDoc(), { isCancelled: () => ++polls > 3 });
    await expect(late).rejects.toBeInstanceOf(AssayError);
    const seen: [number, number][] = [];
    await renderDocx(fixtureDoc({}, 5), { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(seen.map((s) => s[0])).toEqual([...seen.map((s) => s[0])].sort((a, b) => a - b));
  });
});
