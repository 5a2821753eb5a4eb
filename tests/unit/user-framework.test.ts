import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import type { Catalog } from '../../shared/catalog/schema';
import { tempDir, testContext } from './helpers';

const fixture = (name: string) => resolve('tests/fixtures/frameworks', name);

function setup() {
  const dir = tempDir();
  const ctx = testContext(dir);
  const file = join(dir, 'a.assay');
  const created = dispatch('assessment.create', { file, name: 'Imports' }, ctx);
  if (!created.ok) throw new Error(created.error.message);
  return { ctx, file };
}

function value<T>(result: ReturnType<typeof dispatch>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

function catalogOf(file: string, ctx: ReturnType<typeof testContext>): Catalog {
  return value<Catalog>(dispatch('catalog.get', { file }, ctx));
}

function auditCount(file: string, ctx: ReturnType<typeof testContext>): number {
  return value<{ entries: number }>(dispatch('audit.verify', { file }, ctx)).entries;
}

describe('importing a framework into an assessment', () => {
  it("imports Assay's simple format, with hierarchy, and records it in the audit log", () => {
    const { ctx, file } = setup();
    const result = value<{ framework: { id: string; items: number; assessable: number }; format: string; replaced: boolean }>(
      dispatch('catalog.importFramework', { file, source: fixture('acme-policy.yaml') }, ctx),
    );
    expect(result).toEqual({
      framework: { id: 'acme-ai-policy', name: 'ACME Corp AI Security Policy', shortName: 'ACME AI policy', items: 4, assessable: 3 },
      format: 'assay',
      replaced: false,
    });
    const imported = catalogOf(file, ctx).frameworks.find((f) => f.id === 'acme-ai-policy')!;
    expect(imported.origin).toBe('user');
    expect(imported.items.find((i) => i.id === 'AP-1.1')).toMatchObject({ parent: 'AP-1', title: 'Only approved AI tools are used for company data' });
    expect(auditCount(file, ctx)).toBe(2);
    const entries = value<{ entries: { command: string; entityId: string }[] }>(dispatch('audit.list', { file }, ctx)).entries;
    expect(entries[0]).toMatchObject({ command: 'catalog.importFramework', entityId: 'acme-ai-policy' });
  });

  it('imports the same format written as JSON, with numeric ids', () => {
    const { ctx, file } = setup();
    value(dispatch('catalog.importFramework', { file, source: fixture('acme-policy.json') }, ctx));
    const f = catalogOf(file, ctx).frameworks.find((x) => x.id === 'acme-json-policy')!;
    expect(f.version).toBe('3');
    expect(f.items.map((i) => [i.id, i.parent])).toEqual([['1', undefined], ['2', '1']]);
  });

  it('replaces a framework imported again under the same id instead of duplicating it', () => {
    const { ctx, file } = setup();
    value(dispatch('catalog.importFramework', { file, source: fixture('acme-policy.yaml') }, ctx));
    const again = value<{ replaced: boolean }>(dispatch('catalog.importFramework', { file, source: fixture('acme-policy.yaml') }, ctx));
    expect(again.replaced).toBe(true);
    expect(catalogOf(file, ctx).frameworks.filter((f) => f.id === 'acme-ai-policy')).toHaveLength(1);
  });

  it('imports a CISO Assistant framework library, keeping parents and assessable flags', () => {
    const { ctx, file } = setup();
    const result = value<{ framework: { id: string; items: number; assessable: number }; format: string }>(
      dispatch('catalog.importFramework', { file, source: fixture('ciso-assistant-library.yaml') }, ctx),
    );
    expect(result).toMatchObject({ format: 'ciso-assistant', framework: { id: 'acme-ai-controls', items: 5, assessable: 2 } });
    const f = catalogOf(file, ctx).frameworks.find((x) => x.id === 'acme-ai-controls')!;
    expect(f.items.map((i) => [i.id, i.parent ?? null, i.assessable])).toEqual([
      ['GOV', null, false],
      ['GOV.1', 'GOV', true],
      ['node3', 'GOV', false],
      ['SEC', null, false],
      ['SEC.1', 'SEC', true],
    ]);
    expect(f).toMatchObject({ publisher: 'ACME Corp', version: '2', published: '2026-03-01' });
  });

  it('refuses a bad file with the line and field of each problem, and adds nothing', () => {
    const { ctx, file } = setup();
    const result = dispatch('catalog.importFramework', { file, source: fixture('acme-policy-bad.yaml') }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain(`${fixture('acme-policy-bad.yaml')}:9 requirements #2 › title: a title is required`);
    expect(result.error.message).toContain(`${fixture('acme-policy-bad.yaml')}:9 requirements #2: unknown field "titel" (check the spelling)`);
    expect(catalogOf(file, ctx).frameworks.some((f) => f.origin === 'user')).toBe(false);
    expect(auditCount(file, ctx)).toBe(1);
  });

  it('names the line of a parent that does not exist', () => {
    const { ctx, file } = setup();
    const yaml = dispatch('catalog.importFramework', { file, source: fixture('ciso-assistant-bad-parent.yaml') }, ctx);
    expect(!yaml.ok && yaml.error.message).toContain(
      `${fixture('ciso-assistant-bad-parent.yaml')}:43 objects.framework.requirement_nodes #5 › parent_urn: parent urn:example:risk:req_node:acme-ai-controls:missing is not a node of this framework`,
    );
  });

  it('refuses an id that the bundled catalog already uses', () => {
    const { ctx, file } = setup();
    const dir = tempDir();
    const source = join(dir, 'clash.yaml');
    writeFileSync(source, 'framework: {id: eu-ai-act, name: Not the AI Act, publisher: Me, version: "1"}\nrequirements: [{id: X, title: Y}]\n');
    const result = dispatch('catalog.importFramework', { file, source }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reports a missing source file and a YAML syntax error by name', () => {
    const { ctx, file } = setup();
    const missing = dispatch('catalog.importFramework', { file, source: '/nonexistent/framework.yaml' }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: '/nonexistent/framework.yaml: no such file' } });
    const dir = tempDir();
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'framework:\n  id: [oops\n');
    const syntax = dispatch('catalog.importFramework', { file, source: broken }, ctx);
    expect(!syntax.ok && syntax.error.message).toMatch(new RegExp(`^${broken}:\\d+:\\d+: `));
  });

  it('removes an imported framework, but never a bundled one', () => {
    const { ctx, file } = setup();
    value(dispatch('catalog.importFramework', { file, source: fixture('acme-policy.yaml') }, ctx));
    value(dispatch('catalog.removeFramework', { file, frameworkId: 'acme-ai-policy' }, ctx));
    expect(catalogOf(file, ctx).frameworks.some((f) => f.id === 'acme-ai-policy')).toBe(false);
    expect(dispatch('catalog.removeFramework', { file, frameworkId: 'eu-ai-act' }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('summarises catalog counts for the command line, including imported frameworks', () => {
    const { ctx, file } = setup();
    value(dispatch('catalog.importFramework', { file, source: fixture('acme-policy.yaml') }, ctx));
    const summary = value<{ version: string; frameworks: { id: string; origin: string; reached: number }[]; threats: number }>(
      dispatch('catalog.summary', { file }, ctx),
    );
    expect(summary.frameworks.find((f) => f.id === 'acme-ai-policy')).toMatchObject({ origin: 'user', reached: 0 });
    expect(summary.threats).toBeGreaterThanOrEqual(30);
  });
});
