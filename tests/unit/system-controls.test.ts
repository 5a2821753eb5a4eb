import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function fails(dir: string, name: CommandName, input: unknown): string {
  const result = dispatch(name, input, testContext(dir));
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error.message;
}

/** An assessment with two systems and an organisation-wide entry for GOV-01. */
function assessment(dir: string): string {
  const file = join(dir, 'systems.assay');
  call(dir, 'assessment.create', { file, name: 'Per system' });
  call(dir, 'systems.add', { file, system: { name: 'Support assistant', roles: ['deployer'] } });
  call(dir, 'systems.add', { file, system: { name: 'Credit scoring', roles: ['provider'] } });
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'in_progress', details: { owner: 'Dana Chen', dueDate: '2026-12-31', maturity: 2 } });
  return file;
}

const byId = (rows: { id: string }[], id: string) => rows.find((r) => r.id === id)!;

function auditCommands(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT command FROM audit_log ORDER BY seq').all() as { command: string }[];
  db.close();
  return rows.map((r) => r.command);
}

describe("a system's own control entries", () => {
  it("override the organisation's for that system only, start from the organisation's details, and say where they come from", () => {
    const dir = tempDir();
    const file = assessment(dir);
    const set = call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented', system: 'Credit scoring', details: { maturity: 4 } });
    expect(set.control).toMatchObject({ id: 'GOV-01', state: 'implemented', source: 'system', owner: 'Dana Chen', dueDate: '2026-12-31', maturity: 4 });

    const forSystem = call(dir, 'controls.list', { file, system: 'SYS-002' });
    expect(forSystem.system).toEqual({ id: 'SYS-002', name: 'Credit scoring' });
    expect(byId(forSystem.controls, 'GOV-01')).toMatchObject({ state: 'implemented', source: 'system' });
    expect(byId(forSystem.controls, 'GOV-02')).toMatchObject({ state: 'not_started', source: 'organisation' });

    const org = call(dir, 'controls.list', { file });
    expect(org.system).toBeNull();
    expect(byId(org.controls, 'GOV-01')).toMatchObject({ state: 'in_progress', source: 'organisation', maturity: 2 });
    expect(byId(call(dir, 'controls.list', { file, system: 'SYS-001' }).controls, 'GOV-01')).toMatchObject({ state: 'in_progress', source: 'organisation' });
    // The organisation's counts stay the organisation's.
    expect(set.counts.in_progress).toBe(1);
    expect(verifyFile(file).ok).toBe(true);
  });

  it("removing a system's entry falls back to the organisation's, is logged, and refuses when there is none", () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'not_applicable', justification: 'The system makes no decisions at all', system: 'SYS-001' });
    const removed = call(dir, 'controls.removeSystemEntry', { file, controlId: 'GOV-01', system: 'SYS-001' });
    expect(removed.control).toMatchObject({ state: 'in_progress', source: 'organisation' });
    expect(auditCommands(file).slice(-2)).toEqual(['controls.setSystemState', 'controls.removeSystemEntry']);
    const before = fileHash(file);
    expect(fails(dir, 'controls.removeSystemEntry', { file, controlId: 'GOV-01', system: 'SYS-001' })).toMatch(/control GOV-01 for SYS-001: the system has no entry of its own/);
    expect(fileHash(file)).toBe(before);
    const audit = call(dir, 'audit.list', { file });
    expect(audit.entries[0]).toMatchObject({ label: "System's own control entry removed", change: "Not applicable → follows the organisation's entry" });
    expect(audit.entries[0]!.item).toMatch(/^GOV-01 .+ for SYS-001$/);
    expect(audit.entries[1]!.change).toMatch(/^as the organisation → Not applicable \(justification: The system makes no decisions at all\)$/);
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses an unknown system or control, and a not-applicable claim without its reason, changing nothing', () => {
    const dir = tempDir();
    const file = assessment(dir);
    const before = fileHash(file);
    expect(fails(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented', system: 'SYS-099' })).toMatch(/has no AI system "SYS-099"/);
    expect(fails(dir, 'controls.setState', { file, controlId: 'ZZZ-01', state: 'implemented', system: 'SYS-001' })).toMatch(/control ZZZ-01 is not in the catalog of /);
    expect(fails(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'not_applicable', system: 'SYS-001' })).toMatch(/justification/);
    expect(fileHash(file)).toBe(before);
  });

  it('verify names a system entry edited behind the log, and one added behind it', () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented', system: 'SYS-001' });
    expect(verifyFile(file).ok).toBe(true);
    let db = new Database(file);
    db.prepare("UPDATE system_control_state SET maturity = 5 WHERE system_id = 'SYS-001' AND control_id = 'GOV-02'").run();
    db.close();
    const edited = verifyFile(file);
    expect(edited.ok).toBe(false);
    expect(edited.message).toMatch(/system_control_state row SYS-001\|GOV-02, field maturity: the log says empty, the file holds 5/);

    db = new Database(file);
    db.prepare("UPDATE system_control_state SET maturity = NULL").run();
    db.prepare("INSERT INTO system_control_state (system_id, control_id, state, updated_at, updated_by) VALUES ('SYS-002', 'GOV-03', 'implemented', 'x', 'y')").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/system_control_state row SYS-002\|GOV-03: the file has this row, the log never wrote it/);
  });
});

