import { z } from 'zod';
import type { AuditRecord } from './audit';
import { canonicalJson } from './canonical-json';
import { ControlEntryDetails } from './control-entry';
import { ControlState } from './control-state';
import { AiSystemRecord } from './systems';
import type { LoggedDomain } from './logged/domain';
import { loggedDomains } from './logged/index';

/**
 * The audit log is the record: replaying it from an empty assessment yields every state
 * table, row by row. This module holds what each kind of entry does to that state, and the
 * comparison with what the file's tables hold. Hashing and SQL stay on the Node side.
 */

export type { Cell, Row, TableRows } from './logged/domain';
import type { Cell, Row, TableRows, TablesState } from './logged/domain';

/** The core's state tables; domains (shared/domain/logged) add their own. */
export const coreTables = [
  'assessment',
  'catalog_snapshot',
  'catalog_snapshot_previous',
  'catalog_control',
  'control_state',
  'user_framework',
  'person',
  'schema_migration',
  'ai_system',
  'system_classification',
] as const;
export type CoreTable = (typeof coreTables)[number];

/** Every state table the replay rebuilds. A table missing here is a table `verify` cannot vouch for. */
export const replayedTables: readonly string[] = [...coreTables, ...loggedDomains.flatMap((d) => d.tables)];

/**
 * Tables that are not state: the log itself, the bytes of stored evidence files, which the log
 * names by SHA-256 and size (evidence_blob is replayed), and the parts an import batch carries,
 * which its entry names by SHA-256. `verify` re-hashes both instead. And storage_hygiene, a fact
 * about the file's free space (migration 20), not about the assessment.
 */
export const unreplayedTables = ['audit_log', 'evidence_chunk', 'import_batch_part', 'storage_hygiene'] as const;

/**
 * Secrets the assessment keeps beside its record, never in the log: the key that pseudonymises
 * people in human-risk imports (HMAC-SHA-256). The log travels (reports, packages, auditors); if
 * it carried the key, anyone holding it could test guessed e-mail addresses against the
 * pseudonyms. Not replayed, so verify neither rebuilds nor vouches for it; packages leave it out
 * unless the user includes it. A table named here must hold nothing the record depends on.
 */
export const secretTables = ['assessment_secret'] as const;

export type ReplayState = Record<CoreTable, TableRows> & TablesState;

function emptyState(): ReplayState {
  return Object.fromEntries(replayedTables.map((t) => [t, new Map<string, Row>()])) as ReplayState;
}

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const SchemaStep = z.object({ version: z.number().int(), name: z.string(), sha256: Sha });
const AppliedStep = SchemaStep.extend({ applied_at: z.string() });
const ControlStateRow = z.object({
  control_id: z.string(),
  state: ControlState,
  justification: z.string().nullable(),
  updated_at: z.string(),
  updated_by: z.string(),
});
const UserFrameworkRow = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string(),
  source_name: z.string(),
  source_sha256: Sha,
  imported_at: z.string(),
  imported_by: z.string(),
  content_sha256: Sha,
});
const SnapshotRow = z.object({ version: z.string(), sha256: Sha, taken_at: z.string() });
const PreviousSnapshotRow = SnapshotRow.extend({ replaced_at: z.string() });

/** People a change names besides its actor (owners, approvers): id → keyed digest. */
const People = z.record(z.string(), Sha);

/** A change to an AI system carries the whole new record and the digests of the people it names. */
const SystemChange = z.object({ record: AiSystemRecord, people: People });

export const payloads = {
  'assessment.create': z.object({ name: z.string(), catalogVersion: z.string(), catalogSha256: Sha, schema: z.array(SchemaStep) }),
  'assessment.adopt': z.object({
    reason: z.string(),
    assessment: z.object({ id: z.string(), name: z.string(), created_at: z.string(), created_by: z.string() }),
    catalogSnapshot: SnapshotRow,
    previousSnapshots: z.array(PreviousSnapshotRow),
    controlStates: z.array(ControlStateRow),
    userFrameworks: z.array(UserFrameworkRow),
    people: z.array(z.object({ id: z.string(), digest: Sha.nullable() })),
    schema: z.array(AppliedStep),
  }),
  'schema.migrate': z.object({ from: z.number().int(), to: z.number().int(), applied: z.array(SchemaStep) }),
  'controls.setState': z.object({
    from: ControlState,
    to: ControlState,
    justification: z.string().nullable(),
    /** From file format 6: owner (person id), due date, maturity, notes and reviews as they stand after the change. */
    entry: ControlEntryDetails.optional(),
  }),
  'catalog.importFramework': z.object({
    name: z.string(),
    format: z.string(),
    source: z.string(),
    sha256: Sha,
    contentSha256: Sha,
    items: z.number().int(),
    replaced: z.boolean(),
  }),
  'catalog.removeFramework': z.object({ name: z.string() }),
  'person.erase': z.object({}),
  'systems.add': SystemChange,
  'systems.update': SystemChange,
  /** The answers and the result concluded from them then: a later version's rules do not rewrite history. */
  'systems.classify': z.object({ answers: z.record(z.string(), z.unknown()), result: z.record(z.string(), z.unknown()) }),
  'catalog.update': z.object({
    from: z.object({ version: z.string(), sha256: Sha }),
    to: z.object({ version: z.string(), sha256: Sha }),
    /** Control states the update set (merged controls) or removed (retired controls, state null). */
    controlStates: z.array(z.object({ controlId: z.string(), state: ControlState.nullable(), justification: z.string().nullable() })),
  }),
} as const;
export type LoggedCommand = keyof typeof payloads;
export type Payload<C extends LoggedCommand> = z.infer<(typeof payloads)[C]>;

