import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAssay, tempDir } from './helpers';

/** The report command's forms as people type them. */
describe('assay report', () => {
  it('takes the paper size in any case, and --type all says which reports a table format leaves out', () => {
    const dir = tempDir();
    for (const args of [
      ['new', 'r.assay', '--name', 'Report forms'],
      ['systems', 'add', 'r.assay', '--name', 'Credit scoring', '--role', 'provider'],
    ]) expect(runAssay(dir, args).code).toBe(0);

    const letter = runAssay(dir, ['report', 'r.assay', '--type', 'risks', '--format', 'pdf', '--paper', 'letter', '--out', 'risks.pdf']);
    expect(letter.code, letter.err).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'risks.pdf.manifest.json'), 'utf8')) as { report: { paper: string } }).report.paper).toBe('Letter');
    const wrong = runAssay(dir, ['report', 'r.assay', '--type', 'risks', '--format', 'pdf', '--paper', 'legal', '--out', 'legal.pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--paper must be A4 or Letter \(got "legal"\)/);

    const all = runAssay(dir, ['report', 'r.assay', '--type', 'all', '--format', 'csv', '--out', '.']);
    expect(all.code, all.err).toBe(0);
    expect(all.err).toBe('assay: report: not written as CSV, as they are not tables: executive, annex-iv (write them as pdf or docx)\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.csv'))).toHaveLength(8);
  }, 60_000);
});
