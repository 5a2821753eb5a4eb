import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { frameworksDir } from '../../electron/paths';
import { tempDir } from './helpers';

describe('the bundled catalog', () => {
  it('validates against the shared schema', () => {
    const catalog = loadBundledCatalog();
    expect(catalog.manifest.version).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    expect(catalog.controls.length).toBeGreaterThan(0);
    for (const c of catalog.controls) expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('reports a YAML syntax error with file, line and column', () => {
    const dir = tempDir();
    cpSync(frameworksDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'controls.yaml'), '- id: GOV-01\n  name: [unclosed\n');
    expect(() => loadBundledCatalog(dir)).toThrow(new RegExp(`${join(dir, 'controls.yaml')}:\\d+:\\d+: `));
  });

  it('reports a schema error naming the item and field', () => {
    const dir = tempDir();
    cpSync(frameworksDir(), dir, { recursive: true });
    writeFileSync(
      join(dir, 'controls.yaml'),
      '- id: gov-1\n  name: Something\n  objective: An objective long enough\n  type: magical\n  guidance: Guidance that is long enough to pass.\n  evidence: [Some evidence]\n',
    );
    let message = '';
    try {
      loadBundledCatalog(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('controls.0.id: control ids look like GOV-01');
    expect(message).toContain('controls.0.type');
  });
});
