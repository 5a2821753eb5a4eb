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
const SHA = 'ab'.repeat(32);

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function withSystems(dir: string): string {
  const file = join(dir, 'incidents.assay');
  call(dir, 'assessment.create', { file, name: 'Incidents' });
  call(dir, 'systems.add', { file, system: { name: 'Credit scoring', roles: ['provider'] } });
  call(dir, 'systems.add', { file, system: { name: 'Support assistant', roles: ['deployer'] } });
  return file;
}

const incident = (title: string, awareOn: string, cases: string[] = []) => ({ system: 'SYS-001', title, awareOn, severity: 'high', cases });

describe('the incident register', () => {
  it('computes the Art. 73 deadline from awareness: 2 days, 10 days, 15 days, or none', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const aware = addDays(today, -1);
    call(dir, 'incidents.add', { file, incident: incident('Grid scheduling outage', aware, ['critical_infrastructure_disruption']) });
    call(dir, 'incidents.add', { file, incident: incident('Patient died after wrong triage', aware, ['death', 'serious_harm_to_health']) });
    call(dir, 'incidents.add', { file, incident: incident('Discriminatory refusals', aware, ['fundamental_rights_infringement']) });
    call(dir, 'incidents.add', { file, incident: { ...incident('Slow answers', aware), severity: 'low' } });
    const { incidents } = call(dir, 'incidents.list', { file });
    expect(incidents.map((i) => [i.id, i.serious, i.report.deadline?.days ?? null, i.report.deadline?.dueOn ?? null, i.report.status, i.report.daysLeft])).toEqual([
      ['INC-001', true, 2, addDays(aware, 2), 'due', 1],
      ['INC-002', true, 10, addDays(aware, 10), 'due', 9],
      ['INC-003', true, 15, addDays(aware, 15), 'due', 14],
      ['INC-004', false, null, null, 'not_required', null],
    ]);
    expect(call(dir, 'audit.list', { file }).entries[0]).toMatchObject({ label: 'Incident recorded', item: 'INC-004 Slow answers' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('an unsent report past its deadline is overdue (an error-level check); recording it sent with its evidence settles it', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    call(dir, 'incidents.add', { file, incident: incident('Widespread wrong refusals', addDays(today, -5), ['widespread_infringement']) });
    let register = call(dir, 'incidents.list', { file });
    expect(register.incidents[0]!.report).toMatchObject({ status: 'overdue', daysLeft: -3 });
    const checks = runChecks({ today, systems: [], controls: [], evidence: [], evidenceLinks: [], risks: [], acceptances: [], incidents: register.incidents, coverage: [] });
    expect(checks.map((c) => [c.rule, c.severity])).toEqual([['incident-report-overdue', 'error']]);
    const { incident: reported } = call(dir, 'incidents.update', { file, incident: 'INC-001', changes: { reportedOn: today, reportEvidence: [SHA, 'EV-0007'] } });
    expect(reported).toMatchObject({ reportedOn: today, reportEvidence: [SHA, 'EV-0007'], title: 'Widespread wrong refusals' });
    register = call(dir, 'incidents.list', { file });
    expect(register.incidents[0]!.report).toMatchObject({ status: 'reported', late: true });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('keeps a post-market monitoring plan per provided system, and says which provided systems have none', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    expect(call(dir, 'incidents.list', { file }).providerSystemsWithoutPlan).toEqual([{ id: 'SYS-001', name: 'Credit scoring' }]);
    const { plan } = call(dir, 'incidents.setPlan', { file, system: 'Credit scoring', plan: { title: 'PMM plan 2026', reference: 'DOC-PMM-01', reviewDate: addDays(today, -1) } });
    expect(plan).toMatchObject({ systemId: 'SYS-001', reviewOverdue: true, updatedBy: 'tester' });
    call(dir, 'incidents.setPlan', { file, system: 'SYS-001', plan: { title: 'PMM plan 2027', reference: 'DOC-PMM-02', reviewDate: addDays(today, 200) } });
    const register = call(dir, 'incidents.list', { file });
    expect(register.plans).toEqual([expect.objectContaining({ title: 'PMM plan 2027', reference: 'DOC-PMM-02', reviewOverdue: false })]);
    expect(register.providerSystemsWithoutPlan).toEqual([]);
    const deployer = dispatch('incidents.setPlan', { file, system: 'SYS-002', plan: { title: 'Plan', reference: 'x', reviewDate: today } }, testContext(dir));
    expect(!deployer.ok && deployer.error.message).toMatch(/kept by the provider/);
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses bad input naming the field, and changes nothing', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    call(dir, 'incidents.add', { file, incident: incident('Known incident', today, ['death']) });
    const before = fileHash(file);
    const bad = dispatch('incidents.add', { file, incident: { system: 'SYS-001', title: 'x', awareOn: '2026-02-30', severity: 'huge', cases: ['bad_luck'] } }, testContext(dir));
    expect(!bad.ok && bad.error.issues?.map((i) => i.path).sort()).toEqual(['incident.awareOn', 'incident.cases.0', 'incident.severity', 'incident.title']);
    const early = dispatch('incidents.add', { file, incident: { ...incident('Aware before it happened', '2026-01-01'), occurredOn: '2026-02-01' } }, testContext(dir));
    expect(!early.ok && early.error.message).toMatch(/awareOn: awareness cannot come before the incident happened/);
    const notSerious = dispatch('incidents.add', { file, incident: { ...incident('Reported but not serious', today), reportedOn: today } }, testContext(dir));
    expect(!notSerious.ok && notSerious.error.message).toMatch(/reportedOn: only a serious incident is reported/);
    const badSha = dispatch('incidents.update', { file, incident: 'INC-001', changes: { reportedOn: today, reportEvidence: ['AB'.repeat(32)] } }, testContext(dir));
    expect(!badSha.ok && badSha.error.message).toMatch(/reportEvidence\.0: a SHA-256 is 64 lowercase hexadecimal digits/);
    const sentEarly = dispatch('incidents.update', { file, incident: 'INC-001', changes: { reportedOn: addDays(today, -1) } }, testContext(dir));
    expect(!sentEarly.ok && sentEarly.error.message).toMatch(/reportedOn: the report cannot be sent before the organisation became aware/);
    const missing = dispatch('incidents.update', { file, incident: 'INC-404', changes: { severity: 'low' } }, testContext(dir));
    expect(!missing.ok && missing.error.message).toMatch(/has no incident "INC-404"/);
    expect(fileHash(file)).toBe(before);
  });

  const edits: [string, string, RegExp][] = [
    ['an incident', "UPDATE incident SET record = json_set(record, '$.awareOn', '2026-01-01')", /incident row INC-001, field record/],
    ['a monitoring plan', "UPDATE monitoring_plan SET review_date = '2099-01-01'", /monitoring_plan row SYS-001, field review_date/],
  ];
  for (const [what, sql, message] of edits)
    it(`verify names ${what} edited outside Assay`, () => {
      const dir = tempDir();
      const file = withSystems(dir);
      call(dir, 'incidents.add', { file, incident: incident('Known incident', today, ['death']) });
      call(dir, 'incidents.setPlan', { file, system: 'SYS-001', plan: { title: 'PMM plan', reference: 'DOC-1', reviewDate: today } });
      const db = new Database(file);
      db.exec(sql);
      db.close();
      expect(verifyFile(file).message).toMatch(message);
    });

  it('assay incidents add and assay incidents work as the issue names them', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const aware = addDays(today, -12);
    const added = runAssay(dir, ['incidents', 'add', file, '--system', 'Credit scoring', '--title', 'Applicant harmed by wrong refusal', '--aware', aware, '--severity', 'critical', '--serious', 'death']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toBe(`recorded INC-001 Applicant harmed by wrong refusal; serious: report by ${addDays(aware, 10)} (Art. 73(4))\n`);
    const listed = runAssay(dir, ['incidents', file]);
    expect(listed.out).toContain(`report by ${addDays(aware, 10)} (Art. 73(4), 10 days from awareness) — REPORT OVERDUE: 2 days overdue`);
    expect(listed.out).toContain('SYS-001 Credit scoring: NO PLAN (this organisation provides it)');
    const json = JSON.parse(runAssay(dir, ['incidents', file, '--json']).out) as { incidents: { id: string; report: { status: string } }[] };
    expect(json.incidents.map((i) => [i.id, i.report.status])).toEqual([['INC-001', 'overdue']]);
    const bad = runAssay(dir, ['incidents', 'add', file, '--system', 'SYS-001', '--title', 'Bad date', '--aware', 'yesterday', '--severity', 'low']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/incident\.awareOn:/);
    expect(verifyFile(file).ok).toBe(true);
    // Each run starts a Node process; on a busy machine four of them take a while.
  }, 60_000);
});
