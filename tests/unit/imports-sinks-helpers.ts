import { join } from 'node:path';
import { loadBundledCatalog } from '../../electron/catalog/load';
import type { ApplyContext, ImportRecord, PlanContext, Planned, RecordSink } from '../../electron/imports/importer';
import type { Assessment } from '../../electron/store/assessment';
import { createAssessment } from '../../electron/store/open';
import { addSystem, listSystems } from '../../electron/store/systems';
import type { CollectedEntry } from '../../electron/store/assessment';
import { ImportOptions, type ImportProblem, type RecordKind } from '../../shared/imports/model';

/**
 * A small stand-in for the import engine around one sink: systems resolved by name (unknown ones
 * created on apply), threats matched by catalog name, and the external-id refs kept in a map that
 * survives from one import to the next, as the engine's ref table does.
 */

export const TODAY = '2026-03-10';
export const catalog = loadBundledCatalog();

export function assessmentWithSystems(dir: string): { a: Assessment; file: string } {
  const file = join(dir, 'imports.assay');
  const a = createAssessment(file, { name: 'Imports', catalog, actor: 'tester' });
  addSystem(a, { name: 'Support assistant', roles: ['deployer'], modelTypes: ['llm'] }, 'tester');
  addSystem(a, { name: 'Credit scoring', roles: ['provider'], modelTypes: ['classifier'] }, 'tester');
  return { a, file };
}

export class FakeEngine {
  readonly refs = new Map<string, string>();
  problems: Omit<ImportProblem, 'file'>[] = [];

  constructor(readonly a: Assessment) {}

  private systems: Map<string, string> | undefined;

  private systemId(record: ImportRecord): string | 'new' | null {
    if (!record.system) return null;
    this.systems ??= new Map(listSystems(this.a).map((s) => [s.name.toLowerCase(), s.id]));
    return this.systems.get(record.system.toLowerCase()) ?? 'new';
  }

  private threat(record: ImportRecord): string | null {
    const text = record.threat?.toLowerCase();
    return text ? (this.a.catalog().threats.find((t) => t.name.toLowerCase().includes(text))?.id ?? null) : null;
  }

  private ref = (kind: RecordKind, id: string) => this.refs.get(`${kind}:${id}`);

  plan(sink: RecordSink, records: ImportRecord[]): Planned[] {
    this.problems = [];
    const ctx: PlanContext = {
      a: this.a,
      today: TODAY,
      options: ImportOptions.parse({}),
      systemOf: (r) => this.systemId(r),
      threatOf: (r) => this.threat(r),
      ref: this.ref,
      problem: (p) => this.problems.push(p),
    };
    return sink.plan(records, ctx);
  }

  /** Applies inside one write, the audit entries collected as the engine's batch does (or appended, `collect` false). */
  apply(sink: RecordSink, planned: Planned[], collect = true): CollectedEntry[] {
    const a = this.a;
    const ctx = (at: string): ApplyContext => ({
      a,
      at,
      actor: 'tester',
      today: TODAY,
      batchId: 'BATCH-1',
      options: ImportOptions.parse({}),
      systemOf: (r) => {
        const id = this.systemId(r);
        if (id !== 'new') return id;
        this.systems = undefined;
        return addSystem(a, { name: r.system!, roles: ['deployer'] }, 'tester').id;
      },
      threatOf: (r) => this.threat(r),
      ref: this.ref,
      setRef: (kind, id, entity) => this.refs.set(`${kind}:${id}`, entity),
      linkEvidence: () => undefined,
      isCancelled: () => false,
      progress: () => undefined,
    });
    if (!collect) {
      a.write((at) => sink.apply(planned, ctx(at)));
      return [];
    }
    return a.write((at) => a.collectAudit(at, () => sink.apply(planned, ctx(at)))).entries;
  }
}
