import type Database from 'better-sqlite3';
import { IsoDate } from '../../shared/domain/dates';
import { type LifecycleChange, acceptanceExpired, isOverdue, lifecycleProblems, nextLifecycle } from '../../shared/domain/findings/lifecycle';
import { Finding, type FindingChanges, type FindingFilter, type FindingRow, type PlanItem, severityRank } from '../../shared/domain/findings/model';
import type { TableRows } from '../../shared/domain/replay';
import type { FindingData } from '../../shared/imports/finding-data';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { getEvidence } from './evidence';
import { nameResolver, personFor } from './people';
import { checkCatalogRefs, invalid, nextId, rowsOf, writeRecord } from './record-tables';
import { findSystem, listSystems } from './systems';

/** The findings register: imported and recorded findings, their lifecycle, and the plan of action. */

interface FindingDbRow {
  record: string;
  updated_at: string;
  updated_by: string;
}

/** What verify compares with the replayed log. */
export function readFindingTables(db: Database.Database): Record<string, TableRows> {
  return { finding: rowsOf(db, 'SELECT id, system_id, record, created_at, created_by, updated_at, updated_by FROM finding', 'id') };
}

export function findingRecord(a: Assessment, id: string): Finding {
  const row = a.db.prepare('SELECT record FROM finding WHERE id = ?').get(id.trim()) as { record: string } | undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no finding ${JSON.stringify(id)} (ids look like FND-001; assay findings lists them)`);
  return Finding.parse(JSON.parse(row.record));
}

function toRows(a: Assessment, rows: FindingDbRow[], today: string): FindingRow[] {
  const name = nameResolver(a.db);
  const systems = new Map(listSystems(a).map((s) => [s.id, s.name]));
  const threats = new Map(a.catalog().threats.map((t) => [t.id, t.name]));
  return rows.map((row) => {
    const f = Finding.parse(JSON.parse(row.record));
    return {
      ...f,
      severity: f.data.severity,
      systemName: f.systemId ? (systems.get(f.systemId) ?? f.systemId) : null,
      threatName: f.threatId ? (threats.get(f.threatId) ?? null) : null,
      ownerName: name(f.owner),
      approverName: name(f.approver),
      overdue: isOverdue(f, today),
      acceptanceExpired: acceptanceExpired(f, today),
      updatedAt: row.updated_at,
      updatedBy: name(row.updated_by),
    };
  });
}

/** The register on `today`, most severe first, filtered by status, severity, system and threat. */
export function listFindings(a: Assessment, today: string, filter: FindingFilter = {}): FindingRow[] {
  const systemId = filter.system ? findSystem(a, filter.system).id : undefined;
  const rows = toRows(a, a.db.prepare('SELECT record, updated_at, updated_by FROM finding ORDER BY id').all() as FindingDbRow[], today);
  return rows
    .filter(
      (f) =>
        (!filter.status?.length || filter.status.includes(f.status)) &&
        (!filter.severity?.length || filter.severity.includes(f.severity)) &&
        (systemId === undefined || f.systemId === systemId) &&
        (!filter.threat || f.threatId === filter.threat),
    )
    .sort((x, y) => severityRank[x.severity] - severityRank[y.severity] || x.id.localeCompare(y.id));
}

export function getFinding(a: Assessment, id: string, today: string): FindingRow {
  const row = a.db.prepare('SELECT record, updated_at, updated_by FROM finding WHERE id = ?').get(findingRecord(a, id).id) as FindingDbRow;
  return toRows(a, [row], today)[0]!;
}

/** The plan of action auditors ask for: what, who, by when, status; late items flagged, soonest due first. */
export function planOfAction(a: Assessment, today: string): PlanItem[] {
  return listFindings(a, today)
    .map((f) => ({
      id: f.id,
      what: f.title,
      severity: f.severity,
      system: f.systemName,
      threatId: f.threatId,
      threatName: f.threatName,
      who: f.ownerName,
      byWhen: f.status === 'risk_accepted' ? f.expiresOn : f.dueDate,
      status: f.status,
      overdue: f.overdue,
      acceptanceExpired: f.acceptanceExpired,
    }))
    .sort((x, y) => (x.byWhen ?? '9999').localeCompare(y.byWhen ?? '9999') || severityRank[x.severity] - severityRank[y.severity] || x.id.localeCompare(y.id));
}

type People = Record<string, string>;
function person(db: Database.Database, name: string | null | undefined, people: People): string | null | undefined {
  if (name === undefined || name === null) return name;
  const p = personFor(db, name);
  people[p.id] = p.digest;
  return p.id;
}

function checkRefs(a: Assessment, f: Finding): void {
  checkCatalogRefs(a, { threat: f.threatId, controls: f.controls });
  for (const id of f.risks)
    if (!a.db.prepare('SELECT 1 FROM risk WHERE id = ?').get(id)) throw new AssayError('invalid_input', `${a.file}: risks: has no risk ${id} (assay risks lists them); nothing was changed`);
  for (const id of f.evidence) getEvidence(a, id);
}

function write(a: Assessment, command: 'findings.add' | 'findings.update', record: Finding, people: People, actor: string, at: string): Finding {
  const parsed = Finding.safeParse(record);
  if (!parsed.success) throw invalid(`finding ${record.id}`, parsed.error);
  checkRefs(a, parsed.data);
  const entry = a.audit({ at, actor, command, entity: 'finding', entityId: record.id, payload: { record: parsed.data, people } });
  writeRecord(a, 'finding', parsed.data, at, entry.actor, command === 'findings.add');
  return parsed.data;
}

/** What a source says about a finding (an import), without the organisation's decisions. */
export interface SourcedFinding {
  title: string;
  systemId: string | null;
  threatId: string | null;
  data: FindingData;
  externalId: string | null;
  batchId: string | null;
}

const sourceDate = (d: string | null) => (d && IsoDate.safeParse(d.slice(0, 10)).success ? d.slice(0, 10) : null);

/** Records a finding as its source gives it; its status, owner and due date start from what the source says. */
export function addFinding(a: Assessment, source: SourcedFinding, actor: string): Finding {
  return a.write((at) => {
    const people: People = {};
    const status = source.data.status ?? 'open';
    const record: Finding = {
      id: nextId(a.db, 'finding', 'FND'),
      ...source,
      status,
      reason: source.data.statusReason,
      evidence: [],
      approver: null,
      expiresOn: null,
      owner: person(a.db, source.data.owner, people) ?? null,
      dueDate: sourceDate(source.data.dueDate),
      controls: [...new Set(source.data.controls)].sort(),
      risks: [],
    };
    return write(a, 'findings.add', record, people, actor, at);
  });
}

/**
 * A re-import: what the source says replaces what it said before; the organisation's lifecycle
 * (status, owner, due date, links) stays, unless the source now says the finding is fixed or
 * suppressed, which it knows better than a stale status here.
 */
export function updateSourcedFinding(a: Assessment, id: string, source: SourcedFinding, actor: string): Finding {
  return a.write((at) => {
    const current = findingRecord(a, id);
    const said = source.data.status;
    const sourceDecides = said === 'fixed' || said === 'false_positive';
    const record: Finding = {
      ...current,
      ...source,
      ...(sourceDecides && said !== current.status ? { status: said, reason: source.data.statusReason, evidence: [], approver: null, expiresOn: null } : {}),
      controls: [...new Set([...current.controls, ...source.data.controls])].sort(),
    };
    return write(a, 'findings.update', record, {}, actor, at);
  });
}

/** A person's change: lifecycle transitions checked by the pure rules, links checked against the assessment. */
export function updateFinding(a: Assessment, id: string, changes: FindingChanges, actor: string, today: string): Finding {
  return a.write((at) => {
    const current = findingRecord(a, id);
    const people: People = {};
    const change: LifecycleChange = {
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.evidence !== undefined ? { evidence: changes.evidence } : {}),
      ...(changes.reason !== undefined ? { reason: changes.reason?.trim() ? changes.reason.trim() : null } : {}),
      ...(changes.expiresOn !== undefined ? { expiresOn: changes.expiresOn } : {}),
      ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
    };
    // An owner or approver named as the one already recorded keeps that person's id.
    const name = nameResolver(a.db);
    if (changes.owner !== undefined) change.owner = changes.owner === name(current.owner) ? current.owner : person(a.db, changes.owner, people);
    if (changes.approver !== undefined) change.approver = changes.approver === name(current.approver) ? current.approver : person(a.db, changes.approver, people);
    const problems = lifecycleProblems(current, change, today);
    if (problems.length)
      throw new AssayError(
        'invalid_input',
        `${current.id}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}; nothing was changed`,
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    const record: Finding = {
      ...current,
      ...nextLifecycle(current, change),
      ...(changes.controls !== undefined ? { controls: [...new Set(changes.controls)].sort() } : {}),
      ...(changes.risks !== undefined ? { risks: [...new Set(changes.risks)].sort() } : {}),
    };
    return write(a, 'findings.update', record, people, actor, at);
  });
}

