import { canonicalJson } from '../../../shared/domain/canonical-json';
import { Risk, RiskAcceptance } from '../../../shared/domain/risk';
import { AssayError } from '../../../shared/errors';
import type { Assessment } from '../../store/assessment';
import { digestOf, getPerson, nameResolver, personFor } from '../../store/people';
import { acceptRisk } from '../../store/risks';
import type { ImportRecord, Planned, RecordSink } from '../importer';
import type { RiskRowData } from '../tabular/record-data';
import { type Existing, SOMEONE, acceptanceWish, candidate, changedFields, controlResolver } from './risk-plan';

/**
 * Risk register rows into the register. Planning checks each row with the register's own schema
 * and reports every failure by row and field without stopping; applying writes 100,000 rows in one
 * pass: ids allocated once in memory, rows through prepared statements, and one audit entry per
 * risk with the very payload risks.add and risks.update log, so replay rebuilds them. A row treated
 * by acceptance with an approver is accepted through the store; without one it stays pending
 * approval, which the consistency checks show (never a silent approval).
 */

type R = ImportRecord<RiskRowData>;

function loadExisting(a: Assessment, id: string, name: (p: string | null) => string | null): Existing | undefined {
  const row = a.db.prepare('SELECT record FROM risk WHERE id = ?').get(id) as { record: string } | undefined;
  if (!row) return undefined;
  const risk = Risk.parse(JSON.parse(row.record));
  const acc = a.db.prepare('SELECT record FROM risk_acceptance WHERE risk_id = ? ORDER BY recorded_at DESC, rowid DESC LIMIT 1').get(id) as { record: string } | undefined;
  const acceptance = acc ? RiskAcceptance.parse(JSON.parse(acc.record)) : null;
  return { risk, ownerName: name(risk.owner), acceptance, approverName: acceptance ? name(acceptance.approver) : null };
}

/**
 * The same lookup for planning, from two scans read once: a 100,000-row re-import looks up every
 * row, and one query per row spent seconds in SQLite. The latest acceptance of a risk wins, as above.
 */
function existingLoader(a: Assessment, name: (p: string | null) => string | null): (id: string) => Existing | undefined {
  let risks: Map<string, string> | undefined;
  let acceptances: Map<string, string> | undefined;
  return (id) => {
    risks ??= new Map((a.db.prepare('SELECT id, record FROM risk').all() as { id: string; record: string }[]).map((r) => [r.id, r.record]));
    acceptances ??= new Map((a.db.prepare('SELECT risk_id, record FROM risk_acceptance ORDER BY recorded_at, rowid').all() as { risk_id: string; record: string }[]).map((r) => [r.risk_id, r.record]));
    const raw = risks.get(id);
    if (raw === undefined) return undefined;
    const risk = Risk.parse(JSON.parse(raw));
    const acc = acceptances.get(id);
    const acceptance = acc ? RiskAcceptance.parse(JSON.parse(acc)) : null;
    return { risk, ownerName: name(risk.owner), acceptance, approverName: acceptance ? name(acceptance.approver) : null };
  };
}

interface Built {
  risk: Risk;
  existing: Existing | undefined;
  changed: string[];
}

/** The row as a validated risk (ids filled in by the caller), or the problems that stop it. */
function build(record: R, ids: { id: string; systemId: string; threatId: string | null }, controls: string[], existing: Existing | undefined) {
  const parsed = candidate(record, { ...ids, ownerId: record.data.owner ? SOMEONE : null }, controls, existing?.risk);
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'row', message: i.message })) };
  const changed = existing ? changedFields(parsed.data, record.data.owner, existing) : [];
  return { built: { risk: parsed.data, existing, changed } as Built };
}

function tooLong(name: string | null, field: string): { field: string; message: string } | null {
  return name && name.length > 120 ? { field, message: `a person's name has at most 120 characters (this one has ${name.length})` } : null;
}

