import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { formatComponents } from '../../electron/cli/format-components';
import { dispatch } from '../../electron/dispatch';
import { readCycloneDx } from '../../electron/imports/formats/cyclonedx';
import { readSpdx } from '../../electron/imports/formats/spdx';
import type { ApplyContext, ImportRecord, PlanContext } from '../../electron/imports/importer';
import { sinks } from '../../electron/imports/registry';
import type { Assessment } from '../../electron/store/assessment';
import { listComponents, removeComponent } from '../../electron/store/components';
import { createAssessment } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { verifyFile } from '../../electron/store/verify';
import type { CommandOutput } from '../../shared/commands';
import type { EvidenceLinkInput } from '../../shared/domain/evidence/model';
import { ImportOptions } from '../../shared/imports/model';
import { fixture, readWith } from './aibom-fixtures';
import { runAssay, tempDir, testContext } from './helpers';

const catalog = loadBundledCatalog();
const sink = sinks.component!;

function withSystems(dir: string): { file: string; a: Assessment } {
  const file = join(dir, 'bom.assay');
  const a = createAssessment(file, { name: 'AI-BOM', catalog, actor: 'tester' });
  addSystem(a, { name: 'Claims assistant', roles: ['provider'] }, 'tester');
  addSystem(a, { name: 'Fraud screening', roles: ['deployer'] }, 'tester');
  return { file, a };
}

/** The engine's side of an import, as far as a sink sees it: systems by name, the ref table, evidence links. */
function engine(a: Assessment, options: Record<string, unknown> = {}) {
  const refs = new Map<string, string>();
  const links: EvidenceLinkInput[] = [];
  const systemOf = (r: ImportRecord) => (r.system ? (a.db.prepare('SELECT id FROM ai_system WHERE id = ? OR name = ?').get(r.system, r.system) as { id: string } | undefined)?.id ?? null : null);
  const common = { a, options: ImportOptions.parse(options), threatOf: () => null, ref: (_k: string, id: string) => refs.get(id) };
  const plan: PlanContext = { ...common, today: '2026-11-28', systemOf, problem: () => undefined };
  let batch = 0;
  const importRecords = (records: ImportRecord[]) => {
    const planned = sink.plan(records, plan);
    const batchId = `BAT-${++batch}`;
    const apply: ApplyContext = {
      ...common,
      at: '',
      actor: 'importer',
      today: '2026-11-28',
      batchId,
      systemOf,
      setRef: (_k, id, entity) => refs.set(id, entity),
      linkEvidence: (l) => links.push(...l),
      isCancelled: () => false,
      progress: () => undefined,
    };
    const { entries } = a.write((at) => a.collectAudit(at, () => sink.apply(planned, { ...apply, at })));
    return { planned, entries };
  };
  return { plan: (records: ImportRecord[]) => sink.plan(records, plan), importRecords, refs, links };
}

const claims = () => readWith(readCycloneDx, fixture('own/claims-assistant-1.7.cdx.json')).records;

describe('the components sink', () => {
  it('creates a system’s components from a BOM, links the BOM to SUP-01 of that system, and a re-import changes nothing', () => {
    const { a } = withSystems(tempDir());
    const e = engine(a);
    const first = e.importRecords(claims());
    expect(first.planned.map((p) => p.action)).toEqual(Array(7).fill('create'));
    expect(first.entries.map((x) => x.command)).toEqual(Array(7).fill('components.add'));
    expect(e.links).toEqual([{ kind: 'control', target: 'SUP-01', system: 'SYS-001' }]);
    const listed = listComponents(a, 'Claims assistant');
    expect(listed.map((c) => `${c.id} ${c.kind} ${c.name}`)).toEqual([
      'CMP-001 model northwind/claims-triage',
      'CMP-004 dataset claims-2025',
      'CMP-005 dataset claims-holdout',
      'CMP-006 service document-ocr',
      'CMP-007 service handwriting-recognition',
      'CMP-003 library tokenizers',
      'CMP-002 library transformers',
    ]);
    expect(listed[0]).toMatchObject({ systemId: 'SYS-001', systemName: 'Claims assistant', externalId: 'cyclonedx:model-claims-triage', source: { name: 'claims-assistant-1.7.cdx.json', format: 'cyclonedx', batchId: 'BAT-1' } });

    const again = e.importRecords(claims());
    expect(again.planned.map((p) => p.action)).toEqual(Array(7).fill('unchanged'));
    expect(again.entries).toEqual([]);
    expect(listComponents(a)).toHaveLength(7);
  });

  it('updates what changed and says what, keeping the component id', () => {
    const { a } = withSystems(tempDir());
    const e = engine(a);
    e.importRecords(claims());
    const changed = claims().map((r) => (r.externalId === 'cyclonedx:model-claims-triage' ? { ...r, data: { ...r.data, component: { ...r.data.component, version: '3.2.0', licenses: ['Apache-2.0'] } } } : r));
    const { planned, entries } = e.importRecords(changed);
    const update = planned.find((p) => p.action === 'update')!;
    expect(update).toMatchObject({ entityId: 'CMP-001', detail: 'version 3.1.0 → 3.2.0; licenses' });
    expect(planned.filter((p) => p.action === 'unchanged')).toHaveLength(6);
    expect(entries.map((x) => `${x.command} ${x.entityId}`)).toEqual(['components.update CMP-001']);
    expect(listComponents(a, 'SYS-001').find((c) => c.id === 'CMP-001')).toMatchObject({ version: '3.2.0', licenses: ['Apache-2.0'], source: { batchId: 'BAT-2' } });
  });

  it('keeps the same bom-ref in two systems apart, and skips records with no system', () => {
    const { a } = withSystems(tempDir());
    const e = engine(a);
    e.importRecords(readWith(readCycloneDx, fixture('cyclonedx/valid-machine-learning-1.5.json'), { system: 'SYS-001' }).records);
    e.importRecords(readWith(readCycloneDx, fixture('cyclonedx/valid-machine-learning-1.6.json'), { system: 'SYS-002' }).records);
    expect(listComponents(a).map((c) => `${c.systemId} ${c.name} ${c.supplier ?? '-'}`)).toEqual(['SYS-001 CompVis/stable-diffusion -', 'SYS-002 CompVis/stable-diffusion Acme Inc']);
    const orphan = e.plan(readWith(readCycloneDx, fixture('cyclonedx/bom-examples_pr50_MLBOM_Model_FoundationModels/bom.json')).records);
    expect(orphan).toEqual([expect.objectContaining({ action: 'skip', detail: expect.stringContaining('choose the system the BOM describes') })]);
  });

  it('finds a component again by its external id when the ref table does not have it, and re-creates a removed one', () => {
    const { a } = withSystems(tempDir());
    engine(a).importRecords(readWith(readSpdx, fixture('spdx/ai-example02/sbom.spdx3.json'), { system: 'Claims assistant' }).records);
    const fresh = engine(a);
    expect(fresh.plan(readWith(readSpdx, fixture('spdx/ai-example02/sbom.spdx3.json'), { system: 'Claims assistant' }).records).map((p) => p.action)).toEqual(['unchanged', 'unchanged']);
    removeComponent(a, 'CMP-001', 'wrong system', 'tester');
    expect(fresh.plan(readWith(readSpdx, fixture('spdx/ai-example02/sbom.spdx3.json'), { system: 'Claims assistant' }).records).map((p) => p.action)).toEqual(['create', 'unchanged']);
  });
});

