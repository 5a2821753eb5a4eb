import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { generateReport } from '../../electron/reports/generate';
import type { Renderer } from '../../electron/reports/render/renderer';
import { defineReport } from '../../electron/reports/source';
import { openForReading } from '../../electron/store/open';
import { listSystems } from '../../electron/store/systems';
import type { ReportDoc } from '../../shared/reports/model';
import { nameMatcher, redactNames, WITHHELD } from '../../shared/reports/redact';
import { tempDir, testContext } from './helpers';
import { fixtureMeta } from './report-fixtures';

/** Names in free text are withheld from reports for readers outside the organisation. */

const docWith = (...texts: string[]): ReportDoc => ({
  meta: fixtureMeta,
  sections: [{ title: 'Notes', blocks: [{ kind: 'list', items: texts }, { kind: 'table', sheet: 'T', caption: null, columns: [{ key: 'n', label: 'Note' }], rows: [[texts[0] ?? null], [42]] }] }],
  evidence: [],
});

describe('withholding names in free text', () => {
  it('replaces whole names and addresses in any case, longest first, and leaves other words and numbers alone', () => {
    const doc = redactNames(docWith('Agreed with MARIA KELLER and maria.keller@example.com.', 'Mariano Kellerman signed; Maria said yes.'), ['Maria Keller', 'maria.keller@example.com', 'Maria']);
    const [first, second] = (doc.sections[0]!.blocks[0] as { items: string[] }).items;
    expect(first).toBe(`Agreed with ${WITHHELD} and ${WITHHELD}.`);
    expect(second).toBe(`Mariano Kellerman signed; ${WITHHELD} said yes.`);
    expect((doc.sections[0]!.blocks[1] as { rows: unknown[][] }).rows[1]).toEqual([42]);
  });

  it('does not search for log-in names or very short names, which are also ordinary words', () => {
    expect(nameMatcher(['root', 'Al', 'build'])).toBeNull();
    const doc = redactNames(docWith('The root cause was a build script.'), ['root', 'build', 'Al']);
    expect((doc.sections[0]!.blocks[0] as { items: string[] }).items[0]).toBe('The root cause was a build script.');
  });

  it('withholds the assessment’s people in an external report, and only there', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.assay');
    const ctx = testContext(dir);
    for (const [name, input] of [
      ['assessment.create', { file, name: 'Reports' }],
      ['systems.add', { file, system: { name: 'Claims triage', roles: ['deployer'], owner: 'Tom Becker' } }],
    ] as const) {
      const r = dispatch(name, input, ctx);
      if (!r.ok) throw new Error(r.error.message);
    }
    const sources = {
      executive: defineReport({
        gather: (a) => listSystems(a).map((s) => `${s.name}: reviewed with Tom Becker on 2026-11-02`),
        build: (lines: string[]) => ({ subtitle: null, sections: [{ title: 'Systems', blocks: [{ kind: 'list' as const, items: lines }] }], evidence: [] }),
      }),
    };
    const text: Renderer = async (doc) => Buffer.from(JSON.stringify(doc.sections));
    const a = openForReading(file);
    try {
      const hooks = { actor: 'Dana Whitfield', now: '2026-11-28T09:00:00.000Z', sources, renderers: { pdf: text } };
      const external = await generateReport(a, { type: 'executive', format: 'pdf', audience: 'external' }, hooks);
      const internal = await generateReport(a, { type: 'executive', format: 'pdf' }, hooks);
      expect(external.bytes.toString()).toContain(`Claims triage: reviewed with ${WITHHELD} on 2026-11-02`);
      expect(external.bytes.toString()).not.toContain('Tom Becker');
      expect(internal.bytes.toString()).toContain('reviewed with Tom Becker');
    } finally {
      a.close();
    }
  });
});