describe('controls.setMany', () => {
  it('changes many controls in one go, one audit entry per control changed, skipping those already so', () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented', details: { owner: 'Sam Lee' } });
    const before = auditCommands(file).length;
    const result = call(dir, 'controls.setMany', { file, controlIds: ['GOV-01', 'GOV-02', 'GOV-03'], state: 'implemented', details: { owner: 'Sam Lee' } });
    expect(result.changed).toEqual(['GOV-01', 'GOV-03']);
    expect(result.unchanged).toEqual(['GOV-02']);
    expect(result.counts.implemented).toBe(3);
    expect(auditCommands(file).length).toBe(before + 2);
    const rows = call(dir, 'controls.list', { file }).controls;
    // What the change leaves out stays: GOV-01 keeps its due date and maturity.
    expect(byId(rows, 'GOV-01')).toMatchObject({ state: 'implemented', owner: 'Sam Lee', dueDate: '2026-12-31', maturity: 2 });
    expect(verifyFile(file).ok).toBe(true);
  });

  it("changes only details when no state is given, and a system's entries when a system is named", () => {
    const dir = tempDir();
    const file = assessment(dir);
    const result = call(dir, 'controls.setMany', { file, controlIds: ['GOV-01', 'GOV-02'], system: 'Support assistant', details: { dueDate: '2027-01-31', maturity: 1 } });
    expect(result.changed).toEqual(['GOV-01', 'GOV-02']);
    const rows = call(dir, 'controls.list', { file, system: 'SYS-001' }).controls;
    expect(byId(rows, 'GOV-01')).toMatchObject({ state: 'in_progress', source: 'system', owner: 'Dana Chen', dueDate: '2027-01-31', maturity: 1 });
    expect(byId(rows, 'GOV-02')).toMatchObject({ state: 'not_started', source: 'system', dueDate: '2027-01-31' });
    expect(byId(call(dir, 'controls.list', { file }).controls, 'GOV-01')).toMatchObject({ dueDate: '2026-12-31', maturity: 2 });
    expect(auditCommands(file).slice(-2)).toEqual(['controls.setSystemState', 'controls.setSystemState']);
    expect(verifyFile(file).ok).toBe(true);
  });

  it('is all or nothing: one control that cannot take the change stops them all, and the error names it', () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-03', state: 'in_progress', details: { lastReview: '2026-06-01' } });
    const before = fileHash(file);
    const message = fails(dir, 'controls.setMany', { file, controlIds: ['GOV-01', 'GOV-02', 'GOV-03', 'GOV-04'], details: { nextReview: '2026-05-01' } });
    expect(message).toMatch(/control GOV-03: the next review \(2026-05-01\) cannot be before the last review \(2026-06-01\)/);
    expect(fileHash(file)).toBe(before);
    expect(fails(dir, 'controls.setMany', { file, controlIds: ['GOV-01', 'NOPE-01'], state: 'implemented' })).toMatch(/control NOPE-01 is not in the catalog of /);
    expect(fails(dir, 'controls.setMany', { file, controlIds: ['GOV-01', 'GOV-01'], state: 'implemented' })).toMatch(/control GOV-01 is listed twice/);
    expect(fails(dir, 'controls.setMany', { file, controlIds: ['GOV-01'] })).toMatch(/say what to change/);
    expect(fails(dir, 'controls.setMany', { file, controlIds: ['GOV-01'], state: 'not_applicable', justification: 'short' })).toMatch(/justification/);
    expect(fails(dir, 'controls.setMany', { file, controlIds: [], state: 'implemented' })).toMatch(/choose at least one control/);
    expect(fileHash(file)).toBe(before);
  });

  it('keeps a not-applicable justification when only details change', () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'not_applicable', justification: 'No model is trained in house' });
    call(dir, 'controls.setMany', { file, controlIds: ['GOV-02'], details: { owner: 'Ana Ruiz' } });
    expect(byId(call(dir, 'controls.list', { file }).controls, 'GOV-02')).toMatchObject({ state: 'not_applicable', justification: 'No model is trained in house', owner: 'Ana Ruiz' });
  });
});

