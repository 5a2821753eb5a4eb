import type Database from 'better-sqlite3';
import type { ControlRow } from '../../shared/commands';
import type { ControlEntryChanges, ControlEntryDetails } from '../../shared/domain/control-entry';
import { type ControlState, justificationProblem } from '../../shared/domain/control-state';
import { SYSTEM_CONTROL_TABLE, type SetSystemStatePayload, systemEntryKey } from '../../shared/domain/controls/log';
import type { CoverageEntry } from '../../shared/domain/coverage';
import type { Row, TableRows } from '../../shared/domain/logged/domain';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { nameResolver, personFor } from './people';

/**
 * Control entries: the organisation's (control_state, logged as the core's controls.setState) and a
 * system's own (system_control_state), which overrides the organisation's for that system. One
 * function writes both, so the merge of a change into an entry is written down once.
 */

export interface EntryTarget {
  controlId: string;
  /** null: the organisation's entry. */
  systemId: string | null;
}

/** What a change sets: undefined keeps the current value (the state and justification included). */
export interface EntryChange {
  state?: ControlState;
  justification?: string;
  details?: ControlEntryChanges;
}

interface EntryColumns {
  state: ControlState;
  justification: string | null;
  owner: string | null;
  due_date: string | null;
  maturity: number | null;
  notes: string | null;
  last_review: string | null;
  next_review: string | null;
  updated_at: string;
  updated_by: string;
}

const COLUMNS = 'state, justification, owner, due_date, maturity, notes, last_review, next_review, updated_at, updated_by';

function orgEntry(db: Database.Database, controlId: string): EntryColumns | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM control_state WHERE control_id = ?`).get(controlId) as EntryColumns | undefined;
}

function systemEntry(db: Database.Database, systemId: string, controlId: string): EntryColumns | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM ${SYSTEM_CONTROL_TABLE} WHERE system_id = ? AND control_id = ?`).get(systemId, controlId) as EntryColumns | undefined;
}

function describeTarget(t: EntryTarget): string {
  return t.systemId ? `control ${t.controlId} for ${t.systemId}` : `control ${t.controlId}`;
}

