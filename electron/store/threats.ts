import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { suggestThreats } from '../../shared/domain/threat-suggestions';
import type { SystemThreat, ThreatDecision, ThreatDecisionParsed } from '../../shared/domain/threats/decision';
import { systemThreatKey } from '../../shared/domain/threats/log';
import type { AiSystem } from '../../shared/domain/systems';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { findSystem } from './systems';
import { hasTable } from './sqlite';

interface DecisionRow {
  system_id: string;
  threat_id: string;
  decision: ThreatDecision;
  reason: string | null;
  decided_at: string;
  decided_by: string;
}

/** Files before format 10 (read without upgrading) have no decisions table: nothing is decided in them. */
function decisionRows(db: Database.Database, systemId?: string): DecisionRow[] {
  if (!hasTable(db, 'system_threat')) return [];
  return (systemId === undefined ? db.prepare('SELECT * FROM system_threat').all() : db.prepare('SELECT * FROM system_threat WHERE system_id = ?').all(systemId)) as DecisionRow[];
}

/** The threats of one system: every suggested one (with the rules' reasons) and every one the user decided. */
export function systemThreats(a: Assessment, system: AiSystem): SystemThreat[] {
  const catalog = a.catalog();
  const threats = new Map(catalog.threats.map((t) => [t.id, t]));
  const suggested = new Map(suggestThreats(system, new Set(threats.keys())).map((s) => [s.threatId, s]));
  const decided = new Map(decisionRows(a.db, system.id).map((r) => [r.threat_id, r]));
  const name = nameResolver(a.db);
  return [...new Set([...suggested.keys(), ...decided.keys()])].sort().map((id) => {
    const threat = threats.get(id);
    const d = decided.get(id);
    return {
      threatId: id,
      name: threat?.name ?? `${id} (no longer in the catalog)`,
      description: threat?.description ?? '',
      suggested: suggested.has(id),
      reasons: suggested.get(id)?.reasons ?? [],
      decision: d?.decision ?? null,
      reason: d?.reason ?? null,
      decidedAt: d?.decided_at ?? null,
      decidedBy: d ? name(d.decided_by) : null,
    };
  });
}

/**
 * Records the user's decision on a threat for a system. Confirming applies to a suggested
 * threat, adding to one the rules did not suggest; each says so rather than guessing.
 */
export function decideThreat(a: Assessment, systemRef: string, d: ThreatDecisionParsed, actor: string): SystemThreat {
  const system = findSystem(a, systemRef);
  const threat = a.catalog().threats.find((t) => t.id === d.threat);
  if (!threat) throw new AssayError('not_found', `${a.file}: the catalog has no threat ${d.threat} (assay catalog lists them)`, [{ path: 'threat', message: `no threat ${d.threat}` }]);
  const suggested = systemThreats(a, system).some((t) => t.threatId === d.threat && t.suggested);
  if (d.decision === 'confirmed' && !suggested)
    throw new AssayError('invalid_input', `${d.threat} is not suggested for ${system.id}; add it with a reason instead of confirming it`, [{ path: 'decision', message: 'not suggested: add it' }]);
  if (d.decision === 'added' && suggested)
    throw new AssayError('invalid_input', `${d.threat} is already suggested for ${system.id}; confirm it instead of adding it`, [{ path: 'decision', message: 'already suggested: confirm it' }]);
  const reason = d.reason || null;
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'systems.decideThreat', entity: 'system', entityId: system.id, payload: { threatId: d.threat, decision: d.decision, reason, suggested } });
    a.db
      .prepare(
        `INSERT INTO system_threat (system_id, threat_id, decision, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (system_id, threat_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason,
           decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
      )
      .run(system.id, d.threat, d.decision, reason, at, entry.actor);
  });
  return systemThreats(a, system).find((t) => t.threatId === d.threat)!;
}

/** system_threat in the shape replay produces. */
export function readThreatTables(db: Database.Database): Record<string, TableRows> {
  const rows: TableRows = new Map();
  for (const r of decisionRows(db))
    rows.set(systemThreatKey(r.system_id, r.threat_id), { decision: r.decision, reason: r.reason, decided_at: r.decided_at, decided_by: r.decided_by });
  return { system_threat: rows };
}
