import { noteSideEffect } from '../side-effects';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { Catalog, type Framework } from '../../shared/catalog/schema';
import type { AssessmentSummary, ControlRow } from '../../shared/commands';
import type { ControlEntryChanges } from '../../shared/domain/control-entry';
import { type ControlState, type StateCounts, emptyCounts } from '../../shared/domain/control-state';
import { AssayError } from '../../shared/errors';
import type { ImportedFramework } from '../catalog/user-framework';
import { type AuditInput, type Head, appendAudit, readHead } from './audit';
import { writeEntry } from './control-entries';
import { withOwnControls } from './own-controls';
import { erasePerson, nameResolver, personFor } from './people';
import { explainSqliteError, restInRollbackMode } from './sqlite';
import { markErasedLeftovers } from './storage-hygiene';
import { closeReleasedSoon } from '../files/descriptors';

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
  owner: string | null;
  due_date: string | null;
  maturity: number | null;
  notes: string | null;
  last_review: string | null;
  next_review: string | null;
}

const CONTROL_SELECT = `
  SELECT c.id, c.name, c.objective, c.type, c.guidance, c.evidence,
         coalesce(s.state, 'not_started') AS state, s.justification, s.updated_at, s.updated_by,
         s.owner, s.due_date, s.maturity, s.notes, s.last_review, s.next_review
  FROM catalog_control c LEFT JOIN control_state s ON s.control_id = c.id`;

export interface Clock {
  now(): string;
}
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** How a file was opened, which decides what may be done with it and what the UI tells the user. */
export interface OpenInfo {
  mode: 'write' | 'read';
  /** The file format on disk (a file read through an upgraded copy stays at its own). */
  formatOnDisk: number;
  /** A private temporary folder holding the copy that is read instead of the file itself. */
  privateCopy?: string;
  readNote?: string;
  /** What the quick integrity check found; such a file is never written. */
  damage?: string;
}

/** One open assessment file: the typed operations on it, nothing else touches its SQL. */
/** What audit() says of the entry it wrote: the actor as stored (a person id). */
export interface Logged {
  actor: string;
}

/** An audit entry a batch carries inside its own entry (see collectAudit). */
export interface CollectedEntry {
  command: string;
  entity: string;
  entityId: string;
  payload: unknown;
  /** The payload's canonical JSON when the writer of the entry already had it (see AuditInput). */
  payloadJson?: string;
}

export class Assessment {
  private carry: ((entry: CollectedEntry) => void) | undefined;
  private batchAt: string | undefined;
  private readonly collectedActors = new Map<string, { id: string; digest: string }>();
  private cachedCatalog: Catalog | undefined;
  private cachedBase: Catalog | undefined;

  constructor(
    readonly file: string,
    readonly db: Database.Database,
    readonly info: OpenInfo,
    private readonly clock: Clock = systemClock,
  ) {}

  get writable(): boolean {
    return this.info.mode === 'write' && !this.info.damage;
  }

  summary(): AssessmentSummary {
    const a = this.db.prepare('SELECT id, name, created_at FROM assessment').get() as { id: string; name: string; created_at: string } | undefined;
    if (!a) throw new AssayError('refused', `${this.file}: has no assessment record; the file is damaged`);
    const catalog = this.db.prepare('SELECT version FROM catalog_snapshot').get() as { version: string } | undefined;
    const head = this.head();
    return {
      file: this.file,
      id: a.id,
      name: a.name,
      createdAt: a.created_at,
      catalogVersion: catalog?.version ?? 'unknown',
      schemaVersion: this.info.formatOnDisk,
      counts: this.counts(),
      head: { count: head.count, hash: head.hash },
      readOnly: this.info.mode === 'read',
      ...(this.info.readNote ? { readNote: this.info.readNote } : {}),
      ...(this.info.damage ? { damage: this.info.damage } : {}),
    };
  }

  head(): Head {
    return readHead(this.db);
  }

