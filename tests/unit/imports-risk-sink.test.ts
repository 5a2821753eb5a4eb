import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvReader } from '../../electron/imports/formats/csv';
import { xlsxReader } from '../../electron/imports/formats/xlsx';
import type { ReadResult } from '../../electron/imports/importer';
import { riskSink } from '../../electron/imports/sinks/risks';
import { openSource } from '../../electron/imports/source';
import { buildAssessmentModel } from '../../electron/store/assessment-model';
import { listRisks } from '../../electron/store/risks';
import { verifyFile } from '../../electron/store/verify';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { runChecks } from '../../shared/domain/checks';
import { tempDir } from './helpers';
import { FakeEngine, TODAY, assessmentWithSystems, catalog } from './imports-sinks-helpers';
import { messyRegister, readContext } from './tabular-fixtures';

const GRC = join(__dirname, '../fixtures/imports/grc');

function read(path: string) {
  const { ctx } = readContext(catalog);
  return (csvReader.read(openSource(path), ctx) as ReadResult).records;
}

describe('the risk sink', () => {
  it('imports a CISO Assistant-shaped register in one batch: the payloads of risks.add, links to catalog controls, acceptance left pending', () => {
    const { a } = assessmentWithSystems(tempDir());
    const engine = new FakeEngine(a);
    const planned = engine.plan(riskSink, read(join(GRC, 'ciso-risk-assessment.csv')));
    expect(planned.map((p) => [p.action, p.record.location])).toEqual([
      ['create', 'row 2'],
      ['create', 'row 3'],
      ['create', 'row 4'],
    ]);
    expect(engine.problems).toEqual(
      expect.arrayContaining([
        { severity: 'warning', location: 'row 3', field: 'approver', message: 'treated by acceptance with no approver: imported with its acceptance pending approval' },
        { severity: 'warning', location: 'row 2', field: 'controls', message: `"Input filtering" is not a control of this assessment's catalog; the risk is imported without that link` },
      ]),
    );
    const entries = engine.apply(riskSink, planned);
    expect(entries.map((e) => [e.command, e.entityId])).toEqual([
      ['risks.add', 'RSK-001'],
      ['risks.add', 'RSK-002'],
      ['risks.add', 'RSK-003'],
    ]);
    const register = listRisks(a, TODAY);
    expect(register.risks.map((r) => [r.id, r.systemName, r.likelihood, r.impact, r.treatment, r.acceptanceStatus])).toEqual([
      ['RSK-001', 'Support assistant', 4, 4, 'mitigate', 'none'],
      ['RSK-002', 'Support assistant', 5, 3, 'accept', 'pending'],
      ['RSK-003', 'Credit scoring', 2, 5, 'mitigate', 'none'],
    ]);
    expect(register.risks[0]!.controls).toEqual(['GOV-01']);
    expect(register.risks[0]!.threatName).toBe(catalog.threats.find((t) => t.name.toLowerCase().includes('prompt injection'))?.name ?? null);
    // Never a silent approval: the consistency checks show the acceptance awaiting approval.
    const findings = runChecks(buildAssessmentModel(a, TODAY));
    expect(findings.filter((f) => f.rule === 'acceptance-pending').map((f) => f.message)).toEqual(['“Wrong refund amounts quoted” is to be accepted, but nobody has approved it yet.']);
  });

  it("imports a consultant's workbook with a real acceptance, keeps the log replayable, and a second import changes nothing", async () => {
    const dir = tempDir();
    const { a, file } = assessmentWithSystems(dir);
    const path = join(dir, 'register.xlsx');
    await messyRegister(path);
    const records = async () => ((await xlsxReader.read(openSource(path), readContext(catalog).ctx)) as ReadResult).records;
    const engine = new FakeEngine(a);
    engine.apply(riskSink, engine.plan(riskSink, await records()), false);
    const risks = listRisks(a, TODAY).risks;
    expect(risks.map((r) => [r.title, r.ownerName, r.reviewDate, r.acceptanceStatus, r.acceptance?.approver ?? null, r.acceptance?.expiresOn ?? null])).toEqual([
      ['Prompt injection leaks customer data', 'Dana Chen', '2026-03-01', 'none', null, null],
      ['Hallucinated refund promises', 'Dana Chen', '2026-06-30', 'current', 'Sam Patel', '2026-12-31'],
      ['Model drift in scoring', 'Lee Wong', '2026-03-01', 'pending', null, null],
    ]);
    expect(risks[1]!.status).toBe('accepted');
    expect(verifyFile(file).ok).toBe(true);

    const head = a.head().count;
    const again = engine.plan(riskSink, await records());
    expect(again.map((p) => [p.action, p.entityId])).toEqual([
      ['unchanged', 'RSK-001'],
      ['unchanged', 'RSK-002'],
      ['unchanged', 'RSK-003'],
    ]);
    engine.apply(riskSink, again, false);
    expect(a.head().count).toBe(head);
  });

  it('plans an update with the fields that changed, and keeps the owner as the same person', () => {
    const dir = tempDir();
    const { a, file } = assessmentWithSystems(dir);
    const engine = new FakeEngine(a);
    const csv = (likelihood: number) => {
      const path = join(dir, 'r.csv');
      writeFileSync(path, `Risk ID,Risk,System,Likelihood,Impact,Owner\nK1,Credit model bias,Credit scoring,${likelihood},4,Ana Ruiz\n`);
      return read(path);
    };
    engine.apply(riskSink, engine.plan(riskSink, csv(2)), false);
    const owner = listRisks(a, TODAY).risks[0]!.owner;
    const planned = engine.plan(riskSink, csv(3));
    expect(planned[0]).toMatchObject({ action: 'update', entityId: 'RSK-001', detail: 'likelihood changes' });
    engine.apply(riskSink, planned, false);
    expect(listRisks(a, TODAY).risks[0]).toMatchObject({ likelihood: 3, owner, ownerName: 'Ana Ruiz' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('reports each bad row by row and field without stopping, and writes nothing for them', () => {
    const dir = tempDir();
    const { a } = assessmentWithSystems(dir);
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'Risk,System,Likelihood,Impact,Treatment,Approver,Acceptance expiry\nAb,Credit scoring,3,3,mitigate,,\nGood risk,Credit scoring,3,3,accept,Kim Lee,2025-01-01\nNo system here,,2,2,mitigate,,\nFine risk,Chatbot v2,2,2,mitigate,,\n');
    const engine = new FakeEngine(a);
    const planned = engine.plan(riskSink, read(path));
    expect(planned.map((p) => p.action)).toEqual(['skip', 'skip', 'skip', 'create']);
    expect(engine.problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', location: 'row 2', field: 'title', message: 'a risk needs a title of at least 3 characters' },
      { severity: 'error', location: 'row 3', field: 'acceptanceExpiry', message: 'the acceptance would expire on 2025-01-01, before today; give a later expiry or leave it out (one year)' },
      { severity: 'error', location: 'row 4', field: 'system', message: 'names no AI system: add a System column, or choose the system the register is about (--system)' },
    ]);
    // A system the assessment does not have yet is not refused: the engine creates it on apply.
    engine.apply(riskSink, planned);
    expect(listRisks(a, TODAY).risks.map((r) => [r.title, r.systemName])).toEqual([['Fine risk', 'Chatbot v2']]);
  });

  it('writes thousands of rows in one pass with ids allocated in memory after the existing ones', () => {
    const dir = tempDir();
    const { a, file } = assessmentWithSystems(dir);
    const engine = new FakeEngine(a);
    const first = join(dir, 'one.csv');
    writeFileSync(first, 'Risk,System,Likelihood,Impact\nExisting risk,Credit scoring,1,1\n');
    engine.apply(riskSink, engine.plan(riskSink, read(first)), false);
    const lines = ['ID,Risk,System,Likelihood,Impact,Owner'];
    for (let i = 1; i <= 1200; i++) lines.push(`B${i},Bulk risk ${i},Support assistant,${(i % 5) + 1},${((i * 3) % 5) + 1},Owner ${i % 7}`);
    const path = join(dir, 'bulk.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const planned = engine.plan(riskSink, read(path));
    const entries = engine.apply(riskSink, planned);
    expect(entries).toHaveLength(1200);
    expect(entries.every((e) => e.command === 'risks.add')).toBe(true);
    // Each risk is serialised once, for its row and its entry: the text handed on is the payload's canonical JSON.
    expect(entries.every((e) => e.payloadJson === canonicalJson(e.payload))).toBe(true);
    const ids = listRisks(a, TODAY).risks.map((r) => r.id);
    expect(ids).toHaveLength(1201);
    expect(ids).toContain('RSK-1201');
    expect(new Set(ids).size).toBe(1201);
    expect(engine.refs.get('risk:id:B1200')).toBe('RSK-1201');
    void file;
  });
});
