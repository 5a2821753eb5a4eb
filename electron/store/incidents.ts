import type Database from 'better-sqlite3';
import { isPast } from '../../shared/domain/dates';
import { Incident, reportState } from '../../shared/domain/incidents';
import {
  type IncidentChanges,
  IncidentInput,
  type IncidentRegister,
  type IncidentRow,
  MonitoringPlan,
  type PlanRow,
} from '../../shared/domain/incident-register/register';
import type { TableRows } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { invalid, nextId, rowsOf, writeRecord } from './record-tables';
import { findSystem, listSystems } from './systems';

/** What verify compares with the replayed log. */
export function readIncidentTables(db: Database.Database): Record<string, TableRows> {
  return {
    incident: rowsOf(db, 'SELECT id, system_id, record, created_at, created_by, updated_at, updated_by FROM incident', 'id'),
    monitoring_plan: rowsOf(db, 'SELECT system_id, title, reference, review_date, updated_at, updated_by FROM monitoring_plan', 'system_id'),
  };
}

/** The incidents as the consistency checks (shared/domain/checks.ts) take them. */
export function incidentRecords(a: Assessment): Incident[] {
  return (a.db.prepare('SELECT record FROM incident ORDER BY id').all() as { record: string }[]).map((r) => Incident.parse(JSON.parse(r.record)));
}

/** The register on `today`: each incident with its Art. 73 deadline and report state, and the monitoring plans. */
export function listIncidents(a: Assessment, today: string): IncidentRegister {
  const name = nameResolver(a.db);
  const systems = listSystems(a);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const rows = a.db.prepare('SELECT record, updated_at, updated_by FROM incident ORDER BY id').all() as { record: string; updated_at: string; updated_by: string }[];
  const incidents: IncidentRow[] = rows.map((row) => {
    const incident = Incident.parse(JSON.parse(row.record));
    return { ...incident, systemName: systemName.get(incident.systemId) ?? incident.systemId, report: reportState(incident, today), updatedAt: row.updated_at, updatedBy: name(row.updated_by) };
  });
  const planRows = a.db.prepare('SELECT * FROM monitoring_plan ORDER BY system_id').all() as {
    system_id: string;
    title: string;
    reference: string;
    review_date: string;
    updated_at: string;
    updated_by: string;
  }[];
  const plans: PlanRow[] = planRows.map((p) => ({
    systemId: p.system_id,
    systemName: systemName.get(p.system_id) ?? p.system_id,
    title: p.title,
    reference: p.reference,
    reviewDate: p.review_date,
    reviewOverdue: isPast(p.review_date, today),
    updatedAt: p.updated_at,
    updatedBy: name(p.updated_by),
  }));
  const planned = new Set(plans.map((p) => p.systemId));
  const providerSystemsWithoutPlan = systems.filter((s) => s.roles.includes('provider') && !planned.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
  return { today, incidents, plans, providerSystemsWithoutPlan };
}

export function findIncident(a: Assessment, id: string): Incident {
  const row = a.db.prepare('SELECT record FROM incident WHERE id = ?').get(id.trim()) as { record: string } | undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no incident ${JSON.stringify(id)} (ids look like INC-001; assay incidents lists them)`);
  return Incident.parse(JSON.parse(row.record));
}

/** The stored record from what a person typed; serious exactly when a serious case is given. */
function toRecord(a: Assessment, id: string, input: IncidentInput): Incident {
  const given = IncidentInput.safeParse(input);
  if (!given.success) throw invalid(`incident ${id}`, given.error);
  const i = given.data;
  const system = findSystem(a, i.system);
  const cases = [...new Set(i.cases)];
  const parsed = Incident.safeParse({
    id,
    systemId: system.id,
    title: i.title,
    description: i.description?.trim() ? i.description : null,
    occurredOn: i.occurredOn ?? null,
    awareOn: i.awareOn,
    severity: i.severity,
    serious: cases.length > 0,
    cases,
    reportedOn: i.reportedOn ?? null,
    reportEvidence: [...new Set(i.reportEvidence)],
  });
  if (!parsed.success) throw invalid(`incident ${id}`, parsed.error);
  if (!parsed.data.serious && (parsed.data.reportedOn || parsed.data.reportEvidence.length))
    throw new AssayError('invalid_input', `incident ${id}: reportedOn: only a serious incident is reported under Art. 73 (give the case that makes it serious); nothing was changed`, [
      { path: 'reportedOn', message: 'only a serious incident is reported under Art. 73' },
    ]);
  return parsed.data;
}

export function addIncident(a: Assessment, input: IncidentInput, actor: string): Incident {
  return a.write((at) => {
    const id = nextId(a.db, 'incident', 'INC');
    const record = toRecord(a, id, input);
    const entry = a.audit({ at, actor, command: 'incidents.add', entity: 'incident', entityId: id, payload: { record } });
    writeRecord(a, 'incident', record, at, entry.actor, true);
    return record;
  });
}

/** Changes the fields given (for example the report sent: reportedOn and its evidence); the whole new record is logged. */
export function updateIncident(a: Assessment, id: string, changes: IncidentChanges, actor: string): Incident {
  return a.write((at) => {
    const { id: current, systemId, serious: _s, ...rest } = findIncident(a, id);
    const record = toRecord(a, current, { ...rest, system: systemId, ...changes });
    const entry = a.audit({ at, actor, command: 'incidents.update', entity: 'incident', entityId: current, payload: { record } });
    writeRecord(a, 'incident', record, at, entry.actor, false);
    return record;
  });
}

/** Sets the post-market monitoring plan (Art. 72) of a system the organisation provides. */
export function setMonitoringPlan(a: Assessment, systemRef: string, input: MonitoringPlan, actor: string, today: string): PlanRow {
  const plan = MonitoringPlan.safeParse(input);
  if (!plan.success) throw invalid('monitoring plan', plan.error);
  const systemId = a.write((at) => {
    const system = findSystem(a, systemRef);
    if (!system.roles.includes('provider'))
      throw new AssayError('conflict', `${system.id} ${system.name}: a post-market monitoring plan (Art. 72) is kept by the provider; this organisation is not the provider of this system`);
    const entry = a.audit({ at, actor, command: 'incidents.setPlan', entity: 'system', entityId: system.id, payload: { plan: plan.data } });
    a.db
      .prepare(
        `INSERT INTO monitoring_plan (system_id, title, reference, review_date, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (system_id) DO UPDATE SET title = excluded.title, reference = excluded.reference, review_date = excluded.review_date,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(system.id, plan.data.title, plan.data.reference, plan.data.reviewDate, at, entry.actor);
    return system.id;
  });
  return listIncidents(a, today).plans.find((p) => p.systemId === systemId)!;
}
