import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { generateReport } from '../../electron/reports/generate';
import { generationTime } from '../../electron/reports/options';
import type { Renderer } from '../../electron/reports/render/renderer';
import { defineReport } from '../../electron/reports/source';
import { verifyReport } from '../../electron/reports/verify-report';
import { manifestPathOf, writeReport } from '../../electron/reports/write';
import { openForReading, openForWriting } from '../../electron/store/open';
import { issueReport } from '../../electron/store/reports';
import { verifyFile } from '../../electron/store/verify';
import { listSystems } from '../../electron/store/systems';
import { ReportManifest } from '../../shared/reports/manifest';
import { reportTypes, tabularReports } from '../../shared/reports/model';
import { fileHash, tempDir, testContext } from './helpers';

/**
 * The generator, the manifest and verify-report with a small report of our own (the systems in
 * scope) and a plain-text renderer: what every report and format gets from them.
 */

const sources = {
  executive: defineReport({
    gather: (a, scope) => listSystems(a).filter((s) => scope.systems.some((x) => x.id === s.id)).map((s) => s.name),
    build: (names: string[]) => ({ subtitle: `${names.length} systems`, sections: [{ title: 'Systems', blocks: [{ kind: 'list' as const, items: names }] }], evidence: [] }),
  }),
};
const text: Renderer = async (doc) => Buffer.from(JSON.stringify(doc));
const hooks = { actor: 'Dana Whitfield', now: '2026-11-28T09:00:00.000Z', sources, renderers: { pdf: text } };

function assessment(dir: string): string {
  const file = join(dir, 'r.assay');
  const ctx = testContext(dir);
  for (const [name, input] of [
    ['assessment.create', { file, name: 'Reports' }],
    ['systems.add', { file, system: { name: 'Claims triage', roles: ['deployer'] } }],
    ['systems.add', { file, system: { name: 'Support assistant', roles: ['provider'] } }],
  ] as const) {
    const r = dispatch(name, input, ctx);
    if (!r.ok) throw new Error(r.error.message);
  }
  return file;
}

async function written(file: string, dir: string, options: Record<string, unknown> = {}, name = 'executive.pdf') {
  const a = openForReading(file);
  try {
    const g = await generateReport(a, { type: 'executive', format: 'pdf', ...options }, hooks);
    return { g, ...writeReport(join(dir, 'out', name), g) };
  } finally {
    a.close();
  }
}

