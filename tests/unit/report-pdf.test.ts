import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { outline } from '../../shared/reports/model';
import { renderPdf } from '../../electron/reports/render/pdf';
import { tempDir } from './helpers';
import { fixtureDoc, fixtureMeta } from './report-fixtures';

/**
 * The PDF is checked as a reader meets it: poppler's pdfinfo, pdftotext and pdffonts read the
 * written file, and pdftoppm turns chart pages into pixels to prove the charts are drawn.
 */

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

function write(bytes: Buffer, name = 'report.pdf'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

function info(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

const pageText = (file: string, page: number): string => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);

/** Pixels of a page close to a colour, read from pdftoppm's binary PPM (P6). */
function pixelsNear(file: string, page: number, [r, g, b]: [number, number, number], dpi = 40): number {
  const prefix = join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const start = header[0].length;
  let n = 0;
  for (let i = start; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i]! - r) + Math.abs(ppm[i + 1]! - g) + Math.abs(ppm[i + 2]! - b) < 30) n++;
  }
  return n;
}

let a4: Buffer;
beforeAll(async () => {
  a4 = await renderPdf(fixtureDoc());
}, 60_000);

describe('PDF report layout (A4)', () => {
  it('is an A4 document of several pages whose info names the report, its author and Assay', () => {
    const meta = info(write(a4));
    expect(Number(meta.Pages)).toBeGreaterThan(3);
    expect(meta['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(meta.Title).toBe('Gap assessment');
    expect(meta.Author).toBe('Dana Whitfield');
    expect(meta.Subject).toBe('Northwind Insurance — AI programme');
    expect(meta.Creator).toBe('Assay 0.1.0');
    expect(meta.CreationDate).toBe('2026-11-28T09:00:00Z');
    expect(meta.ModDate).toBe('2026-11-28T09:00:00Z');
  });

  it('opens with a title page stating the provenance, without the running header', () => {
    const file = write(a4);
    const title = pageText(file, 1);
    for (const text of ['Gap assessment', 'EU AI Act · all systems', 'Northwind Insurance — AI programme', `412:${fixtureMeta.head.hash}`, '2026.11.2', '0.1.0', '2026-11-28 09:00:00 UTC', 'Dana Whitfield', 'TLP:AMBER', 'internal']) {
      expect(title).toContain(text);
    }
    expect(title).not.toContain('Northwind Insurance — AI programme · Gap assessment · TLP:AMBER');
  });

  it('lists every numbered heading in the contents with the page the heading is on', () => {
    const file = write(a4);
    const contents = pageText(file, 2);
    expect(contents).toContain('Contents');
    for (const { number, title } of outline(fixtureDoc().sections)) {
      const entry = new RegExp(`^\\s*${number.replace('.', '\\.')} ${title}\\s+(\\d+)\\s*$`, 'm').exec(contents);
      expect(entry, `contents entry ${number} ${title}`).not.toBeNull();
      const page = Number(entry![1]);
      expect(pageText(file, page)).toMatch(new RegExp(`^\\s*${number.replace('.', '\\.')} ${title}\\s*$`, 'm'));
    }
  });

  it('carries the running header on every page after the title page, and the label and "Page X of N" on every page', () => {
    const file = write(a4);
    const pages = Number(info(file).Pages);
    for (let p = 1; p <= pages; p++) {
      const text = pageText(file, p);
      if (p > 1) expect(text.split('\n')[0]).toContain('Northwind Insurance — AI programme · Gap assessment · TLP:AMBER');
      expect(text).toMatch(new RegExp(`TLP:AMBER\\s+Page ${p} of ${pages}\\s*$`));
    }
  });

  it('keeps the text as written: accents, curly quotes, dashes and a formula-like cell shown literally', () => {
    const all = run('pdftotext', ['-layout', write(a4), '-']);
    expect(all).toContain('Résumé screening (high-risk, Annex III 4(a))');
    expect(all).toContain('Support assistant “Nora”');
    expect(all).toContain('controls that satisfy it — with their states');
    expect(all).toContain('=HYPERLINK("http://evil")');
    expect(all).toMatch(/Warning: Two systems are not classified yet/);
    expect(all).toMatch(/Role\s+Name\s+Signature\s+Date/);
    expect(all).toMatch(/Assessor\s+Dana Whitfield/);
  });

  it('repeats the header row of a table that runs over several pages', () => {
    const file = write(a4);
    const pages = Number(info(file).Pages);
    const withHeader = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => /Requirement\s+Title\s+Coverage\s+Controls\s+Evidence/.test(pageText(file, p)));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    // Every requirement row is there once, whatever page it landed on.
    const all = run('pdftotext', ['-layout', file, '-']);
    expect(all.match(/^\s*Art\. \d+\(\d\)\s+(?:Requirement \d+|A requirement whose)/gm)).toHaveLength(160);
  });

  it('starts the section that opens with a page break on a new page, heading included', () => {
    const file = write(a4);
    const last = pageText(file, Number(info(file).Pages));
    expect(last.split('\n').find((l) => l.trim() && !l.includes('TLP:AMBER'))!.trim()).toBe('3 Sign-off');
  });

  it('embeds Roboto and no other font, chart text included', () => {
    const rows = run('pdffonts', [write(a4)]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+Roboto-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(rows.some((r) => r.includes('Roboto-Regular'))).toBe(true);
  });

  it('draws both charts as vector graphics with their text, caption and data in words', () => {
    const file = write(a4);
    const pages = Number(info(file).Pages);
    const find = (caption: string): number => Array.from({ length: pages }, (_, i) => i + 1).find((p) => pageText(file, p).includes(caption))!;
    const bars = find('Requirement coverage by framework');
    const ring = find('Controls by state');
    expect(pageText(file, bars)).toMatch(/NIST AI RMF 1\.0/);
    expect(pageText(file, bars)).toContain('Governance only');
    expect(pageText(file, bars)).toContain('EU AI Act: 41 satisfied, 22 partly, 60 not satisfied');
    // The ring's slice labels print whole ("40", not a truncated "4").
    expect(pageText(file, ring)).toMatch(/\b40\b/);
    expect(pageText(file, ring)).toMatch(/\b27\b/);
    // The green of "satisfied" / "implemented" fills a visible area on each chart's page.
    expect(pixelsNear(file, bars, [0x2e, 0x9b, 0x63])).toBeGreaterThan(300);
    expect(pixelsNear(file, ring, [0x2e, 0x9b, 0x63])).toBeGreaterThan(300);
  });
});

describe('PDF report options', () => {
  it('prints on Letter paper when the meta asks for it', async () => {
    const file = write(await renderPdf(fixtureDoc({ paper: 'Letter', label: 'TLP:RED' })));
    const meta = info(file);
    expect(meta['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
    expect(pageText(file, 2)).toMatch(/TLP:RED\s+Page 2 of \d+/);
    // The label is drawn in its TLP colour (red on black), not only written.
    expect(pixelsNear(file, 2, [0xff, 0x2b, 0x2b], 150)).toBeGreaterThan(20);
    expect(pixelsNear(write(a4), 2, [0xff, 0x2b, 0x2b], 150)).toBe(0);
    expect(pixelsNear(write(a4), 2, [0xff, 0xc0, 0x00], 150)).toBeGreaterThan(20);
  }, 30_000);

  it('renders empty tables, lists and facts, and long unbroken values inside their column', async () => {
    const hash = 'ab'.repeat(32);
    const doc = fixtureDoc();
    doc.sections = [
      {
        title: 'Edge cases',
        blocks: [
          { kind: 'table', sheet: 'Empty', caption: 'Nothing yet', columns: [{ key: 'a', label: 'Alpha' }, { key: 'b', label: 'Beta' }], rows: [] },
          { kind: 'list', items: [] },
          { kind: 'facts', rows: [] },
          { kind: 'signoff', rows: [] },
          { kind: 'table', sheet: 'Hashes', caption: null, columns: [{ key: 'id', label: 'Id' }, { key: 'h', label: 'SHA-256', width: 1.5 }, { key: 'f', label: 'File', width: 2 }, { key: 'n', label: 'Size', align: 'right' }], rows: [['EV-001', hash, 'C:/evidence/a_very_long_file_name_without_any_spaces_at_all.pdf', 12345]] },
        ],
      },
    ];
    const file = write(await renderPdf(doc));
    const text = pageText(file, 3);
    expect(text).toMatch(/Alpha\s+Beta\s+No entries\./);
    // The hash wraps inside its column: its pieces, read left to right, give it back whole.
    const pieces = text.split('\n').map((l) => /\b([ab]{8,})\b/.exec(l)?.[1]).filter((p) => p !== undefined);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(hash);
    expect(text).toMatch(/12345/);
  }, 30_000);

  it('gives byte-identical output for the same model, and different bytes for a different generation time', async () => {
    const again = await renderPdf(fixtureDoc());
    expect(again.equals(a4)).toBe(true);
    const later = await renderPdf(fixtureDoc({ generatedAt: '2026-11-29T10:30:00.000Z' }));
    expect(later.equals(a4)).toBe(false);
    expect(info(write(later)).CreationDate).toBe('2026-11-29T10:30:00Z');
  }, 60_000);

  it('gives the same bytes in another process and another time zone', () => {
    const dir = tempDir();
    const script = join(dir, 'render.mts');
    const out = join(dir, 'other.pdf');
    // Explicit .ts paths: the script lives outside the project, where tsx resolves like Node.
    writeFileSync(
      script,
      [
        `import { writeFileSync } from 'node:fs';`,
        `import { renderPdf } from ${JSON.stringify(resolve('electron/reports/render/pdf.ts'))};`,
        `import { fixtureDoc } from ${JSON.stringify(resolve('tests/unit/report-fixtures.ts'))};`,
        `writeFileSync(${JSON.stringify(out)}, await renderPdf(fixtureDoc()));`,
      ].join('\n'),
    );
    execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: 'America/New_York', LANG: 'de_DE.UTF-8' } });
    expect(readFileSync(out).equals(a4)).toBe(true);
  }, 60_000);

  it('refuses a generation time that is not a date, naming the field', async () => {
    await expect(renderPdf(fixtureDoc({ generatedAt: 'yesterday' }))).rejects.toThrow(/meta\.generatedAt.*yesterday/);
  });

  it('stops when cancelled, before rendering or between sections', async () => {
    const before = renderPdf(fixtureDoc(), { isCancelled: () => true });
    await expect(before).rejects.toBeInstanceOf(AssayError);
    await expect(before).rejects.toMatchObject({ code: 'refused', message: 'report generation was cancelled' });
    let polls = 0;
    const progress: number[] = [];
    const midway = renderPdf(fixtureDoc(), { isCancelled: () => ++polls > 2, onProgress: (done) => progress.push(done) });
    await expect(midway).rejects.toMatchObject({ code: 'refused' });
    expect(progress).toEqual([1]);
  });

  it('reports progress up to the end on a completed render', async () => {
    const progress: [number, number][] = [];
    await renderPdf(fixtureDoc({}, 5), { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  }, 30_000);
});