export function isLoggedCommand(command: string): command is LoggedCommand {
  return Object.hasOwn(payloads, command);
}

/** The domain command an entry belongs to, when it is not one of the core's. */
export function domainCommand(command: string): LoggedDomain['commands'][string] | undefined {
  for (const domain of loggedDomains) if (Object.hasOwn(domain.commands, command)) return domain.commands[command];
  return undefined;
}

export interface ReplayOutcome {
  state: ReplayState;
  /** The entry replay started from: 1, or the adoption entry of a file written before format 3. */
  startSeq: number;
  adopted: boolean;
  /** People the log names whose data was erased on request. */
  erased: Set<string>;
  /** Entries the replay could not apply (unknown kind, malformed payload): the log itself is wrong. */
  problem?: string;
}

function apply(state: ReplayState, entry: AuditRecord, erased: Set<string>): string | undefined {
  const domain = domainCommand(entry.command);
  if (!isLoggedCommand(entry.command) && !domain) return `entry ${entry.seq} is of an unknown kind (${entry.command})`;
  const parsed = (domain ? domain.payload : payloads[entry.command as LoggedCommand]).safeParse(entry.payload);
  if (!parsed.success) return `entry ${entry.seq} (${entry.command}) does not carry what replay needs: ${parsed.error.issues[0]?.path.join('.') || 'payload'} ${parsed.error.issues[0]?.message ?? ''}`.trim();
  if (entry.actorDigest !== undefined && !erased.has(entry.actor)) state.person.set(entry.actor, { erased: 0, digest: entry.actorDigest });
  // People a change names besides its actor (owners, approvers) come with their digests.
  // (The adoption entry lists its people in full, in its own shape; it is applied below.)
  const named = People.safeParse(entry.command === 'assessment.adopt' ? {} : ((entry.payload as { people?: unknown } | null)?.people ?? {}));
  if (!named.success) return `entry ${entry.seq} (${entry.command}) names people in a form replay cannot read`;
  for (const [id, digest] of Object.entries(named.data)) if (!erased.has(id)) state.person.set(id, { erased: 0, digest });
  const p = parsed.data as never;
  if (domain) return domain.apply(state, entry, p, (inner) => apply(state, inner, erased));
  switch (entry.command as LoggedCommand) {
    case 'assessment.create': {
      const c = p as Payload<'assessment.create'>;
      state.assessment.set('1', { id: entry.entityId, name: c.name, created_at: entry.at, created_by: entry.actor });
      state.catalog_snapshot.set('1', { version: c.catalogVersion, sha256: c.catalogSha256, taken_at: entry.at });
      for (const s of c.schema) state.schema_migration.set(String(s.version), { name: s.name, sha256: s.sha256, applied_at: entry.at });
      return undefined;
    }
    case 'assessment.adopt': {
      const a = p as Payload<'assessment.adopt'>;
      const fresh = emptyState();
      Object.assign(state, fresh);
      state.assessment.set('1', { ...a.assessment });
      state.catalog_snapshot.set('1', { ...a.catalogSnapshot });
      for (const s of a.previousSnapshots) state.catalog_snapshot_previous.set(s.sha256, { version: s.version, taken_at: s.taken_at, replaced_at: s.replaced_at });
      for (const { control_id, ...row } of a.controlStates) state.control_state.set(control_id, row);
      for (const { id, ...row } of a.userFrameworks) state.user_framework.set(id, row);
      for (const person of a.people) {
        state.person.set(person.id, { erased: person.digest === null ? 1 : 0, digest: person.digest });
        if (person.digest === null) erased.add(person.id);
      }
      if (entry.actorDigest !== undefined) state.person.set(entry.actor, { erased: 0, digest: entry.actorDigest });
      for (const { version, ...row } of a.schema) state.schema_migration.set(String(version), row);
      return undefined;
    }
    case 'schema.migrate': {
      for (const s of (p as Payload<'schema.migrate'>).applied)
        state.schema_migration.set(String(s.version), { name: s.name, sha256: s.sha256, applied_at: entry.at });
      return undefined;
    }
    case 'controls.setState': {
      const s = p as Payload<'controls.setState'>;
      const d = s.entry;
      state.control_state.set(entry.entityId, {
        state: s.to,
        justification: s.justification,
        updated_at: entry.at,
        updated_by: entry.actor,
        owner: d?.owner ?? null,
        due_date: d?.dueDate ?? null,
        maturity: d?.maturity ?? null,
        notes: d?.notes ?? null,
        last_review: d?.lastReview ?? null,
        next_review: d?.nextReview ?? null,
      });
      return undefined;
    }
    case 'catalog.importFramework': {
      const f = p as Payload<'catalog.importFramework'>;
      state.user_framework.set(entry.entityId, {
        name: f.name,
        format: f.format,
        source_name: f.source,
        source_sha256: f.sha256,
        imported_at: entry.at,
        imported_by: entry.actor,
        content_sha256: f.contentSha256,
      });
      return undefined;
    }
    case 'catalog.removeFramework':
      state.user_framework.delete(entry.entityId);
      return undefined;
    case 'person.erase':
      erased.add(entry.entityId);
      state.person.set(entry.entityId, { erased: 1, digest: null });
      return undefined;
    case 'systems.add':
    case 'systems.update': {
      const { record } = p as Payload<'systems.add'>;
      const before = state.ai_system.get(entry.entityId);
      state.ai_system.set(entry.entityId, {
        name: record.name,
        record: canonicalJson(record),
        created_at: before?.created_at ?? entry.at,
        created_by: before?.created_by ?? entry.actor,
        updated_at: entry.at,
        updated_by: entry.actor,
      });
      return undefined;
    }
    case 'systems.classify': {
      const c = p as Payload<'systems.classify'>;
      state.system_classification.set(entry.entityId, { answers: canonicalJson(c.answers), result: canonicalJson(c.result), classified_at: entry.at, classified_by: entry.actor });
      return undefined;
    }
    case 'catalog.update': {
      const u = p as Payload<'catalog.update'>;
      const current = state.catalog_snapshot.get('1');
      if (current) state.catalog_snapshot_previous.set(u.from.sha256, { version: u.from.version, taken_at: current.taken_at ?? null, replaced_at: entry.at });
      state.catalog_snapshot.set('1', { version: u.to.version, sha256: u.to.sha256, taken_at: entry.at });
      for (const c of u.controlStates) {
        if (c.state === null) state.control_state.delete(c.controlId);
        // A merge carries the state over; the entry's other details (owner, dates) stay as they were.
        else state.control_state.set(c.controlId, { ...state.control_state.get(c.controlId), state: c.state, justification: c.justification, updated_at: entry.at, updated_by: entry.actor });
      }
      return undefined;
    }
  }
}

