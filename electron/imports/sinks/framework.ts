import { Framework } from '../../../shared/catalog/schema';
import type { ImportedFramework } from '../../catalog/user-framework';
import type { ImportRecord, PlanContext, Planned, RecordSink } from '../importer';

/**
 * Frameworks read from another tool's file (an OSCAL catalog) become user frameworks through the
 * same Assessment.importFramework the framework import uses, so they are logged and replayed the
 * same way. A framework already imported under that id is updated; a bundled id is refused.
 */

function sameContent(a: Framework, b: Framework): boolean {
  return JSON.stringify(Framework.parse(a)) === JSON.stringify(Framework.parse(b));
}

function planOne(record: ImportRecord, ctx: PlanContext): Planned {
  const imported = record.data as ImportedFramework;
  const { framework } = imported;
  const existing = ctx.a.baseCatalog().frameworks.find((f) => f.id === framework.id);
  if (existing?.origin === 'bundled') {
    ctx.problem({
      severity: 'error',
      location: record.location,
      field: 'id',
      message: `framework id ${framework.id} is already used by the bundled catalog; an imported framework cannot replace it`,
    });
    return { record, action: 'skip', entityId: framework.id, detail: `the bundled framework ${framework.id} is not replaced` };
  }
  const count = `${framework.items.length} items, ${framework.items.filter((i) => i.assessable).length} assessable`;
  if (!existing) return { record, action: 'create', entityId: null, detail: `new framework ${framework.id} (${count})` };
  if (sameContent(existing, framework)) return { record, action: 'unchanged', entityId: framework.id, detail: `framework ${framework.id} is already as in the file` };
  const before = new Set(existing.items.map((i) => i.id));
  const after = new Set(framework.items.map((i) => i.id));
  const added = [...after].filter((id) => !before.has(id)).length;
  const removed = [...before].filter((id) => !after.has(id)).length;
  return { record, action: 'update', entityId: framework.id, detail: `framework ${framework.id} replaced (${count}; ${added} added, ${removed} removed, version ${existing.version} → ${framework.version})` };
}

export const frameworkSink: RecordSink = {
  kind: 'framework',
  plan(records, ctx) {
    return records.map((record) => planOne(record, ctx));
  },
  apply(planned, ctx) {
    planned.forEach((p, i) => {
      if (p.action === 'create' || p.action === 'update') {
        const imported = p.record.data as ImportedFramework;
        ctx.a.importFramework(imported, ctx.actor);
        ctx.setRef('framework', p.record.externalId, imported.framework.id);
      }
      ctx.progress(i + 1, planned.length);
    });
  },
};
