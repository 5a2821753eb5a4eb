import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { isPast } from '../../shared/domain/dates';
import type { TableRows } from '../../shared/domain/replay';
import { type AcceptRiskInput, type RiskChanges, RiskInput, type RiskRegister, type RiskRow } from '../../shared/domain/risk-register/register';
import {
  Risk,
  RiskAcceptance,
  acceptanceStatus,
  heatMaps,
  inherentScore,
  materialChanges,
  ratingOf,
  residualScore,
  snapshotOf,
} from '../../shared/domain/risk';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver, personFor } from './people';
import { checkCatalogRefs, invalid, nextId, rowsOf, writeRecord } from './record-tables';
import { findSystem, listSystems } from './systems';

interface RiskDbRow {
  id: string;
  record: string;
  updated_at: string;
  updated_by: string;
}
interface AcceptanceDbRow {
  id: string;
  risk_id: string;
  record: string;
  recorded_at: string;
}

/** What verify compares with the replayed log. */
export function readRiskTables(db: Database.Database): Record<string, TableRows> {
  return {
    risk: rowsOf(db, 'SELECT id, system_id, record, created_at, created_by, updated_at, updated_by FROM risk', 'id'),
    risk_acceptance: rowsOf(db, 'SELECT id, risk_id, record, recorded_at, recorded_by FROM risk_acceptance', 'id'),
  };
}

/** The latest acceptance of each risk: older ones stay as history. */
function latestAcceptances(db: Database.Database): Map<string, AcceptanceDbRow> {
  const rows = db.prepare('SELECT id, risk_id, record, recorded_at FROM risk_acceptance ORDER BY recorded_at, rowid').all() as AcceptanceDbRow[];
  return new Map(rows.map((r) => [r.risk_id, r]));
}

/** The risks and their latest acceptances as the consistency checks (shared/domain/checks.ts) take them. */
export function riskRecords(a: Assessment): { risks: Risk[]; acceptances: RiskAcceptance[] } {
  const risks = (a.db.prepare('SELECT record FROM risk ORDER BY id').all() as { record: string }[]).map((r) => Risk.parse(JSON.parse(r.record)));
  const acceptances = [...latestAcceptances(a.db).values()].map((r) => RiskAcceptance.parse(JSON.parse(r.record)));
  return { risks, acceptances };
}

/** The register as people read it on `today`: names, scores, acceptance status, overdue reviews, and the heat map. */
export function listRisks(a: Assessment, today: string): RiskRegister {
  const name = nameResolver(a.db);
  const systems = new Map(listSystems(a).map((s) => [s.id, s.name]));
  const threats = new Map(a.catalog().threats.map((t) => [t.id, t.name]));
  const latest = latestAcceptances(a.db);
  const rows = a.db.prepare('SELECT id, record, updated_at, updated_by FROM risk ORDER BY id').all() as RiskDbRow[];
  const risks: RiskRow[] = rows.map((row) => {
    const risk = Risk.parse(JSON.parse(row.record));
    const stored = latest.get(risk.id);
    const acceptance = stored ? RiskAcceptance.parse(JSON.parse(stored.record)) : null;
    const status = acceptanceStatus(risk, acceptance, today);
    const inherent = inherentScore(risk);
    const residual = residualScore(risk);
    return {
      ...risk,
      systemName: systems.get(risk.systemId) ?? risk.systemId,
      threatName: risk.threatId ? (threats.get(risk.threatId) ?? null) : null,
      ownerName: name(risk.owner),
      inherent: { score: inherent, rating: ratingOf(inherent) },
      residual: residual === null ? null : { score: residual, rating: ratingOf(residual) },
      residualAboveInherent: residual !== null && residual > inherent,
      acceptance:
        acceptance && stored
          ? { ...acceptance, id: stored.id, approverId: acceptance.approver, approver: name(acceptance.approver), recordedAt: stored.recorded_at }
          : null,
      acceptanceStatus: status,
      changedFields: status === 'changed' && acceptance ? materialChanges(acceptance.snapshot, risk) : [],
      reviewOverdue: Boolean(risk.reviewDate && risk.status !== 'closed' && isPast(risk.reviewDate, today)),
      updatedAt: row.updated_at,
      updatedBy: name(row.updated_by),
    };
  });
  const { acceptances } = riskRecords(a);
  return { today, risks, acceptances, heatMap: heatMaps(risks) };
}