describe('report generation', () => {
  it('states where the report comes from, reads the assessment only, and writes a manifest beside it', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const before = fileHash(file);
    const { g, path, manifestPath, manifest } = await written(file, dir, { systems: ['claims triage'], label: 'TLP:GREEN' });
    expect(fileHash(file)).toBe(before);
    expect(g.meta).toMatchObject({ title: 'Executive summary', subtitle: '1 systems', label: 'TLP:GREEN', generatedAt: '2026-11-28T09:00:00.000Z', generatedBy: 'Dana Whitfield', systems: ['SYS-001'], head: { count: 3 } });
    expect(JSON.parse(readFileSync(path, 'utf8')).sections[0].blocks[0].items).toEqual(['Claims triage']);
    expect(manifestPath).toBe(`${path}.manifest.json`);
    const parsed = ReportManifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    expect(parsed).toEqual(manifest);
    expect(manifest.assessment.figures).toMatchObject({ systems: 2, risks: 0 });
    expect(manifest.report).toMatchObject({ fileName: 'executive.pdf', type: 'executive', format: 'pdf', sha256: g.sha256, size: g.bytes.length });
  });

  it('never writes over a report already written, and says what alone the manifest cannot confirm', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const { path } = await written(file, dir);
    const before = readFileSync(path);
    await expect(written(file, dir)).rejects.toThrow(/executive\.pdf: already exists; reports are never written over/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(verifyReport(path).message).toMatch(/assessment: not checked: give the assessment \(--assessment\) to check that head 3 is on its chain/);
  });

  it('refuses what it cannot do, naming it', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const a = openForReading(file);
    try {
      await expect(generateReport(a, { type: 'executive', format: 'csv' }, hooks)).rejects.toThrow(/Executive summary is not a table; CSV is written for gap, soa/);
      await expect(generateReport(a, { type: 'executive', format: 'pdf', systems: ['Payroll bot'] }, hooks)).rejects.toThrow(/system "Payroll bot" is not in this assessment; it has SYS-001, SYS-002/);
      await expect(generateReport(a, { type: 'executive', format: 'pdf', frameworks: ['iso-9001'] }, hooks)).rejects.toThrow(/framework "iso-9001" is not in this assessment/);
      await expect(generateReport(a, { type: 'executive', format: 'pdf', paper: 'A5' }, hooks)).rejects.toThrow(/report options: paper/);
      await expect(generateReport(a, { type: 'executive', format: 'pdf' }, { ...hooks, isCancelled: () => true })).rejects.toThrow(/cancelled; nothing was written/);
    } finally {
      a.close();
    }
  });

  it('takes its time from SOURCE_DATE_EPOCH when set', () => {
    expect(generationTime({ SOURCE_DATE_EPOCH: '1764320400' })).toBe('2025-11-28T09:00:00.000Z');
    expect(generationTime({}, () => new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(() => generationTime({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH is "yesterday"; it must be a whole number of seconds/);
  });
});

describe('verify-report', () => {
  it('vouches for an untouched report, alone and against the assessment, also after later changes', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const { path } = await written(file, dir);
    expect(verifyReport(path)).toMatchObject({ ok: true });
    expect(verifyReport(path, { assessment: file }).message).toMatch(/^intact: report: .*; assessment: .*; head: entry 3 is on the assessment's intact chain \(its current head\); state: replaying the log up to entry 3 rebuilds the state/);
    dispatch('systems.add', { file, system: { name: 'Payroll bot', roles: ['deployer'] } }, testContext(dir));
    const later = verifyReport(path, { assessment: file });
    expect(later.ok).toBe(true);
    expect(later.checks.find((c) => c.name === 'head')?.detail).toMatch(/1 entry was added since/);
  });

  it('names a report changed after it was written', async () => {
    const dir = tempDir();
    const { path } = await written(assessment(dir), dir);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Claims triage', 'Claims triage (approved)'));
    const result = verifyReport(path);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^report: executive\.pdf hashes to [0-9a-f]{64} .* the report or its manifest was changed after they were written/);
  });

  it('names a head that is not on the chain, another assessment, and a report made from a file changed behind its log', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const { path, manifestPath, manifest } = await written(file, dir);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, assessment: { ...manifest.assessment, head: { count: 3, hash: 'e'.repeat(64) } } }));
    expect(verifyReport(path, { assessment: file }).message).toMatch(/^head: entry 3 of the assessment's log has hash [0-9a-f]{64}, the report cites e{64}/);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, assessment: { ...manifest.assessment, head: { count: 9, hash: 'e'.repeat(64) } } }));
    expect(verifyReport(path, { assessment: file }).message).toMatch(/the assessment's log has 3 entries; the report cites entry 9/);

    const other = assessment(tempDir());
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(verifyReport(path, { assessment: other }).message).toMatch(/^assessment: .* is assessment .*; the report was made from/);

    // A system renamed in the file behind the log, then a report made from it.
    const db = new Database(file);
    db.prepare("UPDATE ai_system SET name = 'Claims triage v2' WHERE id = 'SYS-001'").run();
    db.close();
    const tampered = await written(file, dir, {}, 'made-from-tampered.pdf');
    const result = verifyReport(tampered.path, { assessment: file });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^state: replaying the log up to entry 3 gives state SHA-256 [0-9a-f]{64}; the manifest says [0-9a-f]{64}: the report was made from a file that differed from its log/);
  });

  it('refuses a missing or foreign manifest by name', async () => {
    const dir = tempDir();
    const { path } = await written(assessment(dir), dir);
    writeFileSync(manifestPathOf(path), '{"schema":"something-else"}');
    expect(() => verifyReport(path)).toThrow(/executive\.pdf\.manifest\.json: is not an Assay report manifest/);
    const lone = join(dir, 'lone.pdf');
    writeFileSync(lone, 'x');
    expect(() => verifyReport(lone)).toThrow(/lone\.pdf\.manifest\.json: no manifest beside lone\.pdf/);
  });
});

