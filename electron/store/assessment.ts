import type Database from 'better-sqlite3';
import type { AssessmentSummary, AuditEntry, ControlRow, VerifyResult } from '../../shared/commands';
import { type ControlState, type StateCounts, emptyCounts } from '../../shared/domain/control-state';
import { AssayError } from '../../shared/errors';
import { type AuditInput, appendAudit, listAudit, verifyAudit } from './audit';

interface ControlJoinRow {
  id: string;
  name: string;
  objective: string;
  type: ControlRow['type'];
  guidance: string;
  evidence: string;
  state: ControlState;
  justification: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

const CONTROL_SELECT = `
  SELECT c.id, c.name, c.objective, c.type, c.guidance, c.evidence,
         coalesce(s.state, 'not_started') AS state, s.justification, s.updated_at, s.updated_by
  FROM catalog_control c LEFT JOIN control_state s ON s.control_id = c.id`;

function toControl(row: ControlJoinRow): ControlRow {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    type: row.type,
    guidance: row.guidance,
    evidence: JSON.parse(row.evidence) as string[],
    state: row.state,
    justification: row.justification,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export interface Clock {
  now(): string;
}
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** One open assessment file: the typed operations on it, nothing else touches its SQL. */
export class Assessment {
  constructor(
    readonly file: string,
    readonly db: Database.Database,
    private readonly clock: Clock = systemClock,
  ) {}

  summary(): AssessmentSummary {
    const a = this.db.prepare('SELECT id, name, created_at FROM assessment').get() as
      | { id: string; name: string; created_at: string }
      | undefined;
    if (!a) throw new AssayError('refused', `${this.file}: has no assessment record; the file is damaged`);
    const catalog = this.db.prepare('SELECT version FROM catalog_snapshot').get() as { version: string } | undefined;
    return {
      file: this.file,
      id: a.id,
      name: a.name,
      createdAt: a.created_at,
      catalogVersion: catalog?.version ?? 'unknown',
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      counts: this.counts(),
    };
  }

  counts(): StateCounts {
    const counts = emptyCounts();
    const rows = this.db
      .prepare(`SELECT coalesce(s.state, 'not_started') AS state, count(*) AS n
                FROM catalog_control c LEFT JOIN control_state s ON s.control_id = c.id GROUP BY 1`)
      .all() as { state: ControlState; n: number }[];
    for (const row of rows) {
      counts[row.state] = row.n;
      counts.total += row.n;
    }
    return counts;
  }

  listControls(): ControlRow[] {
    return (this.db.prepare(`${CONTROL_SELECT} ORDER BY c.id`).all() as ControlJoinRow[]).map(toControl);
  }

  control(id: string): ControlRow {
    const row = this.db.prepare(`${CONTROL_SELECT} WHERE c.id = ?`).get(id) as ControlJoinRow | undefined;
    if (!row) throw new AssayError('not_found', `control ${id} is not in the catalog of ${this.file}`);
    return toControl(row);
  }

  setControlState(id: string, state: ControlState, justification: string | undefined, actor: string): ControlRow {
    const before = this.control(id);
    const at = this.clock.now();
    // A justification only means something for "not applicable"; dropping it elsewhere keeps the record honest.
    const kept = state === 'not_applicable' ? (justification ?? '').trim() : null;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO control_state (control_id, state, justification, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (control_id) DO UPDATE SET state = excluded.state, justification = excluded.justification,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(id, state, kept, at, actor);
      this.audit({
        at,
        actor,
        command: 'controls.setState',
        entity: 'control',
        entityId: id,
        payload: { from: before.state, to: state, justification: kept },
      });
    })();
    return this.control(id);
  }

  audit(input: AuditInput): AuditEntry {
    return appendAudit(this.db, input);
  }

  listAudit(limit: number): AuditEntry[] {
    return listAudit(this.db, limit);
  }

  verifyAudit(): VerifyResult {
    return verifyAudit(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