  /** SQLite's counter of commits by other connections: changes when another process wrote the file. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
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

  private toControl(row: ControlJoinRow, name: (actor: string | null) => string | null): ControlRow {
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
      updatedBy: name(row.updated_by),
      owner: name(row.owner),
      dueDate: row.due_date,
      maturity: row.maturity,
      notes: row.notes,
      lastReview: row.last_review,
      nextReview: row.next_review,
    };
  }

  listControls(): ControlRow[] {
    const name = nameResolver(this.db);
    return (this.db.prepare(`${CONTROL_SELECT} ORDER BY c.id`).all() as ControlJoinRow[]).map((r) => this.toControl(r, name));
  }

  control(id: string): ControlRow {
    const row = this.db.prepare(`${CONTROL_SELECT} WHERE c.id = ?`).get(id) as ControlJoinRow | undefined;
    if (!row) throw new AssayError('not_found', `control ${id} is not in the catalog of ${this.file}`);
    return this.toControl(row, nameResolver(this.db));
  }

  /**
   * Runs a change in one write transaction taken at its start (BEGIN IMMEDIATE): the "before"
   * it reads cannot be overtaken by another process, so audit entries chain from/to correctly.
   */
  write<T>(change: (at: string) => T): T {
    if (this.info.mode !== 'write') throw new AssayError('refused', `${this.file}: is open read-only; nothing was changed (${this.info.readNote ?? 'open it for editing, or run assay upgrade'})`);
    if (this.info.damage) throw new AssayError('integrity', `${this.file}: is damaged (${this.info.damage}); nothing was written`);
    try {
      const value = this.db.transaction(() => change(this.batchAt ?? this.clock.now())).immediate();
      noteSideEffect();
      return value;
    } catch (error) {
      throw explainSqliteError(this.file, error);
    } finally {
      // Descriptors released while this transaction held its locks may be closed now (descriptors.ts).
      closeReleasedSoon();
    }
  }

  /**
   * Appends an entry and says who it names: the actor as the person id stored in its rows. (Callers
   * need nothing else; a carried entry has no place in the chain yet, and handing back its payload
   * kept 100,000 imported risks alive past the young generation, some 1 KB each.)
   */
  audit(input: AuditInput): Logged {
    if (this.carry) {
      // A batch of 100,000 records names the same actor 100,000 times: look them up once.
      let person = this.collectedActors.get(input.actor);
      if (!person) this.collectedActors.set(input.actor, (person = personFor(this.db, input.actor)));
      this.carry({ command: input.command, entity: input.entity, entityId: input.entityId, payload: input.payload, ...(input.payloadJson === undefined ? {} : { payloadJson: input.payloadJson }) });
      return { actor: person.id };
    }
    return { actor: appendAudit(this.db, input).actor };
  }

  /**
   * Runs `change` (inside the caller's write transaction) with the audit entries it makes handed
   * to `carry` instead of appended: an import logs everything it did as one batch entry, which
   * replay applies entry by entry. The store functions a batch calls stay the ones every command
   * uses. Without `carry` the entries are collected and returned.
   */
  collectAudit<T>(at: string, change: () => T, carry?: (entry: CollectedEntry) => void): { value: T; entries: CollectedEntry[] } {
    if (this.carry) throw new AssayError('internal', 'audit entries are already being collected');
    const entries: CollectedEntry[] = [];
    this.carry = carry ?? ((entry) => void entries.push(entry));
    this.collectedActors.clear();
    // Every write in the batch carries the batch entry's time, as replay gives it to each.
    this.batchAt = at;
    try {
      return { value: change(), entries };
    } finally {
      this.carry = undefined;
      this.batchAt = undefined;
    }
  }

  setControlState(id: string, state: ControlState, justification: string | undefined, actor: string, changes: ControlEntryChanges = {}): ControlRow {
    // The merge of a change into an entry is written once, for the organisation and for systems alike.
    if (!this.db.prepare('SELECT 1 FROM catalog_control WHERE id = ?').get(id)) throw new AssayError('not_found', `control ${id} is not in the catalog of ${this.file}`);
    this.write((at) => writeEntry(this, at, actor, { controlId: id, systemId: null }, { state, ...(justification !== undefined ? { justification } : {}), details: changes }));
    return this.control(id);
  }

  /** The catalog as everything sees it: the snapshot, imported frameworks, own controls and user mappings. */
  catalog(): Catalog {
    this.cachedCatalog ??= withOwnControls(this.baseCatalog(), this.db);
    return this.cachedCatalog;
  }

  /** The catalog this assessment was created with, plus the frameworks imported into it. */
  baseCatalog(): Catalog {
    if (this.cachedBase) return this.cachedBase;
    const row = this.db.prepare('SELECT content FROM catalog_snapshot').get() as { content: string } | undefined;
    if (!row) throw new AssayError('refused', `${this.file}: has no catalog snapshot; the file is damaged`);
    const users = (this.db.prepare('SELECT content FROM user_framework ORDER BY id').all() as { content: string }[]).map(
      (r) => JSON.parse(r.content) as Framework,
    );
    const snapshot = JSON.parse(row.content) as { frameworks?: Framework[] };
    const parsed = Catalog.safeParse({ ...snapshot, frameworks: [...(snapshot.frameworks ?? []), ...users] });
    if (!parsed.success) throw new AssayError('integrity', `${this.file}: its catalog snapshot does not validate (${parsed.error.issues[0]?.message})`);
    this.cachedBase = parsed.data;
    return parsed.data;
  }