describe('the register of issued reports', () => {
  it('records an issued report with its entry, replays it, and verify names a row changed behind the log', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const { manifest } = await written(file, dir);
    const { assessment: a } = openForWriting(file, { actor: 'Dana Whitfield' });
    try {
      const r = manifest.report;
      const issued = issueReport(a, { type: r.type, format: r.format, fileName: r.fileName, sha256: r.sha256, size: r.size, head: manifest.assessment.head, label: r.label, audience: r.audience }, 'Dana Whitfield');
      expect(issued).toMatchObject({ id: 'RPT-001', fileName: 'executive.pdf', head: { count: 3 }, issuedBy: 'Dana Whitfield' });
      expect(a.head().count).toBe(4);
    } finally {
      a.close();
    }
    const listed = dispatch('reports.list', { file }, testContext(dir));
    expect(listed.ok && (listed.value as { reports: { sha256: string }[] }).reports.map((x) => x.sha256)).toEqual([manifest.report.sha256]);
    expect(verifyFile(file).ok).toBe(true);
    const db = new Database(file);
    db.prepare("UPDATE issued_report SET sha256 = ? WHERE id = 'RPT-001'").run('0'.repeat(64));
    db.close();
    expect(verifyFile(file).message).toMatch(/issued_report row RPT-001, field sha256/);
  });
});

describe('every report of the sample, end to end', () => {
  it('renders each report in each of its formats, and the same assessment and clock give the same bytes', async () => {
    const dir = tempDir();
    const file = join(dir, 'sample.assay');
    const made = dispatch('assessment.sample', { file }, testContext(dir));
    if (!made.ok) throw new Error(made.error.message);
    const a = openForReading(file);
    try {
      const fixed = { actor: 'Dana Whitfield', now: '2026-11-28T09:00:00.000Z' };
      for (const type of reportTypes) {
        for (const format of ['pdf', 'docx', ...(tabularReports.includes(type) ? ['xlsx', 'csv'] : [])] as const) {
          const first = await generateReport(a, { type, format }, fixed);
          expect(first.bytes.length, `${type} ${format}`).toBeGreaterThan(200);
          if (format === 'pdf' || type === 'risks') {
            const again = await generateReport(a, { type, format }, fixed);
            expect(again.sha256, `${type} ${format} twice`).toBe(first.sha256);
          }
        }
      }
      const oscal = await generateReport(a, { type: 'executive', format: 'oscal' }, fixed);
      expect(JSON.parse(oscal.bytes.toString('utf8'))['assessment-results'].metadata['last-modified']).toBe('2026-11-28T09:00:00.000Z');
    } finally {
      a.close();
    }
  }, 240_000);
});

describe('issuing a report already written', () => {
  it('issues it once it checks out against the assessment, and refuses one changed since', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const { path, manifest } = await written(file, dir);
    const ctx = testContext(dir);
    const issued = dispatch('reports.issue', { file, report: path }, ctx);
    expect(issued).toMatchObject({ ok: true, value: { id: 'RPT-001', sha256: manifest.report.sha256, head: manifest.assessment.head } });
    const other = await written(file, dir, {}, 'second.pdf');
    writeFileSync(other.path, Buffer.concat([readFileSync(other.path), Buffer.from(' ')]));
    const refused = dispatch('reports.issue', { file, report: other.path }, ctx);
    expect(!refused.ok && refused.error.message).toMatch(/second\.pdf: not issued, it does not check out against .*: report: second\.pdf hashes to/);
    const listed = dispatch('reports.list', { file }, ctx);
    expect(listed.ok && (listed.value as { reports: unknown[] }).reports).toHaveLength(1);
  });
});