/**
 * The same risk as one object literal with its keys in sorted order: its canonical JSON is then one
 * plain JSON.stringify (see canonicalJson), and every member sits inside the object. (The schema's
 * output, built member by member, kept ten of its fourteen in a second array: 10 MB for the
 * 100,000 risks an import plans.) Returning Risk makes the compiler name any member left out.
 */
function inKeyOrder(r: Risk): Risk {
  return {
    controls: r.controls,
    description: r.description,
    id: r.id,
    impact: r.impact,
    likelihood: r.likelihood,
    owner: r.owner,
    residualImpact: r.residualImpact,
    residualLikelihood: r.residualLikelihood,
    reviewDate: r.reviewDate,
    status: r.status,
    systemId: r.systemId,
    threatId: r.threatId,
    title: r.title,
    treatment: r.treatment,
  };
}

export const riskSink: RecordSink = {
  kind: 'risk',
  plan(records, ctx) {
    const a = ctx.a;
    const resolveControls = controlResolver(a.catalog(), (n) => ctx.ref('control', `id:${n}`));
    const name = nameResolver(a.db);
    const existingOf = existingLoader(a, name);
    const unknownControls = new Map<string, string>();
    const noSystem: string[] = [];
    const planned: Planned[] = (records as R[]).map((record) => {
      const skip = (detail: string): Planned => ({ record, action: 'skip', entityId: null, detail });
      if (record.data.invalid) return skip('the row has values that cannot be read (see the problems)');
      const system = ctx.systemOf(record);
      if (system === null) {
        if (record.system === null) noSystem.push(record.location);
        return skip(record.system === null ? 'names no system' : `its system "${record.system}" is skipped`);
      }
      const { ids: controls, unknown } = resolveControls(record.data.controls);
      for (const u of unknown) if (!unknownControls.has(u)) unknownControls.set(u, record.location);
      const entityId = ctx.ref('risk', record.externalId) ?? null;
      const existing = entityId ? existingOf(entityId) : undefined;
      const result = build(record, { id: entityId ?? 'RSK-000', systemId: system === 'new' ? 'SYS-NEW' : system, threatId: ctx.threatOf(record) }, controls, existing);
      if (!result.built) {
        for (const issue of result.issues) ctx.problem({ severity: 'error', location: record.location, field: issue.field, message: issue.message });
        return skip('the row does not make a valid risk (see the problems)');
      }
      const { risk, changed } = result.built;
      const wish = acceptanceWish(record.data, ctx.today, existing, risk);
      const accept = wish ? `; accepted by ${wish.approver} until ${wish.expiresOn}` : '';
      const personProblem = tooLong(record.data.owner, 'owner') ?? tooLong(record.data.approver, 'approver') ?? (wish && wish.expiresOn < ctx.today ? { field: 'acceptanceExpiry', message: `the acceptance would expire on ${wish.expiresOn}, before today; give a later expiry or leave it out (one year)` } : null);
      if (personProblem) {
        ctx.problem({ severity: 'error', location: record.location, ...personProblem });
        return skip('the row does not make a valid risk (see the problems)');
      }
      if (record.data.treatment === 'accept' && !record.data.approver)
        ctx.problem({ severity: 'warning', location: record.location, field: 'approver', message: 'treated by acceptance with no approver: imported with its acceptance pending approval' });
      // Nothing a new risk is built from changes before it is written but its ids and owner, set on apply.
      if (!existing) return { record, action: 'create', entityId: null, detail: `new risk${accept}`, built: inKeyOrder(risk) };
      if (changed.length === 0 && !wish) return { record, action: 'unchanged', entityId, detail: '' };
      return { record, action: 'update', entityId, detail: `${changed.join(', ') || 'no field'} changes${accept}` };
    });
    if (noSystem.length)
      ctx.problem({ severity: 'error', location: noSystem.length === 1 ? noSystem[0]! : `${noSystem[0]} and ${noSystem.length - 1} more rows`, field: 'system', message: 'names no AI system: add a System column, or choose the system the register is about (--system)' });
    for (const [control, location] of unknownControls)
      ctx.problem({ severity: 'warning', location, field: 'controls', message: `"${control}" is not a control of this assessment's catalog; the risk is imported without that link` });
    return planned;
  },

  apply(planned, ctx) {
    const a = ctx.a;
    a.write((at) => {
      const resolveControls = controlResolver(a.catalog(), (n) => ctx.ref('control', `id:${n}`));
      const name = nameResolver(a.db);
      const max = a.db.prepare("SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM risk WHERE id LIKE 'RSK-%'").get() as { n: number | null };
      let next = max.n ?? 0;
      const insert = a.db.prepare('INSERT INTO risk (id, system_id, record, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const update = a.db.prepare('UPDATE risk SET system_id = ?, record = ?, updated_at = ?, updated_by = ? WHERE id = ?');
      const people = new Map<string, { id: string; digest: string }>();
      const personOf = (n: string) => {
        let p = people.get(n);
        if (!p) people.set(n, (p = personFor(a.db, n)));
        return p;
      };
      const acceptances: { id: string; approver: string; expiresOn: string }[] = [];
      let done = 0;
      for (const p of planned) {
        if (++done % 1000 === 0) {
          if (ctx.isCancelled()) throw new AssayError('refused', 'the import was cancelled; nothing was changed');
          ctx.progress(done, planned.length);
        }
        const record = p.record as R;
        if (p.action === 'skip') continue;
        if (p.action === 'unchanged') {
          ctx.setRef('risk', record.externalId, p.entityId!);
          continue;
        }
        const systemId = ctx.systemOf(record);
        if (systemId === null) continue;
        const id = p.entityId ?? `RSK-${String(++next).padStart(3, '0')}`;
        const existing = p.entityId ? loadExisting(a, p.entityId, name) : undefined;
        const result = p.built && !existing ? { built: { risk: { ...(p.built as Risk), id, systemId }, existing, changed: [] } } : build(record, { id, systemId, threatId: ctx.threatOf(record) }, resolveControls(record.data.controls).ids, existing);
        if (!result.built) throw new AssayError('invalid_input', `${record.location}: ${result.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}; nothing was changed`);
        const payloadPeople: Record<string, string> = {};
        let owner: string | null = null;
        if (record.data.owner) {
          // An owner whose name did not change keeps their person id.
          const kept = existing && existing.ownerName === record.data.owner && existing.risk.owner ? getPerson(a.db, existing.risk.owner) : undefined;
          const person = kept ? { id: kept.id, digest: digestOf(kept)! } : personOf(record.data.owner);
          owner = person.id;
          payloadPeople[person.id] = person.digest;
        }
        const risk = inKeyOrder({ ...result.built.risk, owner });
        const wish = acceptanceWish(record.data, ctx.today, existing, risk);
        if (p.action === 'create' || result.built.changed.length > 0) {
          // Serialised once, for the row and for the entry: the payload's canonical JSON has its keys "people" then "record".
          const json = canonicalJson(risk);
          const payloadJson = `{"people":${canonicalJson(payloadPeople)},"record":${json}}`;
          const entry = a.audit({ at, actor: ctx.actor, command: existing ? 'risks.update' : 'risks.add', entity: 'risk', entityId: id, payload: { record: risk, people: payloadPeople }, payloadJson });
          if (existing) update.run(risk.systemId, json, at, entry.actor, id);
          else insert.run(id, risk.systemId, json, at, entry.actor, at, entry.actor);
        }
        if (wish) acceptances.push({ id, ...wish });
        ctx.setRef('risk', record.externalId, id);
      }
      for (const w of acceptances) acceptRisk(a, w.id, { approver: w.approver, expiresOn: w.expiresOn, approvedOn: ctx.today }, ctx.actor, ctx.today);
      ctx.progress(planned.length, planned.length);
    });
  },
};
