import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import { buildIndex, traceRequirement } from '../../shared/catalog/trace';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { olderAssessment } from '../support/older-assessment';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

const ORG01 = {
  id: 'ORG-01',
  name: 'Prompt logging for assistants',
  objective: 'Prompts and answers of customer-facing assistants are logged and reviewed weekly.',
  type: 'technical',
  guidance: 'Log to the SIEM; a named reviewer samples fifty conversations each week.',
  evidence: ['SIEM retention setting', 'weekly review notes'],
};

function withOwnControl(dir: string): string {
  const file = join(dir, 'own.assay');
  call(dir, 'assessment.create', { file, name: 'Own controls' });
  call(dir, 'ownControls.add', { file, control: ORG01 });
  return file;
}

describe("the organisation's own controls", () => {
  it('an added control joins the control list, takes a state like a catalog control, and is logged and replayed', () => {
    const dir = tempDir();
    const file = withOwnControl(dir);
    const { controls } = call(dir, 'ownControls.list', { file });
    expect(controls).toEqual([expect.objectContaining({ id: 'ORG-01', type: 'technical', evidence: ORG01.evidence, createdBy: 'tester', retired: null })]);
    const listed = call(dir, 'controls.list', { file }).controls.find((c) => c.id === 'ORG-01');
    expect(listed).toMatchObject({ name: ORG01.name, state: 'not_started' });
    expect(call(dir, 'catalog.get', { file }).controls.some((c) => c.id === 'ORG-01')).toBe(true);
    call(dir, 'controls.setState', { file, controlId: 'ORG-01', state: 'implemented', details: { owner: 'Dana Chen' } });
    expect(call(dir, 'controls.list', { file }).controls.find((c) => c.id === 'ORG-01')).toMatchObject({ state: 'implemented', owner: 'Dana Chen' });
    const log = call(dir, 'audit.list', { file });
    expect(log.entries.at(-2)).toMatchObject({ label: 'Own control added', item: 'ORG-01 Prompt logging for assistants' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('maps own and catalog controls to requirements of bundled and imported frameworks and to threats: coverage and trace see them', () => {
    const dir = tempDir();
    const file = withOwnControl(dir);
    call(dir, 'catalog.importFramework', { file, source: resolve('examples/my-policy.yaml') });
    const acme = () => call(dir, 'assessment.status', { file }).coverage.find((f) => f.framework === 'acme-ai-policy')!;
    expect(acme().satisfied).toBe(0);
    call(dir, 'ownControls.map', { file, mapping: { control: 'ORG-01', requirement: 'acme-ai-policy:AP-2.1', relationship: 'equal', rationale: 'The control is the policy statement put into practice' } });
    call(dir, 'ownControls.map', { file, mapping: { control: 'GOV-01', requirement: 'acme-ai-policy:AP-1.2', relationship: 'subset', rationale: 'The governance policy names owners among other things' } });
    const threat = call(dir, 'ownControls.map', { file, mapping: { control: 'ORG-01', threat: 'THR-08', rationale: 'Reviews catch injection attempts that got through' } }).mapping;
    expect(threat).toMatchObject({ kind: 'threat', target: 'THR-08', relationship: null, mappedBy: 'tester' });
    call(dir, 'controls.setState', { file, controlId: 'ORG-01', state: 'implemented' });
    call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented' });
    expect(acme()).toMatchObject({ satisfied: 1, partly: 1 });
    const catalog = call(dir, 'catalog.get', { file });
    expect(catalog.threat_controls).toContainEqual({ threat: 'THR-08', control: 'ORG-01', rationale: 'Reviews catch injection attempts that got through' });
    const trace = traceRequirement(buildIndex(catalog), 'acme-ai-policy:AP-2.1');
    expect(trace?.controls.map((c) => [c.control.id, c.mapping.relationship])).toEqual([['ORG-01', 'equal']]);
    expect(call(dir, 'audit.list', { file }).entries.find((e) => e.label === 'Control mapped')?.change).toMatch(/→ THR-08: Reviews catch/);
    expect(verifyFile(file).ok).toBe(true);
    call(dir, 'ownControls.unmap', { file, control: 'GOV-01', mappedTo: 'acme-ai-policy:AP-1.2' });
    expect(acme()).toMatchObject({ satisfied: 1, partly: 0 });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('retiring a control takes it (and its state) off the list, keeps it on record with the reason, and replay agrees', () => {
    const dir = tempDir();
    const file = withOwnControl(dir);
    call(dir, 'ownControls.map', { file, mapping: { control: 'ORG-01', threat: 'THR-08', rationale: 'Reviews catch injection attempts' } });
    call(dir, 'controls.setState', { file, controlId: 'ORG-01', state: 'in_progress' });
    // A system's own entry for the control goes with it too.
    call(dir, 'systems.add', { file, system: { name: 'Support bot', roles: ['deployer'] } });
    call(dir, 'controls.setState', { file, controlId: 'ORG-01', state: 'implemented', system: 'Support bot' });
    const { control } = call(dir, 'ownControls.retire', { file, control: 'ORG-01', reason: 'Replaced by the vendor’s built-in review' });
    expect(control.retired).toMatchObject({ by: 'tester', reason: 'Replaced by the vendor’s built-in review' });
    expect(call(dir, 'controls.list', { file }).controls.some((c) => c.id === 'ORG-01')).toBe(false);
    expect(call(dir, 'controls.list', { file, system: 'Support bot' }).controls.some((c) => c.id === 'ORG-01')).toBe(false);
    expect(call(dir, 'catalog.get', { file }).threat_controls.some((t) => t.control === 'ORG-01')).toBe(false);
    expect(verifyFile(file).ok).toBe(true);
    const again = dispatch('ownControls.retire', { file, control: 'ORG-01', reason: 'Retire it twice' }, testContext(dir));
    expect(!again.ok && again.error.message).toMatch(/already retired/);
    const map = dispatch('ownControls.map', { file, mapping: { control: 'ORG-01', threat: 'THR-09', rationale: 'Too late for this one' } }, testContext(dir));
    expect(!map.ok && map.error.message).toMatch(/no active control ORG-01/);
    const reuse = dispatch('ownControls.add', { file, control: ORG01 }, testContext(dir));
    expect(!reuse.ok && reuse.error.message).toMatch(/ORG-01 is used by an own control already/);
  });

  it('refuses bad input naming the field, changing nothing', () => {
    const dir = tempDir();
    const file = withOwnControl(dir);
    const before = fileHash(file);
    const refuse = (name: CommandName, input: object) => {
      const r = dispatch(name, { file, ...input }, testContext(dir));
      if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
      return r.error;
    };
    const bad = refuse('ownControls.add', { control: { id: 'org1', name: 'X', objective: 'short', type: 'magic' } });
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['control.id', 'control.name', 'control.objective', 'control.type']);
    expect(bad.message).toMatch(/control ids look like GOV-01/);
    expect(refuse('ownControls.add', { control: { ...ORG01, id: 'GOV-01' } }).message).toMatch(/GOV-01 is used by a catalog control/);
    expect(refuse('ownControls.map', { mapping: { control: 'ORG-01', requirement: 'eu-ai-act:Art. 9', rationale: 'Risk management in practice' } }).issues?.[0]?.path).toBe('mapping.relationship');
    expect(refuse('ownControls.map', { mapping: { control: 'ORG-01', requirement: 'nope:X', relationship: 'equal', rationale: 'A rationale long enough' } }).message).toMatch(/has no framework nope/);
    expect(refuse('ownControls.map', { mapping: { control: 'ORG-01', requirement: 'eu-ai-act:No such', relationship: 'equal', rationale: 'A rationale long enough' } }).message).toMatch(/has no item No such/);
    expect(refuse('ownControls.map', { mapping: { control: 'ORG-01', threat: 'THR-08', requirement: 'eu-ai-act:Art. 9', rationale: 'A rationale long enough' } }).issues?.[0]?.path).toBe('mapping.requirement');
    expect(refuse('ownControls.map', { mapping: { control: 'ORG-01', threat: 'THR-08', rationale: 'short' } }).issues?.[0]).toMatchObject({ path: 'mapping.rationale', message: expect.stringMatching(/at least 10/) });
    expect(refuse('ownControls.map', { mapping: { control: 'ZZZ-99', threat: 'THR-08', rationale: 'A rationale long enough' } }).message).toMatch(/no active control ZZZ-99/);
    expect(refuse('ownControls.retire', { control: 'GOV-01', reason: 'Not ours to retire' }).message).toMatch(/has no own control GOV-01/);
    expect(refuse('ownControls.unmap', { control: 'ORG-01', mappedTo: 'THR-01' }).message).toMatch(/no user mapping from ORG-01 to THR-01/);
    expect(fileHash(file)).toBe(before);
  });

  it('is covered by verify: an own control, its catalog row or a mapping edited in the file is named', () => {
    const dir = tempDir();
    const file = withOwnControl(dir);
    call(dir, 'ownControls.map', { file, mapping: { control: 'ORG-01', threat: 'THR-08', rationale: 'Reviews catch injection attempts' } });
    const tamper = (sql: string, expected: RegExp) => {
      const copy = join(dir, `t${Math.random().toString(36).slice(2)}.assay`);
      const db = new Database(file, { readonly: true });
      db.prepare('VACUUM INTO ?').run(copy);
      db.close();
      const edit = new Database(copy);
      edit.prepare(sql).run();
      edit.close();
      expect(verifyFile(copy).message).toMatch(expected);
    };
    tamper("UPDATE own_control SET name = 'Something else'", /own_control row ORG-01, field name/);
    tamper("UPDATE catalog_control SET objective = 'Quietly weakened objective' WHERE id = 'ORG-01'", /catalog_control row ORG-01, field objective/);
    tamper("UPDATE control_mapping SET rationale = 'rewritten'", /control_mapping row ORG-01\|THR-08, field rationale/);
  });

  it('a catalog update keeps own controls, their states and mappings', () => {
    const dir = tempDir();
    const file = olderAssessment(dir);
    call(dir, 'ownControls.add', { file, control: ORG01 });
    call(dir, 'controls.setState', { file, controlId: 'ORG-01', state: 'implemented', details: { owner: 'Dana Chen' } });
    call(dir, 'ownControls.map', { file, mapping: { control: 'ORG-01', threat: 'THR-08', rationale: 'Reviews catch injection attempts' } });
    const plan = call(dir, 'catalog.update', { file, dryRun: true });
    expect(JSON.stringify(plan)).not.toContain('ORG-01');
    call(dir, 'catalog.update', { file });
    const after = call(dir, 'controls.list', { file }).controls;
    expect(after.find((c) => c.id === 'ORG-01')).toMatchObject({ state: 'implemented', owner: 'Dana Chen' });
    expect(after.some((c) => c.id === 'GOV-15')).toBe(false);
    expect(call(dir, 'catalog.get', { file }).threat_controls).toContainEqual(expect.objectContaining({ control: 'ORG-01', threat: 'THR-08' }));
    expect(verifyFile(file).ok).toBe(true);
  });

  it('assay controls add, map, own and retire work as the issue names them', () => {
    const dir = tempDir();
    expect(runAssay(dir, ['new', 'a.assay', '--name', 'CLI']).code).toBe(0);
    const add = runAssay(dir, ['controls', 'add', 'a.assay', '--id', 'ORG-01', '--name', ORG01.name, '--objective', ORG01.objective, '--type', 'technical', '--evidence', 'SIEM retention setting', '--evidence', 'weekly review notes']);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toMatch(/^added ORG-01 Prompt logging for assistants \(technical\)/);
    const map = runAssay(dir, ['controls', 'map', 'a.assay', 'ORG-01', '--requirement', 'eu-ai-act:Art. 12(1)', '--relationship', 'intersects', '--rationale', 'Logs of the assistant are part of record-keeping']);
    expect(map.code, map.err).toBe(0);
    expect(map.out).toMatch(/mapped ORG-01 → eu-ai-act:Art\. 12\(1\) \(intersects\)/);
    const retire = runAssay(dir, ['controls', 'retire', 'a.assay', 'ORG-01', '--reason', 'Merged into the logging standard']);
    expect(retire.code, retire.err).toBe(0);
    const own = JSON.parse(runAssay(dir, ['controls', 'own', 'a.assay', '--json']).out) as { controls: { id: string; retired: unknown }[] };
    expect(own.controls[0]).toMatchObject({ id: 'ORG-01', retired: { reason: 'Merged into the logging standard' } });
  }, 120_000);
});