/** Refuses a control the assessment's catalog does not have (bundled, imported or the organisation's own). */
export function requireControls(a: Assessment, ids: readonly string[]): void {
  const known = new Set(a.catalog().controls.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AssayError('not_found', `${unknown.length === 1 ? 'control' : 'controls'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the catalog of ${a.file}`);
}

/**
 * Applies one change inside the caller's write transaction and logs it. A system's first entry
 * starts from the organisation's, so setting only its state keeps the owner and dates it had.
 * Returns false, writing nothing, when `onlyIfChanged` and the entry would stay as it is.
 */
export function writeEntry(a: Assessment, at: string, actor: string, target: EntryTarget, change: EntryChange, onlyIfChanged = false): boolean {
  const own = target.systemId ? systemEntry(a.db, target.systemId, target.controlId) : orgEntry(a.db, target.controlId);
  const base = own ?? (target.systemId ? orgEntry(a.db, target.controlId) : undefined);
  const state = change.state ?? base?.state ?? 'not_started';
  // A justification only means something for "not applicable"; dropping it elsewhere keeps the record honest.
  const given = change.justification?.trim();
  const justification = state === 'not_applicable' ? (given || (base?.state === 'not_applicable' ? base.justification : null) || '') : null;
  const problem = justificationProblem(state, justification ?? undefined);
  if (problem) throw new AssayError('invalid_input', `${describeTarget(target)}: ${problem}`, [{ path: 'justification', message: problem }]);

  const d = change.details ?? {};
  const people: Record<string, string> = {};
  let owner = base?.owner ?? null;
  if (d.owner !== undefined) {
    owner = null;
    if (d.owner !== null) {
      const person = personFor(a.db, d.owner);
      owner = person.id;
      people[person.id] = person.digest;
    }
  }
  const pick = <T,>(given: T | null | undefined, current: T | null | undefined): T | null => (given === undefined ? (current ?? null) : given);
  const entry: ControlEntryDetails = {
    owner,
    dueDate: pick(d.dueDate, base?.due_date),
    maturity: pick(d.maturity, base?.maturity),
    notes: pick(d.notes, base?.notes),
    lastReview: pick(d.lastReview, base?.last_review),
    nextReview: pick(d.nextReview, base?.next_review),
  };
  if (entry.lastReview && entry.nextReview && entry.nextReview < entry.lastReview)
    throw new AssayError('invalid_input', `${describeTarget(target)}: the next review (${entry.nextReview}) cannot be before the last review (${entry.lastReview})`, [
      { path: 'details.nextReview', message: 'the next review cannot be before the last review' },
    ]);
  if (onlyIfChanged && own && sameEntry(own, state, justification, entry)) return false;

  const row = { state, justification, at, ...entry };
  if (target.systemId === null) {
    const logged = a.audit({ at, actor, command: 'controls.setState', entity: 'control', entityId: target.controlId, payload: { from: own?.state ?? 'not_started', to: state, justification, entry, people } });
    a.db
      .prepare(
        `INSERT INTO control_state (control_id, state, justification, updated_at, updated_by, owner, due_date, maturity, notes, last_review, next_review)
         VALUES (@controlId, @state, @justification, @at, @by, @owner, @dueDate, @maturity, @notes, @lastReview, @nextReview)
         ON CONFLICT (control_id) DO UPDATE SET state = excluded.state, justification = excluded.justification,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by, owner = excluded.owner, due_date = excluded.due_date,
           maturity = excluded.maturity, notes = excluded.notes, last_review = excluded.last_review, next_review = excluded.next_review`,
      )
      .run({ controlId: target.controlId, by: logged.actor, ...row });
    return true;
  }
  const payload: SetSystemStatePayload = { systemId: target.systemId, from: own?.state ?? null, to: state, justification, entry, people };
  const logged = a.audit({ at, actor, command: 'controls.setSystemState', entity: 'control', entityId: target.controlId, payload });
  a.db
    .prepare(
      `INSERT INTO ${SYSTEM_CONTROL_TABLE} (system_id, control_id, state, justification, owner, due_date, maturity, notes, last_review, next_review, updated_at, updated_by)
       VALUES (@systemId, @controlId, @state, @justification, @owner, @dueDate, @maturity, @notes, @lastReview, @nextReview, @at, @by)
       ON CONFLICT (system_id, control_id) DO UPDATE SET state = excluded.state, justification = excluded.justification,
         owner = excluded.owner, due_date = excluded.due_date, maturity = excluded.maturity, notes = excluded.notes,
         last_review = excluded.last_review, next_review = excluded.next_review, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run({ systemId: target.systemId, controlId: target.controlId, by: logged.actor, ...row });
  return true;
}

function sameEntry(own: EntryColumns, state: ControlState, justification: string | null, e: ControlEntryDetails): boolean {
  return (
    own.state === state &&
    own.justification === justification &&
    own.owner === e.owner &&
    own.due_date === e.dueDate &&
    own.maturity === e.maturity &&
    own.notes === e.notes &&
    own.last_review === e.lastReview &&
    own.next_review === e.nextReview
  );
}

/** Removes a system's own entry: the system then follows the organisation's entry again. */
export function removeSystemEntry(a: Assessment, target: { controlId: string; systemId: string }, actor: string): void {
  a.write((at) => {
    const own = systemEntry(a.db, target.systemId, target.controlId);
    if (!own) throw new AssayError('not_found', `${describeTarget(target)}: the system has no entry of its own; it already follows the organisation's entry`);
    a.audit({ at, actor, command: 'controls.removeSystemEntry', entity: 'control', entityId: target.controlId, payload: { systemId: target.systemId, from: own.state } });
    a.db.prepare(`DELETE FROM ${SYSTEM_CONTROL_TABLE} WHERE system_id = ? AND control_id = ?`).run(target.systemId, target.controlId);
  });
}