  /** Adds or replaces a user framework in one transaction; a bundled framework id is refused. */
  importFramework(imported: ImportedFramework, actor: string): { replaced: boolean } {
    const { framework } = imported;
    if (this.baseCatalog().frameworks.some((f) => f.origin === 'bundled' && f.id === framework.id))
      throw new AssayError('conflict', `framework id ${framework.id} is already used by the bundled catalog; give the imported framework another id`);
    const content = JSON.stringify(framework);
    const contentSha256 = createHash('sha256').update(content).digest('hex');
    const replaced = this.write((at) => {
      const replaced = this.db.prepare('SELECT 1 FROM user_framework WHERE id = ?').get(framework.id) !== undefined;
      const entry = this.audit({
        at,
        actor,
        command: 'catalog.importFramework',
        entity: 'framework',
        entityId: framework.id,
        payload: { name: framework.name, version: framework.version, format: imported.format, source: imported.sourceName, sha256: imported.sha256, contentSha256, items: framework.items.length, replaced },
      });
      this.db
        .prepare(
          `INSERT INTO user_framework (id, name, format, source_name, source_sha256, imported_at, imported_by, content)
           VALUES (@id, @name, @format, @sourceName, @sha256, @at, @actor, @content)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, format = excluded.format, source_name = excluded.source_name,
             source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at, imported_by = excluded.imported_by,
             content = excluded.content`,
        )
        .run({ id: framework.id, name: framework.name, format: imported.format, sourceName: imported.sourceName, sha256: imported.sha256, at, actor: entry.actor, content });
      // The log carries the framework's hashes, not its text, which may be licensed: the text replaced may linger.
      if (replaced) markErasedLeftovers(this.db);
      // The file's own mappings, each logged as a mapping a user drew, in the same transaction:
      // an unknown control refuses the whole import.
      const controls = new Set(this.catalog().controls.map((c) => c.id));
      for (const m of imported.mappings) {
        if (!controls.has(m.control))
          throw new AssayError('invalid_input', `${imported.sourceName}: requirement ${m.requirement.slice(framework.id.length + 1)} maps control ${m.control}, which this assessment does not have; nothing was imported`, [
            { path: 'controls', message: `unknown control ${m.control}` },
          ]);
        const payload = { target: m.requirement, kind: 'requirement', relationship: m.relationship, rationale: m.rationale };
        const mapped = this.audit({ at, actor, command: 'ownControls.map', entity: 'control', entityId: m.control, payload });
        this.db
          .prepare(
            `INSERT INTO control_mapping (control_id, target, kind, relationship, rationale, mapped_at, mapped_by) VALUES (?, ?, 'requirement', ?, ?, ?, ?)
             ON CONFLICT (control_id, target) DO UPDATE SET kind = excluded.kind, relationship = excluded.relationship, rationale = excluded.rationale,
               mapped_at = excluded.mapped_at, mapped_by = excluded.mapped_by`,
          )
          .run(m.control, m.requirement, m.relationship, m.rationale, at, mapped.actor);
      }
      return replaced;
    });
    this.forgetCached();
    return { replaced };
  }

  removeFramework(id: string, actor: string): void {
    this.write((at) => {
      const row = this.db.prepare('SELECT name, content FROM user_framework WHERE id = ?').get(id) as { name: string; content: string } | undefined;
      if (!row) throw new AssayError('not_found', `${this.file}: has no imported framework ${id} (bundled frameworks cannot be removed)`);
      const version = (JSON.parse(row.content) as { version?: string }).version;
      this.db.prepare('DELETE FROM user_framework WHERE id = ?').run(id);
      markErasedLeftovers(this.db);
      this.audit({ at, actor, command: 'catalog.removeFramework', entity: 'framework', entityId: id, payload: { name: row.name, version } });
    });
    this.forgetCached();
  }

  /** A data-protection erasure: the person's data becomes a tombstone; the log keeps only that it happened. */
  erasePerson(personId: string, actor: string): void {
    this.write((at) => {
      erasePerson(this.db, personId, at);
      this.audit({ at, actor, command: 'person.erase', entity: 'person', entityId: personId, payload: {} });
    });
  }

  people(): { id: string; name: string; erased: boolean }[] {
    return (this.db.prepare('SELECT id, display_name, erased_at FROM person ORDER BY display_name').all() as { id: string; display_name: string; erased_at: string | null }[]).map(
      (p) => ({ id: p.id, name: p.display_name, erased: p.erased_at !== null }),
    );
  }

  /** Drops what this object cached from the file, after another process changed it. */
  forgetCached(): void {
    this.cachedCatalog = undefined;
    this.cachedBase = undefined;
  }

  close(): void {
    // The last connection out puts a file a writing job switched to WAL back into rollback mode.
    if (this.db.open && this.info.mode === 'write') restInRollbackMode(this.db);
    if (this.db.open) this.db.close();
    if (this.info.privateCopy) rmSync(this.info.privateCopy, { recursive: true, force: true });
  }
}
