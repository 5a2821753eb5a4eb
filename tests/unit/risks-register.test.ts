import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { runChecks } from '../../shared/domain/checks';
import { addDays } from '../../shared/domain/dates';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

const today = new Date().toISOString().slice(0, 10);

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function withRisk(dir: string): string {
  const file = join(dir, 'risks.assay');
  call(dir, 'assessment.create', { file, name: 'Risks' });
  call(dir, 'systems.add', { file, system: { name: 'Support assistant', roles: ['deployer'] } });
  call(dir, 'risks.add', {
    file,
    risk: {
      system: 'Support assistant',
      threat: 'THR-01',
      title: 'Poisoned fine-tuning data',
      likelihood: 4,
      impact: 5,
      treatment: 'mitigate',
      controls: ['GOV-01', 'ACC-02'],
      residualLikelihood: 2,
      residualImpact: 3,
      owner: 'Dana Chen',
      reviewDate: addDays(today, 30),
    },
  });
  return file;
}

describe('the risk register', () => {
  it('adds a risk with its scores, names and the heat map cells, and verify replays it', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    const register = call(dir, 'risks.list', { file });
    expect(register.risks).toHaveLength(1);
    expect(register.risks[0]).toMatchObject({
      id: 'RSK-001',
      systemId: 'SYS-001',
      systemName: 'Support assistant',
      threatId: 'THR-01',
      controls: ['ACC-02', 'GOV-01'],
      ownerName: 'Dana Chen',
      status: 'open',
      inherent: { score: 20, rating: 'critical' },
      residual: { score: 6, rating: 'medium' },
      residualAboveInherent: false,
      acceptanceStatus: 'none',
      reviewOverdue: false,
    });
    expect(register.heatMap.inherent[3]![4]).toBe(1);
    expect(register.heatMap.residual[1]![2]).toBe(1);
    // The owner is a person id in the file; the log holds no name.
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE payload LIKE '%Dana%'").get()).toEqual({ n: 0 });
    db.close();
    expect(call(dir, 'audit.list', { file }).entries[0]).toMatchObject({ label: 'Risk added', item: 'RSK-001 Poisoned fine-tuning data' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('updates only the fields given and keeps the owner', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    const { risk } = call(dir, 'risks.update', { file, risk: 'RSK-001', changes: { status: 'in_treatment', reviewDate: null } });
    expect(risk).toMatchObject({ status: 'in_treatment', reviewDate: null, likelihood: 4, controls: ['ACC-02', 'GOV-01'] });
    expect(call(dir, 'risks.list', { file }).risks[0]!.ownerName).toBe('Dana Chen');
    expect(verifyFile(file).ok).toBe(true);
  });

  it('an acceptance records the approver, the date, the expiry and the risk as it was; a material change makes it no longer current', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    const accepted = call(dir, 'risks.accept', { file, risk: 'RSK-001', acceptance: { approver: 'Chief Risk Officer', expiresOn: addDays(today, 180), rationale: 'Residual within appetite' } });
    expect(accepted.acceptance).toMatchObject({ approvedOn: today, snapshot: { likelihood: 4, impact: 5, residualImpact: 3, controls: ['ACC-02', 'GOV-01'] } });
    expect(accepted.risk.status).toBe('accepted');
    let row = call(dir, 'risks.list', { file }).risks[0]!;
    expect(row.acceptanceStatus).toBe('current');
    expect(row.acceptance).toMatchObject({ approver: 'Chief Risk Officer', rationale: 'Residual within appetite' });
    // Not material: the title and the owner.
    call(dir, 'risks.update', { file, risk: 'RSK-001', changes: { title: 'Poisoned training data', owner: 'Ravi Patel' } });
    expect(call(dir, 'risks.list', { file }).risks[0]!.acceptanceStatus).toBe('current');
    // Material: a linked control removed.
    call(dir, 'risks.update', { file, risk: 'RSK-001', changes: { controls: ['GOV-01'] } });
    row = call(dir, 'risks.list', { file }).risks[0]!;
    expect(row.acceptanceStatus).toBe('changed');
    expect(row.changedFields).toEqual(['controls']);
    const register = call(dir, 'risks.list', { file });
    expect(runChecks(model(register)).map((f) => f.rule)).toContain('acceptance-changed');
    // A new acceptance makes it current again and keeps the old one as history.
    call(dir, 'risks.accept', { file, risk: 'RSK-001', acceptance: { approver: 'Chief Risk Officer', expiresOn: addDays(today, 90) } });
    expect(call(dir, 'risks.list', { file }).risks[0]!.acceptanceStatus).toBe('current');
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM risk_acceptance ORDER BY id').all()).toEqual([{ id: 'RSK-001/1' }, { id: 'RSK-001/2' }]);
    db.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('an acceptance past its expiry shows as expired, and the checks find it', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    call(dir, 'risks.accept', { file, risk: 'RSK-001', acceptance: { approver: 'Chief Risk Officer', approvedOn: '2025-01-10', expiresOn: addDays(today, -1) } });
    const register = call(dir, 'risks.list', { file });
    expect(register.risks[0]!.acceptanceStatus).toBe('expired');
    expect(register.acceptances).toHaveLength(1);
    expect(runChecks(model(register)).map((f) => f.rule)).toContain('acceptance-expired');
  });

  it('carries what the checks need: residual above inherent and overdue reviews', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    call(dir, 'risks.update', { file, risk: 'RSK-001', changes: { likelihood: 1, impact: 2, residualLikelihood: 3, residualImpact: 3, reviewDate: addDays(today, -3) } });
    const register = call(dir, 'risks.list', { file });
    expect(register.risks[0]).toMatchObject({ residualAboveInherent: true, reviewOverdue: true });
    expect(runChecks(model(register)).map((f) => f.rule)).toEqual(expect.arrayContaining(['residual-above-inherent', 'risk-review-overdue']));
  });

  it('refuses bad input naming the field, and changes nothing', () => {
    const dir = tempDir();
    const file = withRisk(dir);
    const before = fileHash(file);
    const bad = dispatch('risks.add', { file, risk: { system: 'SYS-001', title: 'x', likelihood: 6, impact: 2, treatment: 'ignore' } }, testContext(dir));
    expect(!bad.ok && bad.error.issues?.map((i) => i.path).sort()).toEqual(['risk.likelihood', 'risk.title', 'risk.treatment']);
    const half = dispatch('risks.add', { file, risk: { system: 'SYS-001', title: 'Half residual', likelihood: 2, impact: 2, treatment: 'avoid', residualLikelihood: 1 } }, testContext(dir));
    expect(!half.ok && half.error.message).toMatch(/residualImpact: give both residual likelihood and residual impact/);
    const unknownThreat = dispatch('risks.add', { file, risk: { system: 'SYS-001', threat: 'THR-99', title: 'Unknown threat', likelihood: 2, impact: 2, treatment: 'avoid' } }, testContext(dir));
    expect(!unknownThreat.ok && unknownThreat.error.message).toMatch(/threat: THR-99 is not a threat in this assessment's catalog/);
    const unknownControl = dispatch('risks.update', { file, risk: 'RSK-001', changes: { controls: ['XYZ-99'] } }, testContext(dir));
    expect(!unknownControl.ok && unknownControl.error.message).toMatch(/controls: XYZ-99 is not a control/);
    const unknownSystem = dispatch('risks.add', { file, risk: { system: 'Nope', title: 'No system', likelihood: 2, impact: 2, treatment: 'avoid' } }, testContext(dir));
    expect(!unknownSystem.ok && unknownSystem.error.message).toMatch(/has no AI system "Nope"/);
    const badExpiry = dispatch('risks.accept', { file, risk: 'RSK-001', acceptance: { approver: 'A', approvedOn: '2026-05-01', expiresOn: '2026-04-01' } }, testContext(dir));
    expect(!badExpiry.ok && badExpiry.error.message).toMatch(/expiresOn: the acceptance cannot expire before it was approved/);
    const noRisk = dispatch('risks.accept', { file, risk: 'RSK-404', acceptance: { approver: 'A', expiresOn: '2030-01-01' } }, testContext(dir));
    expect(!noRisk.ok && noRisk.error.message).toMatch(/has no risk "RSK-404"/);
    expect(fileHash(file)).toBe(before);
  });

  const edits: [string, string, RegExp][] = [
    ['a risk', "UPDATE risk SET record = json_set(record, '$.residualImpact', 1) WHERE id = 'RSK-001'", /risk row RSK-001, field record/],
    ['an acceptance', "UPDATE risk_acceptance SET record = json_set(record, '$.expiresOn', '2099-12-31')", /risk_acceptance row RSK-001\/1, field record/],
    ['an acceptance (deleted)', 'DELETE FROM risk_acceptance', /risk_acceptance row RSK-001\/1: the log has this row, the file does not/],
  ];
  for (const [what, sql, message] of edits)
    it(`verify names ${what} edited outside Assay`, () => {
      const dir = tempDir();
      const file = withRisk(dir);
      call(dir, 'risks.accept', { file, risk: 'RSK-001', acceptance: { approver: 'Chief Risk Officer', expiresOn: addDays(today, 10) } });
      const db = new Database(file);
      db.exec(sql);
      db.close();
      expect(verifyFile(file).message).toMatch(message);
    });

  it('assay risks add, risks accept and risks work as the issue names them', () => {
    const dir = tempDir();
    call(dir, 'assessment.create', { file: join(dir, 'a.assay'), name: 'CLI' });
    call(dir, 'systems.add', { file: join(dir, 'a.assay'), system: { name: 'Coding assistant', roles: ['deployer'] } });
    const added = runAssay(dir, [
      'risks', 'add', 'a.assay', '--system', 'SYS-001', '--threat', 'THR-01', '--title', 'Leaked secrets in suggestions',
      '--likelihood', '3', '--impact', '4', '--treatment', 'mitigate', '--control', 'GOV-01', '--control', 'ACC-02',
      '--residual-likelihood', '2', '--residual-impact', '2', '--owner', 'Sam Lee', '--review', addDays(today, 5),
    ]);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toBe('added RSK-001 Leaked secrets in suggestions (inherent 12, mitigate)\n');
    const accepted = runAssay(dir, ['risks', 'accept', 'a.assay', 'RSK-001', '--approver', 'Pat Doe', '--expires', addDays(today, 100)]);
    expect(accepted.code, accepted.err).toBe(0);
    const listed = runAssay(dir, ['risks', 'a.assay']);
    expect(listed.out).toContain('inherent 3×4 = 12 High (Possible × Major)');
    expect(listed.out).toContain('residual 2×2 = 4 Low (Unlikely × Minor)');
    expect(listed.out).toContain(`review ${addDays(today, 5)} (in 5 days)`);
    expect(listed.out).toContain(`acceptance: Current — approved by Pat Doe on ${today}, expires ${addDays(today, 100)} (in 100 days)`);
    const json = JSON.parse(runAssay(dir, ['risks', 'a.assay', '--json']).out) as { risks: { id: string; acceptanceStatus: string }[] };
    expect(json.risks.map((r) => [r.id, r.acceptanceStatus])).toEqual([['RSK-001', 'current']]);
    const bad = runAssay(dir, ['risks', 'add', 'a.assay', '--system', 'SYS-001', '--title', 'Bad level', '--likelihood', 'high', '--impact', '2', '--treatment', 'accept']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/risk\.likelihood: likelihood and impact are whole numbers from 1 to 5/);
    expect(verifyFile(join(dir, 'a.assay')).ok).toBe(true);
    // Each run starts a Node process; on a busy machine five of them take a while.
  }, 60_000);
});

function model(register: CommandOutput<'risks.list'>) {
  return { today, systems: [], controls: [], evidence: [], evidenceLinks: [], risks: register.risks, acceptances: register.acceptances, incidents: [], coverage: [] };
}
