import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

function withSystems(dir: string): string {
  const file = join(dir, 'inventory.assay');
  call(dir, 'assessment.create', { file, name: 'Inventory' });
  call(dir, 'systems.add', {
    file,
    system: {
      name: 'Support assistant',
      purpose: 'Answers customer questions in the web chat',
      owner: 'Dana Chen',
      roles: ['deployer'],
      deployment: 'customer_facing',
      modelTypes: ['llm'],
      thirdParty: [{ name: 'Hosted LLM API', kind: 'service', supplier: 'Example AI Ltd' }],
      interactsWithPeople: true,
      groups: [{ name: 'Customer service', relation: 'uses' }],
    },
  });
  call(dir, 'systems.add', {
    file,
    system: {
      name: 'Credit scoring',
      roles: ['provider'],
      modelTypes: ['classifier'],
      decidesAboutPeople: true,
      personalData: ['financial data'],
      annexIv: { intendedPurpose: 'Scores consumer credit applications' },
    },
  });
  return file;
}

describe('the AI system inventory', () => {
  it('adds systems with sequential ids, owners as people, defaults filled, and lists them', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const { systems } = call(dir, 'systems.list', { file });
    expect(systems.map((s) => [s.id, s.name])).toEqual([
      ['SYS-001', 'Support assistant'],
      ['SYS-002', 'Credit scoring'],
    ]);
    expect(systems[0]).toMatchObject({ owner: 'Dana Chen', deployment: 'customer_facing', lifecycle: 'production', updatedBy: 'tester' });
    expect(systems[0]!.ownerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(systems[1]).toMatchObject({ owner: null, annexIv: { intendedPurpose: 'Scores consumer credit applications' } });
    // The owner's name lives in the person table only; the log holds the id and a digest.
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE payload LIKE '%Dana%'").get()).toEqual({ n: 0 });
    db.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('changes only the fields given, keeps the rest, and logs the whole new record', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const { system } = call(dir, 'systems.update', { file, system: 'Credit scoring', changes: { lifecycle: 'testing', owner: 'Ravi Patel' } });
    expect(system).toMatchObject({ id: 'SYS-002', lifecycle: 'testing', owner: 'Ravi Patel', decidesAboutPeople: true, roles: ['provider'] });
    const list = call(dir, 'audit.list', { file });
    expect(list.entries[0]).toMatchObject({ label: 'AI system changed', item: 'SYS-002 Credit scoring' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses a duplicate name, an unknown system and bad fields with plain messages, changing nothing', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const before = fileHash(file);
    const dup = dispatch('systems.add', { file, system: { name: 'Credit scoring', roles: ['deployer'] } }, testContext(dir));
    expect(!dup.ok && dup.error.message).toMatch(/an AI system named "Credit scoring" already exists \(SYS-002\)/);
    const unknown = dispatch('systems.update', { file, system: 'SYS-099', changes: { lifecycle: 'retired' } }, testContext(dir));
    expect(!unknown.ok && unknown.error.message).toMatch(/has no AI system "SYS-099"/);
    const bad = dispatch('systems.add', { file, system: { name: '', roles: [], deployment: 'everywhere' } }, testContext(dir));
    expect(!bad.ok && bad.error.issues?.map((i) => i.path).sort()).toEqual(['system.deployment', 'system.name', 'system.roles']);
    expect(fileHash(file)).toBe(before);
  });

  it('is covered by verify: a direct edit of a system record is named', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const db = new Database(file);
    db.prepare("UPDATE ai_system SET record = json_set(record, '$.deployment', 'internal') WHERE id = 'SYS-001'").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/ai_system row SYS-001, field record/);
  });

  it('assay systems add and assay systems work as the issue names them', () => {
    const dir = tempDir();
    expect(runAssay(dir, ['new', 'a.assay', '--name', 'CLI']).code).toBe(0);
    const added = runAssay(dir, ['systems', 'add', 'a.assay', '--name', 'Coding assistant', '--role', 'deployer', '--model-type', 'llm', '--owner', 'Sam Lee']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toBe('added SYS-001 Coding assistant (deployer; owner Sam Lee)\n');
    const listed = runAssay(dir, ['systems', 'a.assay']);
    expect(listed.out).toMatch(/SYS-001\s+Coding assistant\s+deployer\s+production\s+internal\s+Sam Lee/);
    const json = JSON.parse(runAssay(dir, ['systems', 'a.assay', '--json']).out) as { name: string }[];
    expect(json.map((s) => s.name)).toEqual(['Coding assistant']);
    const missingRole = runAssay(dir, ['systems', 'add', 'a.assay', '--name', 'No role']);
    expect(missingRole.code).toBe(1);
    expect(missingRole.err).toMatch(/system\.roles: at least one EU AI Act role is required/);
  });
});

describe('EU AI Act classification of a system', () => {
  it('stores the answers and the result, lists the class, selects the obligations, and is covered by verify', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const r = runAssay(dir, ['classify', file, 'Credit scoring', '--answers', resolve('examples/classification-credit-scoring.json'), '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { labels: string[]; obligations: { item: string }[]; result: { complete: boolean } };
    expect(out.labels).toEqual(['High-risk: Annex III point 5(b)']);
    expect(out.result.complete).toBe(true);
    expect(out.obligations.map((o) => o.item)).toEqual(expect.arrayContaining(['Art. 9(1)', 'Art. 43(2)']));
    expect(runAssay(dir, ['systems', file]).out).toMatch(/SYS-002\s+Credit scoring.*High-risk: Annex III point 5\(b\)/);
    expect(call(dir, 'audit.list', { file }).entries[0]).toMatchObject({ label: 'AI system classified', item: 'SYS-002', change: 'high-risk Annex III point 5(b)' });
    expect(verifyFile(file).ok).toBe(true);
    const db = new Database(file);
    db.prepare("UPDATE system_classification SET result = json_set(result, '$.highRisk', json('[]'))").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/system_classification row SYS-002, field result/);
  });

  it('refuses answers that are not the questionnaire, naming the question in plain words, and changes nothing', () => {
    const dir = tempDir();
    const file = withSystems(dir);
    const before = fileHash(file);
    const bad = dispatch('systems.classify', { file, system: 'SYS-002', answers: { art5_1_c: 'no', annex3_areas: ['9'] } }, testContext(dir));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/art5_1_c \(Art\. 5\(1\)\(c\), social scoring\): answer true \(yes\) or false \(no\), not "no"/);
    const notJson = join(dir, 'answers.json');
    writeFileSync(notJson, '{ not json');
    const r = runAssay(dir, ['classify', file, 'SYS-002', '--answers', notJson]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${notJson}: is not valid JSON`);
    expect(fileHash(file)).toBe(before);
  });
});
