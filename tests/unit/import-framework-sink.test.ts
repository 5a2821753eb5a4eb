import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { useForWriting } from '../../electron/handlers/open-files';
import type { ApplyContext, ImportRecord, PlanContext } from '../../electron/imports/importer';
import { frameworkSink } from '../../electron/imports/sinks/framework';
import type { Assessment } from '../../electron/store/assessment';
import { ImportOptions, type ImportProblem } from '../../shared/imports/model';
import { tempDir, testContext } from './helpers';
import { oscalFixture, readFile, writeTemp } from './scanner-read-kit';

function assessment(): Assessment {
  const dir = tempDir();
  const file = join(dir, 'oscal.assay');
  const created = dispatch('assessment.create', { file, name: 'OSCAL import' }, testContext(dir));
  if (!created.ok) throw new Error(created.error.message);
  return useForWriting(file, 'tester').assessment;
}

function planContext(a: Assessment, problems: Omit<ImportProblem, 'file'>[]): PlanContext {
  return { a, today: '2026-06-01', options: ImportOptions.parse({}), systemOf: () => null, threatOf: () => null, ref: () => undefined, problem: (p) => void problems.push(p) };
}

/** Plans and applies the records the way the engine does: one write, audit entries collected for the batch. */
function importRecords(a: Assessment, records: ImportRecord[]) {
  const problems: Omit<ImportProblem, 'file'>[] = [];
  const planned = frameworkSink.plan(records, planContext(a, problems));
  const refs: [string, string, string][] = [];
  const { entries } = a.write((at) =>
    a.collectAudit(at, () => {
      const ctx: ApplyContext = {
        ...planContext(a, problems),
        at,
        actor: 'tester',
        batchId: 'batch-1',
        setRef: (kind, externalId, entityId) => void refs.push([kind, externalId, entityId]),
        linkEvidence: () => undefined,
        isCancelled: () => false,
        progress: () => undefined,
      };
      frameworkSink.apply(planned, ctx);
    }),
  );
  return { planned, entries, refs, problems };
}

const catalogDoc = () => JSON.parse(readFileSync(oscalFixture('acme-ai-catalog.json'), 'utf8')) as { catalog: { metadata: Record<string, unknown>; groups: { controls?: unknown[] }[] } };

describe('the framework sink', () => {
  it('imports an OSCAL catalog into a real assessment as a user framework, logged as a framework import', async () => {
    const a = assessment();
    const { records } = await readFile('oscal', oscalFixture('acme-ai-catalog.json'));
    const { planned, entries, refs, problems } = importRecords(a, records);
    expect(problems).toEqual([]);
    expect(planned.map((p) => [p.action, p.entityId, p.detail])).toEqual([['create', null, 'new framework acme-ai-security-catalog (6 items, 3 assessable)']]);
    expect(entries.map((e) => [e.command, e.entityId])).toEqual([['catalog.importFramework', 'acme-ai-security-catalog']]);
    expect(refs).toEqual([['framework', 'oscal:catalog:acme-ai-security-catalog', 'acme-ai-security-catalog']]);
    const framework = a.catalog().frameworks.find((f) => f.id === 'acme-ai-security-catalog')!;
    expect(framework).toMatchObject({ name: 'ACME AI Security Catalog', origin: 'user', version: '2.0', publisher: 'ACME Security Office' });
    expect(framework.items.find((i) => i.id === 'gov-1.1')).toMatchObject({ title: 'Policy exceptions are recorded', parent: 'gov-1', assessable: true });
  });

  it('plans the same catalog again as unchanged, and a new version as an update that replaces it', async () => {
    const a = assessment();
    importRecords(a, (await readFile('oscal', oscalFixture('acme-ai-catalog.json'))).records);
    const again = frameworkSink.plan((await readFile('oscal', oscalFixture('acme-ai-catalog.json'))).records, planContext(a, []));
    expect(again.map((p) => [p.action, p.entityId])).toEqual([['unchanged', 'acme-ai-security-catalog']]);

    const doc = catalogDoc();
    doc.catalog.metadata.version = '2.1';
    doc.catalog.groups[0]!.controls!.push({ id: 'gov-2', title: 'AI literacy training' });
    const { planned, entries } = importRecords(a, (await readFile('oscal', writeTemp('v21.json', doc))).records);
    expect(planned.map((p) => [p.action, p.detail])).toEqual([['update', 'framework acme-ai-security-catalog replaced (7 items, 4 assessable; 1 added, 0 removed, version 2.0 → 2.1)']]);
    expect(entries).toHaveLength(1);
    const framework = a.catalog().frameworks.find((f) => f.id === 'acme-ai-security-catalog')!;
    expect([framework.version, framework.items.map((i) => i.id)]).toEqual(['2.1', ['gov', 'gov-1', 'gov-1.1', 'gov-2', 'INV', 'inv-sub', 'inv-1']]);
  });

  it('refuses a catalog whose id is a bundled framework, and writes nothing', async () => {
    const a = assessment();
    const before = a.head();
    const doc = catalogDoc();
    doc.catalog.metadata.title = 'EU AI Act';
    const { planned, entries, problems } = importRecords(a, (await readFile('oscal', writeTemp('eu.json', doc))).records);
    expect(planned.map((p) => p.action)).toEqual(['skip']);
    expect(problems).toEqual([{ severity: 'error', location: '$.catalog', field: 'id', message: expect.stringContaining('framework id eu-ai-act is already used by the bundled catalog') }]);
    expect(entries).toEqual([]);
    expect(a.head()).toEqual(before);
    expect(a.catalog().frameworks.find((f) => f.id === 'eu-ai-act')!.origin).toBe('bundled');
  });
});