/**
 * Replays entries in order. Entries before the last adoption entry were written before the
 * log carried full state; replay starts at that adoption, which records the state in full.
 */
export function replay(entries: readonly AuditRecord[]): ReplayOutcome {
  let start = 0;
  for (let i = entries.length - 1; i >= 0; i--)
    if (entries[i]!.command === 'assessment.adopt') {
      start = i;
      break;
    }
  const state = emptyState();
  const erased = new Set<string>();
  for (const entry of entries.slice(start)) {
    const problem = apply(state, entry, erased);
    if (problem) return { state, startSeq: entries[start]?.seq ?? 1, adopted: start > 0 || entries[0]?.command === 'assessment.adopt', erased, problem };
  }
  const adopted = entries[start]?.command === 'assessment.adopt';
  return { state, startSeq: entries[start]?.seq ?? 1, adopted, erased };
}

export interface Difference {
  table: string;
  row: string;
  field: string;
  log: Cell | '(no row)';
  file: Cell | '(no row)';
}

function show(value: Cell | '(no row)'): string {
  return value === null ? 'empty' : typeof value === 'string' && value !== '(no row)' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value) : String(value);
}

export function describeDifference(d: Difference): string {
  if (d.field === '(row)')
    return d.file === '(no row)'
      ? `${d.table} row ${d.row}: the log has this row, the file does not`
      : `${d.table} row ${d.row}: the file has this row, the log never wrote it`;
  return `${d.table} row ${d.row}, field ${d.field}: the log says ${show(d.log)}, the file holds ${show(d.file)}`;
}

/** The first difference between what the log says and what a table holds, in key order. */
export function compareTable(table: string, expected: TableRows, actual: TableRows): Difference | undefined {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const key of keys) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (!e || !a) return { table, row: key, field: '(row)', log: e ? 'present' : '(no row)', file: a ? 'present' : '(no row)' };
    // Every field either side has: a column the log never wrote is as much a difference as a changed one.
    for (const field of [...new Set([...Object.keys(e), ...Object.keys(a)])].sort()) {
      if ((e[field] ?? null) !== (a[field] ?? null)) return { table, row: key, field, log: e[field] ?? null, file: a[field] ?? null } as Difference;
    }
  }
  return undefined;
}
