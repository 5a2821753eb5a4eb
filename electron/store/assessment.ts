import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Catalog, type Framework } from '../../shared/catalog/schema';
import type { AssessmentSummary, AuditEntry, ControlRow, VerifyResult } from '../../shared/commands';
import { type ControlState, type StateCounts, emptyCounts } from '../../shared/domain/control-state';
import { AssayError } from '../../shared/errors';
import { type AuditInput, appendAudit, listAudit, verifyAudit } from './audit';
import type { ImportedFramework } from '../catalog/user-framework';

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

  /**
   * The audit chain, then the catalog snapshot: its content must still hash to the value
   * recorded when the assessment was created, or the claims traced through it mean nothing.
   */
  verifyAudit(): VerifyResult {
    const chain = verifyAudit(this.db);
    if (!chain.ok) return chain;
    const snapshot = this.db.prepare('SELECT sha256, content FROM catalog_snapshot').get() as { sha256: string; content: string } | undefined;
    if (!snapshot) return { ...chain, ok: false, message: `${chain.message}; but the catalog snapshot is missing` };
    const actual = createHash('sha256').update(snapshot.content).digest('hex');
    const first = this.db.prepare("SELECT payload FROM audit_log WHERE seq = 1 AND command = 'assessment.create'").get() as
      | { payload: string }
      | undefined;
    const recorded = first ? (JSON.parse(first.payload) as { catalogSha256?: string }).catalogSha256 : undefined;
    if (actual !== snapshot.sha256 || (recorded !== undefined && recorded !== actual))
      return { ...chain, ok: false, message: `${chain.message}; but the catalog snapshot was altered (its content no longer matches the hash recorded at creation)` };
    return { ...chain, message: `${chain.message}; catalog snapshot matches its recorded hash` };
  }

  private cachedCatalog: Catalog | undefined;

  /** The catalog this assessment was created with, plus the frameworks imported into it. */
  catalog(): Catalog {
    if (this.cachedCatalog) return this.cachedCatalog;
    const row = this.db.prepare('SELECT content FROM catalog_snapshot').get() as { content: string } | undefined;
    if (!row) throw new AssayError('refused', `${this.file}: has no catalog snapshot; the file is damaged`);
    const users = (this.db.prepare('SELECT content FROM user_framework ORDER BY id').all() as { content: string }[]).map(
      (r) => JSON.parse(r.content) as Framework,
    );
    const snapshot = JSON.parse(row.content) as { frameworks?: Framework[] };
    const parsed = Catalog.safeParse({ ...snapshot, frameworks: [...(snapshot.frameworks ?? []), ...users] });
    if (!parsed.success) throw new AssayError('integrity', `${this.file}: its catalog snapshot does not validate (${parsed.error.issues[0]?.message})`);
    this.cachedCatalog = parsed.data;
    return parsed.data;
  }

  /** Adds or replaces a user framework in one transaction; a bundled framework id is refused. */
  importFramework(imported: ImportedFramework, actor: string): { replaced: boolean } {
    const { framework } = imported;
    if (this.catalog().frameworks.some((f) => f.origin === 'bundled' && f.id === framework.id))
      throw new AssayError('conflict', `framework id ${framework.id} is already used by the bundled catalog; give the imported framework another id`);
    const replaced = this.db.prepare('SELECT 1 FROM user_framework WHERE id = ?').get(framework.id) !== undefined;
    const at = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO user_framework (id, name, format, source_name, source_sha256, imported_at, imported_by, content)
           VALUES (@id, @name, @format, @sourceName, @sha256, @at, @actor, @content)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, format = excluded.format, source_name = excluded.source_name,
             source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at, imported_by = excluded.imported_by,
             content = excluded.content`,
        )
        .run({ id: framework.id, name: framework.name, format: imported.format, sourceName: imported.sourceName, sha256: imported.sha256, at, actor, content: JSON.stringify(framework) });
      this.audit({
        at,
        actor,
        command: 'catalog.importFramework',
        entity: 'framework',
        entityId: framework.id,
        payload: { name: framework.name, format: imported.format, source: imported.sourceName, sha256: imported.sha256, items: framework.items.length, replaced },
      });
    })();
    this.cachedCatalog = undefined;
    return { replaced };
  }

  removeFramework(id: string, actor: string): void {
    const row = this.db.prepare('SELECT name FROM user_framework WHERE id = ?').get(id) as { name: string } | undefined;
    if (!row) throw new AssayError('not_found', `${this.file}: has no imported framework ${id} (bundled frameworks cannot be removed)`);
    const at = this.clock.now();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM user_framework WHERE id = ?').run(id);
      this.audit({ at, actor, command: 'catalog.removeFramework', entity: 'framework', entityId: id, payload: { name: row.name } });
    })();
    this.cachedCatalog = undefined;
  }

  /** Drops what this object cached from the file, after another process changed it. */
  forgetCached(): void {
    this.cachedCatalog = undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