export function findRisk(a: Assessment, id: string): Risk {
  const row = a.db.prepare('SELECT record FROM risk WHERE id = ?').get(id.trim()) as { record: string } | undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no risk ${JSON.stringify(id)} (ids look like RSK-001; assay risks lists them)`);
  return Risk.parse(JSON.parse(row.record));
}

type People = Record<string, string>;
function person(db: Database.Database, name: string | null | undefined, people: People): string | null {
  if (!name) return null;
  const p = personFor(db, name);
  people[p.id] = p.digest;
  return p.id;
}

/**
 * The stored record from what a person typed: the system resolved, references checked, the owner
 * a person id (or `keepOwner`, the id already stored, when the owner is not being changed).
 */
function toRecord(a: Assessment, id: string, input: RiskInput, people: People, keepOwner?: string | null): Risk {
  const given = RiskInput.safeParse(input);
  if (!given.success) throw invalid(`risk ${id}`, given.error);
  const i = given.data;
  const system = findSystem(a, i.system);
  checkCatalogRefs(a, { threat: i.threat ?? null, controls: i.controls });
  const parsed = Risk.safeParse({
    id,
    systemId: system.id,
    threatId: i.threat ?? null,
    title: i.title,
    description: i.description?.trim() ? i.description : null,
    likelihood: i.likelihood,
    impact: i.impact,
    treatment: i.treatment,
    controls: [...new Set(i.controls)].sort(),
    residualLikelihood: i.residualLikelihood ?? null,
    residualImpact: i.residualImpact ?? null,
    owner: keepOwner !== undefined ? keepOwner : person(a.db, i.owner, people),
    status: i.status,
    reviewDate: i.reviewDate ?? null,
  });
  if (!parsed.success) throw invalid(`risk ${id}`, parsed.error);
  return parsed.data;
}

export function addRisk(a: Assessment, input: RiskInput, actor: string): Risk {
  return a.write((at) => {
    const id = nextId(a.db, 'risk', 'RSK');
    const people: People = {};
    const record = toRecord(a, id, input, people);
    const entry = a.audit({ at, actor, command: 'risks.add', entity: 'risk', entityId: id, payload: { record, people } });
    writeRecord(a, 'risk', record, at, entry.actor, true);
    return record;
  });
}

export function updateRisk(a: Assessment, id: string, changes: RiskChanges, actor: string): Risk {
  return a.write((at) => {
    const current = findRisk(a, id);
    const { id: _id, systemId, threatId, owner, ...rest } = current;
    const people: People = {};
    // An owner left unchanged keeps their person id, even if someone else now has the same name.
    const record = toRecord(a, current.id, { ...rest, system: systemId, threat: threatId, ...changes }, people, changes.owner === undefined ? owner : undefined);
    const entry = a.audit({ at, actor, command: 'risks.update', entity: 'risk', entityId: current.id, payload: { record, people } });
    writeRecord(a, 'risk', record, at, entry.actor, false);
    return record;
  });
}

/**
 * Records the approver's acceptance of the risk as it stands now (the snapshot); the risk is then
 * marked accepted unless it was closed. A later material change makes the acceptance no longer current.
 */
export function acceptRisk(a: Assessment, id: string, input: AcceptRiskInput, actor: string, today: string): { risk: Risk; acceptance: RiskAcceptance } {
  return a.write((at) => {
    const current = findRisk(a, id);
    const people: People = {};
    const acceptance = RiskAcceptance.safeParse({
      riskId: current.id,
      approver: person(a.db, input.approver, people),
      approvedOn: input.approvedOn ?? today,
      expiresOn: input.expiresOn,
      rationale: input.rationale?.trim() ? input.rationale.trim() : null,
      snapshot: snapshotOf(current),
    });
    if (!acceptance.success) throw invalid(`accepting ${current.id}`, acceptance.error);
    const record: Risk = { ...current, status: current.status === 'closed' ? 'closed' : 'accepted' };
    const n = (a.db.prepare('SELECT count(*) AS n FROM risk_acceptance WHERE risk_id = ?').get(current.id) as { n: number }).n + 1;
    const acceptanceId = `${current.id}/${n}`;
    const entry = a.audit({ at, actor, command: 'risks.accept', entity: 'risk', entityId: current.id, payload: { acceptanceId, acceptance: acceptance.data, record, people } });
    writeRecord(a, 'risk', record, at, entry.actor, false);
    a.db
      .prepare('INSERT INTO risk_acceptance (id, risk_id, record, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)')
      .run(acceptanceId, current.id, canonicalJson(acceptance.data), at, entry.actor);
    return { risk: record, acceptance: acceptance.data };
  });
}
