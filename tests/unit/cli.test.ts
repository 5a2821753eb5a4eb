import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA } from '../../electron/store/migrations/index';
import { runAssay, tempDir } from './helpers';

const assay = (cwd: string, ...args: string[]) => runAssay(cwd, args);

describe('the assay command line', () => {
  it('prints help and exits 0', () => {
    const r = assay(tempDir(), '--help');
    expect(r.code).toBe(0);
    for (const sub of ['new', 'controls', 'set-state', 'verify']) expect(r.out).toContain(sub);
  });

  it('runs the whole vertical slice: new, controls --json, set-state, verify', () => {
    const dir = tempDir();
    const created = assay(dir, 'new', 'demo.assay', '--name', 'Demo');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain('created Demo');
    expect(existsSync(join(dir, 'demo.assay'))).toBe(true);

    const listed = assay(dir, 'controls', 'demo.assay', '--json');
    expect(listed.code).toBe(0);
    const controls = JSON.parse(listed.out) as { id: string; state: string }[];
    expect(controls.length).toBeGreaterThan(5);
    expect(controls[0]).toMatchObject({ state: 'not_started' });

    const set = assay(dir, 'set-state', 'demo.assay', 'GOV-02', 'not-applicable', '--justification', 'No AI systems are developed in-house');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('GOV-02 AI system inventory: Not applicable');

    const table = assay(dir, 'controls', 'demo.assay');
    expect(table.out).toMatch(/GOV-02\s+Not applicable/);

    const verified = assay(dir, 'verify', 'demo.assay');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/ok {3}audit chain: intact: 2 entries, head 2:[0-9a-f]{64}/);
    expect(verified.out).toMatch(/ok {3}replay: replaying the log from the first entry rebuilds every state table exactly/);
    expect(verified.out).toMatch(/^head 2:[0-9a-f]{64}$/m);

    // The command line names its actor in the audit log.
    const db = new Database(join(dir, 'demo.assay'), { readonly: true });
    // by person id; the name lives in the person table, covered by a keyed digest in the entry.
    const actor = (db.prepare('SELECT actor FROM audit_log WHERE seq = 2').get() as { actor: string }).actor;
    expect((db.prepare('SELECT display_name FROM person WHERE id = ?').get(actor) as { display_name: string }).display_name).toBe('ci-bot');
    db.close();
  });

  it('exits 1 with a message naming the field when a check fails', () => {
    const dir = tempDir();
    assay(dir, 'new', 'demo.assay', '--name', 'Demo');
    const r = assay(dir, 'set-state', 'demo.assay', 'GOV-02', 'not_applicable');
    expect(r.code).toBe(1);
    expect(r.err).toContain('justification: a justification is required');
    const bad = assay(dir, 'set-state', 'demo.assay', 'GOV-02', 'done');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/state: must be one of "not_started", "in_progress", "implemented", "not_applicable"/);
  });

  it('exits 1 naming the file when it is missing or not an assessment', () => {
    const dir = tempDir();
    const missing = assay(dir, 'controls', 'nope.assay');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(join(dir, 'nope.assay'));
    const text = assay(dir, 'verify', 'package.json');
    expect(text.code).toBe(1);
  });

  it('exits 1 and names the broken entry when the audit chain was tampered with', () => {
    const dir = tempDir();
    assay(dir, 'new', 'demo.assay', '--name', 'Demo');
    assay(dir, 'set-state', 'demo.assay', 'GOV-01', 'implemented');
    const db = new Database(join(dir, 'demo.assay'));
    db.exec("DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    db.close();
    const r = assay(dir, 'verify', 'demo.assay');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/audit chain broken at entry 2/);
  });

  it('exits 2 on usage errors', () => {
    const dir = tempDir();
    expect(assay(dir).code).toBe(2);
    expect(assay(dir, 'frobnicate').code).toBe(2);
    const missingName = assay(dir, 'new', 'x.assay');
    expect(missingName.code).toBe(2);
    expect(missingName.err).toContain("required option '--name <text>' not specified");
    expect(assay(dir, 'call', 'app.info', '{not json').code).toBe(2);
  });

  it('reaches every command of the table through call', () => {
    const dir = tempDir();
    const r = assay(dir, 'call', 'app.info');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ schemaVersion: LATEST_SCHEMA });
    expect(assay(dir, 'call', 'nope.cmd').code).toBe(2);
  });
});

describe('the catalog on the command line', () => {
  it('prints the bundled catalog version and counts per framework, threat, control and mapping', () => {
    const dir = tempDir();
    const r = assay(dir, 'catalog', '--json');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.version).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    expect(summary.frameworks.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['eu-ai-act', 'nist-ai-rmf', 'nist-ai-600-1', 'owasp-llm-2025', 'owasp-llm-2026', 'owasp-ml-2023', 'mitre-atlas', 'iso-42001-annex-a', 'owasp-ai-exchange']),
    );
    expect(summary.threats).toBeGreaterThanOrEqual(30);
    expect(summary.controls).toBeGreaterThanOrEqual(50);
    expect(summary.controlRequirementMappings).toBeGreaterThan(summary.controls);
    const text = assay(dir, 'catalog');
    expect(text.out).toMatch(/eu-ai-act\s+OJ L/);
  });

  it('imports a framework into an assessment and shows it in that assessment only', () => {
    const dir = tempDir();
    assay(dir, 'new', 'a.assay', '--name', 'A');
    const r = assay(dir, 'import-framework', 'a.assay', resolve('tests/fixtures/frameworks/acme-policy.yaml'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('imported acme-ai-policy (ACME Corp AI Security Policy): 4 items, 3 assessable, from a assay file');
    expect(assay(dir, 'catalog', 'a.assay').out).toContain('acme-ai-policy (imported)');
    expect(assay(dir, 'catalog').out).not.toContain('acme-ai-policy');
    const bad = assay(dir, 'import-framework', 'a.assay', resolve('tests/fixtures/frameworks/acme-policy-bad.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/acme-policy-bad\.yaml:9 requirements #2 › title: a title is required[\s\S]*acme-policy-bad\.yaml:13 requirements #3 › parent: parent B-9 is not a requirement id in this file/);
  });
});