describe('components in the log', () => {
  function imported(dir: string): string {
    const { file, a } = withSystems(dir);
    // Written as ordinary audited changes (the engine's batch entry is not merged yet), so verify replays them.
    const records = claims();
    const e = engine(a);
    const planned = e.plan(records);
    a.write((at) => sink.apply(planned, { a, at, actor: 'importer', today: '2026-11-28', batchId: 'BAT-1', options: ImportOptions.parse({}), systemOf: () => 'SYS-001', threatOf: () => null, ref: () => undefined, setRef: () => undefined, linkEvidence: () => undefined, isCancelled: () => false, progress: () => undefined }));
    removeComponent(a, 'CMP-007', 'no longer used', 'tester');
    a.close();
    return file;
  }

  it('replays to the same rows: verify passes, and the audit log names each change', () => {
    const dir = tempDir();
    const file = imported(dir);
    const result = verifyFile(file);
    expect(result.ok, result.message).toBe(true);
    const audit = dispatch('audit.list', { file }, testContext(dir));
    if (!audit.ok) throw new Error(audit.error.message);
    const { entries } = audit.value as CommandOutput<'audit.list'>;
    expect(entries.find((x) => x.item.startsWith('CMP-001'))).toMatchObject({ label: 'AI-BOM component added', item: 'CMP-001 northwind/claims-triage (SYS-001)', change: 'model; version 3.1.0; Proprietary, internal use; from claims-assistant-1.7.cdx.json' });
    expect(entries.find((x) => x.label === 'AI-BOM component removed')).toMatchObject({ item: 'CMP-007 (SYS-001)', change: 'removed: no longer used' });
  });

  it('verify names a component row changed behind the log', () => {
    const file = imported(tempDir());
    const db = new Database(file);
    db.prepare("UPDATE system_component SET record = json_set(record, '$.licenses', json('[\"MIT\"]')) WHERE id = 'CMP-001'").run();
    db.close();
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/system_component row CMP-001, field record/);
  });

  it('skips a record that does not make a component, writing nothing', () => {
    const { a } = withSystems(tempDir());
    const bad = claims().slice(0, 1);
    bad[0]!.data.component.name = '';
    expect(engine(a).plan(bad)[0]).toMatchObject({ action: 'skip' });
    expect(listComponents(a)).toEqual([]);
  });
});

describe('assay components', () => {
  it('lists each system’s components as text and JSON, and removes one', { timeout: 90_000 }, () => {
    const dir = tempDir();
    const { file, a } = withSystems(dir);
    engine(a).importRecords(claims());
    a.close();
    const text = runAssay(dir, ['components', file, 'Claims assistant']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('SYS-001 Claims assistant: 7 components');
    expect(text.out).toMatch(/CMP-001 model +northwind\/claims-triage 3\.1\.0 {2}supplier Northwind Data Science; licence Proprietary, internal use; from claims-assistant-1\.7\.cdx\.json/);
    expect(text.out).toContain('trained on claims-2025, claims-holdout');
    const removed = runAssay(dir, ['components', 'remove', file, 'CMP-006', '--reason', 'replaced', '--json']);
    expect(removed.code, removed.err).toBe(0);
    expect(JSON.parse(removed.out)).toMatchObject({ id: 'CMP-006', name: 'document-ocr' });
    const json = runAssay(dir, ['components', file, '--json']);
    expect((JSON.parse(json.out) as { id: string }[]).map((c) => c.id)).not.toContain('CMP-006');
    expect(formatComponents([], 'Fraud screening')).toContain('Fraud screening: no AI-BOM components yet');
    const missing = dispatch('components.list', { file, system: 'No such system' }, testContext(dir));
    expect(missing.ok ? '' : missing.error.message).toContain('has no AI system "No such system"');
  });
});
