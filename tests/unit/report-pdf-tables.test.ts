import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDoc, TableBlock } from '../../shared/reports/model';
import { renderPdf } from '../../electron/reports/render/pdf';
import { columnWidths, wordWidth } from '../../electron/reports/render/pdf/column-widths';
import { printable } from '../../electron/reports/render/pdf/printable';
import { tempDir } from './helpers';
import { fixtureMeta } from './report-fixtures';

/** Table layout in the PDF: column widths that keep words whole, captions that travel with their table. */

const type = { bodySize: 8.5, headSize: 7.5, padding: 8 };
const table = (columns: TableBlock['columns'], rows: TableBlock['rows']): TableBlock => ({ kind: 'table', sheet: 'T', caption: 'A caption', columns, rows });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('PDF column widths', () => {
  it('gives a narrow-weighted column room for its longest word and shares the rest by weight', () => {
    const t = table(
      [
        { key: 'what', label: 'What', width: 6 },
        { key: 'when', label: 'By when', width: 0.3 },
        { key: 'who', label: 'Who', width: 2 },
      ],
      [['A long description of what is to be done', '2026-12-19', 'Tom Becker']],
    );
    const widths = columnWidths(t, 480, type);
    expect(widths[1]).toBeGreaterThanOrEqual(wordWidth('2026-12-19', 8.5));
    expect(sum(widths)).toBeLessThanOrEqual(480 - 3 * type.padding);
    // The wide column keeps its lead over the third, as the weights say.
    expect(widths[0]! / widths[2]!).toBeCloseTo(3, 1);
  });

  it('keeps ids, dates and sizes whole when not every word fits, and lets the long tokens break instead', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const path = 'board-minutes-2026-q3-signed-by-the-audit-committee.pdf';
    const columns = ['ID', 'File', 'Size', 'SHA-256', 'Received', 'Valid until', 'Controls', 'Requirements'].map((label, i) => ({ key: `c${i}`, label }));
    const t = table(columns, [['EV-001', path, '29782', sha, '2026-11-28', '2027-03-31', 'GOV-01, GOV-03', 'eu-ai-act:Art. 15']]);
    const widths = columnWidths(t, 480, type);
    expect(sum(widths)).toBeLessThanOrEqual(480 - columns.length * type.padding);
    for (const [i, word] of [[0, 'EV-001'], [2, '29782'], [4, '2026-11-28'], [5, '2027-03-31'], [6, 'GOV-01,']] as const)
      expect(widths[i], `${word} stays on one line`).toBeGreaterThanOrEqual(wordWidth(word, 8.5));
    expect(widths[1]!).toBeLessThan(wordWidth(path, 8.5));
    expect(widths[3]!).toBeLessThan(wordWidth(sha, 8.5));
  });

  it('caps what one long token (a SHA-256) may claim, and never exceeds the text width when words cannot all fit', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const narrow = columnWidths(table([{ key: 'id', label: 'ID' }, { key: 'sha', label: 'SHA-256' }], [['EV-001', sha]]), 480, type);
    expect(narrow[1]!).toBeLessThan(wordWidth(sha, 8.5));
    const many = Array.from({ length: 16 }, (_, i) => ({ key: `c${i}`, label: `Heading${i}` }));
    const crowded = columnWidths(table(many, [many.map(() => 'Extraordinarily')]), 480, type);
    expect(sum(crowded)).toBeLessThanOrEqual(480 - 16 * type.padding);
    expect(Math.max(...crowded) - Math.min(...crowded)).toBeLessThan(1);
  });
});

describe('PDF tables and glyphs, read back with pdftotext', () => {
  it('repeats a long table’s caption on each page it runs onto, and prints arrows the font lacks in plain spelling', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`R-${String(i + 1).padStart(3, '0')}`, `Row ${i + 1}: 41.6 → 3 (Possible)`]);
    const doc: ReportDoc = {
      meta: fixtureMeta,
      sections: [{ title: 'Long table', blocks: [{ kind: 'paragraph', text: 'Intro.' }, table([{ key: 'id', label: 'ID' }, { key: 'basis', label: 'Basis', width: 4 }], rows)] }],
      evidence: [],
    };
    const file = join(tempDir(), 'tables.pdf');
    writeFileSync(file, await renderPdf(doc));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const text = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
    const withRows = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => /R-\d{3}/.test(text(p)));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(text(p)).toContain('A caption');
    expect(text(withRows[0]!)).toContain('41.6 -> 3 (Possible)');
    expect(printable('a → b ⇒ c ✓')).toBe('a -> b => c yes');
  }, 60_000);
});
