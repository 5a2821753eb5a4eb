import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { openForReading } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { olderAssessment } from '../support/older-assessment';
import { fileHash, runAssay, tempDir } from './helpers';

const bundled = loadBundledCatalog();

describe('assay catalog-update', () => {
  it('--dry-run shows what changes for this assessment and changes nothing', () => {
    const dir = tempDir();
    const file = olderAssessment(dir);
    const before = fileHash(file);
    const r = runAssay(dir, ['catalog-update', file, '--dry-run', '--json']);
    expect(r.code, r.err).toBe(0);
    const plan = JSON.parse(r.out);
    expect(plan).toMatchObject({ fromVersion: '2026.11.1', toVersion: bundled.manifest.version, upToDate: false, applied: false });
    expect(plan.controls.added).toEqual([{ id: 'MOD-18', name: expect.any(String) }]);
    expect(plan.controls.retired.map((c: { id: string; mergedInto: string }) => [c.id, c.mergedInto])).toEqual([
      ['GOV-15', 'GOV-05'],
      ['OPS-05', 'OPS-02'],
    ]);
    expect(plan.states).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ control: 'GOV-05', before: 'implemented', after: 'in_progress', conflicts: [{ control: 'GOV-05', state: 'implemented' }, { control: 'GOV-15', state: 'in_progress' }] }),
        expect.objectContaining({ control: 'OPS-02', before: null, after: 'not_started' }),
        expect.objectContaining({ control: 'GOV-15', after: null }),
        expect.objectContaining({ control: 'OPS-05', after: null }),
      ]),
    );
    expect(fileHash(file)).toBe(before);
    const text = runAssay(dir, ['catalog-update', file, '--dry-run']);
    expect(text.out).toMatch(/would update the catalog 2026\.11\.1 → /);
    expect(text.out).toMatch(/conflict at GOV-05: GOV-05 Implemented, GOV-15 In progress; the strictest was kept/);
  });

  it('applies the update: backup first, every state carried (strictest wins), the earlier snapshot kept, logged, and replay still holds', () => {
    const dir = tempDir();
    const file = olderAssessment(dir);
    const r = runAssay(dir, ['catalog-update', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^updated the catalog 2026\.11\.1 → .* \(the previous file was kept as .*client backups\/client\.\d{8}-\d{6}-\d{3}\.catalog-2026\.11\.1\.assay\)/);
    expect(existsSync(/kept as (.*)\)/.exec(r.out)![1]!)).toBe(true);

    const a = openForReading(file);
    expect(a.summary().catalogVersion).toBe(bundled.manifest.version);
    const states = new Map(a.listControls().map((c) => [c.id, c.state]));
    a.close();
    expect(states.size).toBe(bundled.controls.length);
    expect(states.has('GOV-15')).toBe(false);
    expect(states.get('GOV-05')).toBe('in_progress');
    expect(states.get('OPS-02')).toBe('not_started');
    expect(states.get('GOV-01')).toBe('implemented');
    expect(states.get('MOD-18')).toBe('not_started');

    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    const log = runAssay(dir, ['audit', file]);
    expect(log.out).toMatch(/Catalog updated\s+catalog\s+2026\.11\.1 → \S+; 4 control states carried over/);

    // A second update finds nothing to do.
    expect(runAssay(dir, ['catalog-update', file]).out).toMatch(/already uses catalog/);

    // The earlier snapshot is part of what replay vouches for.
    const db = new Database(file);
    db.prepare("UPDATE catalog_snapshot_previous SET content = replace(content, 'Old GOV-15', 'Other')").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/catalog_snapshot_previous row [0-9a-f]{64}, field content_sha256/);
  });
});