describe('the command line', () => {
  it('set-state --system, controls --system and controls unset', () => {
    const dir = tempDir();
    const file = assessment(dir);
    const set = runAssay(dir, ['set-state', file, 'GOV-01', 'implemented', '--system', 'SYS-002', '--owner', 'Lee Park', '--due', '2027-02-01', '--maturity', '3']);
    expect(set.err).toBe('');
    expect(set.out).toMatch(/^GOV-01 .+ for SYS-002: Implemented\n {2}owner: Lee Park\n {2}due: 2027-02-01\n {2}maturity: 3 \(Defined\)/);
    const text = runAssay(dir, ['controls', file, '--system', 'SYS-002']);
    expect(text.out).toMatch(/^SYS-002 Credit scoring: 1 control tracked for this system/);
    expect(text.out).toMatch(/GOV-01 +Implemented +this system +Lee Park +2027-02-01 +3 Defined/);
    expect(text.out).toMatch(/GOV-02 +Not started +organisation/);
    const json = JSON.parse(runAssay(dir, ['controls', file, '--system', 'Credit scoring', '--json']).out) as { id: string; source: string }[];
    expect(byId(json, 'GOV-01')).toMatchObject({ source: 'system' });
    const unset = runAssay(dir, ['controls', 'unset', file, 'GOV-01', '--system', 'SYS-002']);
    expect(unset.out).toMatch(/GOV-01 .+ for SYS-002: In progress \(the organisation's entry\)/);
    const bad = runAssay(dir, ['set-state', file, 'GOV-01', 'implemented', '--system', 'Nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/has no AI system "Nope"/);
  });
});

describe('status: coverage per framework and per system, with the gaps', () => {
  it("derives each system's coverage from its own entries and scopes a classified system's EU AI Act obligations", () => {
    const dir = tempDir();
    const file = assessment(dir);
    call(dir, 'systems.classify', { file, system: 'SYS-002', answers: JSON.parse(readFileSync('examples/classification-credit-scoring.json', 'utf8')) });
    // MOD-18 is equal to Art. 14(1): implemented for the support assistant only.
    call(dir, 'controls.setState', { file, controlId: 'MOD-18', state: 'implemented', system: 'SYS-001' });
    const status = call(dir, 'assessment.status', { file });
    const eu = (rows: { framework: string; satisfied: number; assessable: number }[]) => rows.find((f) => f.framework === 'eu-ai-act')!;
    const [support, credit] = status.systemCoverage;
    expect(support).toMatchObject({ systemId: 'SYS-001', name: 'Support assistant', ownEntries: 1 });
    expect(eu(support!.frameworks).satisfied).toBeGreaterThan(eu(status.coverage).satisfied);
    expect(eu(credit!.frameworks).satisfied).toBe(eu(status.coverage).satisfied);
    // The credit-scoring system is fully classified: only the obligations it is subject to count.
    expect(eu(credit!.frameworks).assessable).toBeLessThan(eu(status.coverage).assessable);
    expect(eu(support!.frameworks).assessable).toBe(eu(status.coverage).assessable);
    const art14 = status.gaps.find((g) => g.requirement === 'eu-ai-act:Art. 14(1)')!;
    expect(art14.closers[0]).toMatchObject({ control: 'MOD-18', closes: 'alone' });
    expect(art14.title.length).toBeGreaterThan(3);
    expect(support!.closeFirst.length).toBeGreaterThan(0);

    const text = runAssay(dir, ['status', file]).out;
    expect(text).toMatch(/SYS-001 Support assistant +EU AI Act +134 /);
    expect(text).toMatch(/ {2}SYS-001: 1 own entry, \d+ gaps; close first: /);
    expect(text).toMatch(/Gaps \(organisation-wide\): \d+ requirements not or only partly satisfied/);
    expect(text).toMatch(/\n {2}EU AI Act Art\. 4 .+ \[not satisfied\]: HUM-07 \(closes it\)/);
  });
});