export type EntrySource = 'organisation' | 'system';
export type ListedControl = ControlRow & { source: EntrySource };

/**
 * Every control of the assessment's catalog with the entry that counts: the organisation's, or
 * for a system its own where it has one.
 */
export function listControlEntries(a: Assessment, systemId: string | null): ListedControl[] {
  const orgRows = new Map(a.listControls().map((c) => [c.id, c]));
  const own = new Map<string, EntryColumns>();
  if (systemId)
    for (const r of a.db.prepare(`SELECT control_id, ${COLUMNS} FROM ${SYSTEM_CONTROL_TABLE} WHERE system_id = ?`).all(systemId) as (EntryColumns & { control_id: string })[])
      own.set(r.control_id, r);
  const name = nameResolver(a.db);
  return a.catalog().controls.map((c): ListedControl => {
    const org: ControlRow = orgRows.get(c.id) ?? {
      ...{ id: c.id, name: c.name, objective: c.objective, type: c.type, guidance: c.guidance, evidence: c.evidence },
      ...{ state: 'not_started', justification: null, updatedAt: null, updatedBy: null },
      ...{ owner: null, dueDate: null, maturity: null, notes: null, lastReview: null, nextReview: null },
    };
    const e = own.get(c.id);
    if (!e) return { ...org, source: 'organisation' };
    return {
      ...org,
      state: e.state,
      justification: e.justification,
      updatedAt: e.updated_at,
      updatedBy: name(e.updated_by),
      owner: name(e.owner),
      dueDate: e.due_date,
      maturity: e.maturity,
      notes: e.notes,
      lastReview: e.last_review,
      nextReview: e.next_review,
      source: 'system',
    };
  });
}

/** Every entry, the organisation's and each system's, as the coverage rules take them. */
export function coverageEntries(a: Assessment): CoverageEntry[] {
  const org = a.db.prepare('SELECT control_id AS controlId, state, justification FROM control_state').all() as Omit<CoverageEntry, 'systemId'>[];
  const own = a.db.prepare(`SELECT system_id AS systemId, control_id AS controlId, state, justification FROM ${SYSTEM_CONTROL_TABLE}`).all() as CoverageEntry[];
  return [...org.map((e) => ({ ...e, systemId: null })), ...own];
}

/** The table as replay produces it (shared/domain/controls/log.ts), for verify's comparison. */
export function readSystemEntries(db: Database.Database): Record<string, TableRows> {
  const rows: TableRows = new Map();
  for (const r of db.prepare(`SELECT system_id, control_id, ${COLUMNS} FROM ${SYSTEM_CONTROL_TABLE}`).all() as (EntryColumns & { system_id: string; control_id: string })[]) {
    const { system_id, control_id, ...row } = r;
    rows.set(systemEntryKey(system_id, control_id), row as unknown as Row);
  }
  return { [SYSTEM_CONTROL_TABLE]: rows };
}

/** One control's entry, for the organisation or a system; always logged, as a person asked for it. */
export function setControlEntry(a: Assessment, target: EntryTarget, change: EntryChange & { state: ControlState }, actor: string): ListedControl {
  requireControls(a, [target.controlId]);
  a.write((at) => writeEntry(a, at, actor, target, change));
  return listControlEntries(a, target.systemId).find((c) => c.id === target.controlId)!;
}

/**
 * The same change to many controls in one transaction: all or nothing, one audit entry per
 * control whose entry actually changes, and an error that names the control it stopped at.
 */
export function setManyEntries(a: Assessment, controlIds: readonly string[], systemId: string | null, change: EntryChange, actor: string): string[] {
  requireControls(a, controlIds);
  return a.write((at) => controlIds.filter((controlId) => writeEntry(a, at, actor, { controlId, systemId }, change, true)));
}
