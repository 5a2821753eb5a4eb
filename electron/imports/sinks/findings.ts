import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { EvidenceLinkInput } from '../../../shared/domain/evidence/model';
import { FindingData } from '../../../shared/imports/finding-data';
import { AssayError } from '../../../shared/errors';
import { type SourcedFinding, addFinding, findingRecord, updateSourcedFinding } from '../../store/findings';
import type { Assessment } from '../../store/assessment';
import type { ApplyContext, ImportRecord, PlanContext, Planned, RecordSink } from '../importer';

/**
 * Findings from red-team runs and scanners. A finding imported before (same external id) is
 * updated with what the source now says and keeps what people decided (status, owner, due date),
 * unless the source says it is fixed or suppressed; a passing test with no finding yet creates
 * nothing. The source kept as evidence is linked to the controls the findings concern (MOD-02,
 * AI red-teaming, for red-team runs) for the system each was run against.
 */

const knownControls = (a: Assessment, controls: readonly string[]) => {
  const known = new Set(a.catalog().controls.map((c) => c.id));
  return controls.filter((c) => known.has(c));
};

function sourced(a: Assessment, record: ImportRecord, data: FindingData, systemId: string | null, threatId: string | null, batchId: string | null): SourcedFinding {
  return { title: record.title, systemId, threatId, data: { ...data, controls: knownControls(a, data.controls) }, externalId: record.externalId, batchId };
}

/** Which source fields differ from the finding as stored (batch aside). */
function changedFields(before: SourcedFinding, after: SourcedFinding): string[] {
  const fields: string[] = [];
  if (before.title !== after.title) fields.push('title');
  if (before.systemId !== after.systemId) fields.push('system');
  if (before.threatId !== after.threatId) fields.push('threat');
  for (const k of Object.keys(after.data) as (keyof FindingData)[]) if (canonicalJson(before.data[k] ?? null) !== canonicalJson(after.data[k] ?? null)) fields.push(k);
  return fields;
}

export const findingSink: RecordSink = {
  kind: 'finding',
  plan(records, ctx: PlanContext): Planned[] {
    return records.map((record) => {
      const parsed = FindingData.safeParse(record.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.problem({ severity: 'error', location: record.location, field: issue.path.join('.') || null, message: `the finding cannot be read: ${issue.message}` });
        return { record, action: 'skip', entityId: null, detail: 'unreadable finding' };
      }
      const data = parsed.data;
      const unknown = data.controls.filter((c) => !knownControls(ctx.a, [c]).length);
      if (unknown.length) ctx.problem({ severity: 'warning', location: record.location, field: 'controls', message: `${unknown.join(', ')}: not in this assessment's catalog; left out` });
      const system = ctx.systemOf(record);
      if (record.system !== null && system === null) return { record, action: 'skip', entityId: null, detail: `its system "${record.system}" is skipped` };
      const existing = ctx.ref('finding', record.externalId);
      if (!existing) {
        if (data.status === 'fixed') return { record, action: 'skip', entityId: null, detail: 'passed: no finding to record' };
        return { record, action: 'create', entityId: null, detail: `${data.severity}${data.status ? `, ${data.status.replace('_', ' ')}` : ''}` };
      }
      const current = findingRecord(ctx.a, existing);
      const next = sourced(ctx.a, record, data, system === 'new' ? null : system, ctx.threatOf(record), current.batchId);
      const changed = changedFields(current, next);
      if (system === 'new') changed.push('system');
      const closes = (data.status === 'fixed' || data.status === 'false_positive') && data.status !== current.status;
      if (changed.length === 0) return { record, action: 'unchanged', entityId: existing, detail: '' };
      return { record, action: 'update', entityId: existing, detail: [closes ? `now ${data.status!.replace('_', ' ')} by the source` : '', changed.join(', ')].filter(Boolean).join('; ') };
    });
  },

  apply(planned, ctx: ApplyContext): void {
    const links = new Map<string, EvidenceLinkInput>();
    planned.forEach((p, i) => {
      if (i % 100 === 0) {
        if (ctx.isCancelled()) throw new AssayError('conflict', 'the import was cancelled; nothing was changed');
        ctx.progress(i, planned.length);
      }
      const parsed = FindingData.safeParse(p.record.data);
      const systemId = ctx.systemOf(p.record);
      // A test that passed still shows the system was tested: its run is evidence all the same.
      if (!parsed.success || (p.record.system !== null && systemId === null)) return;
      const source = sourced(ctx.a, p.record, parsed.data, systemId, ctx.threatOf(p.record), ctx.batchId);
      if (p.action === 'create') ctx.setRef('finding', p.record.externalId, addFinding(ctx.a, source, ctx.actor).id);
      else if (p.action === 'update') updateSourcedFinding(ctx.a, p.entityId!, source, ctx.actor);
      for (const control of source.data.controls) links.set(`${control}|${systemId ?? ''}`, { kind: 'control', target: control, system: systemId });
    });
    if (links.size) ctx.linkEvidence([...links.values()]);
  },
};
