import type Database from 'better-sqlite3';
import { Component, type ComponentData, ComponentData as ComponentDataSchema, type ComponentSource, type ListedComponent, componentKinds } from '../../shared/domain/components/model';
import type { TableRows } from '../../shared/domain/replay';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { invalid, nextId, rowsOf, writeRecord } from './record-tables';
import { findSystem } from './systems';
import { hasTable } from './sqlite';

/**
 * Each AI system's components (its AI-BOM) as imported from CycloneDX or SPDX: written one
 * component at a time through the log, found again by the id the source gives them so a
 * re-import updates instead of duplicating.
 */

interface ComponentRow {
  record: string;
  updated_at: string;
}

/** Files before format 13 (read without upgrading) have no components table: no components in them. */
function hasComponents(db: Database.Database): boolean {
  return hasTable(db, 'system_component');
}

/** system_component in the shape replay produces. */
export function readComponentTables(db: Database.Database): Record<string, TableRows> {
  if (!hasComponents(db)) return { system_component: new Map() };
  return { system_component: rowsOf(db, 'SELECT id, system_id, record, created_at, created_by, updated_at, updated_by FROM system_component', 'id') };
}

const kindOrder = (k: string) => componentKinds.indexOf(k as (typeof componentKinds)[number]);

/** The components of one system (by id or name) or of all, models first, then datasets, services, libraries. */
export function listComponents(a: Assessment, system?: string): ListedComponent[] {
  if (!hasComponents(a.db)) return [];
  const only = system === undefined ? null : findSystem(a, system).id;
  const names = new Map((a.db.prepare('SELECT id, name FROM ai_system').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const rows = (only ? a.db.prepare('SELECT record, updated_at FROM system_component WHERE system_id = ?').all(only) : a.db.prepare('SELECT record, updated_at FROM system_component').all()) as ComponentRow[];
  return rows
    .map((r) => ({ ...Component.parse(JSON.parse(r.record)), systemName: '', updatedAt: r.updated_at }))
    .map((c) => ({ ...c, systemName: names.get(c.systemId) ?? c.systemId }))
    .sort((x, y) => x.systemId.localeCompare(y.systemId) || kindOrder(x.kind) - kindOrder(y.kind) || x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
}

export function findComponent(a: Assessment, id: string): Component {
  const row = hasComponents(a.db) ? (a.db.prepare('SELECT record FROM system_component WHERE id = ?').get(id.trim()) as { record: string } | undefined) : undefined;
  if (!row) throw new AssayError('not_found', `${a.file}: has no component ${JSON.stringify(id)} (ids look like CMP-001; assay components lists them)`);
  return Component.parse(JSON.parse(row.record));
}

/** The component a system already has under the source's id, if any (a re-import finds it here). */
export function componentByExternalId(a: Assessment, systemId: string, externalId: string): Component | undefined {
  const row = a.db
    .prepare("SELECT record FROM system_component WHERE system_id = ? AND json_extract(record, '$.externalId') = ? ORDER BY id LIMIT 1")
    .get(systemId, externalId) as { record: string } | undefined;
  return row ? Component.parse(JSON.parse(row.record)) : undefined;
}

export interface ComponentInput {
  systemId: string;
  externalId: string;
  source: ComponentSource;
  data: ComponentData;
}

/**
 * Adds a component to a system, or writes the new version of the one `existingId` names. The
 * record is validated whole first: a bad component changes nothing.
 */
export function saveComponent(a: Assessment, input: ComponentInput, actor: string, existingId?: string): Component {
  return a.write((at) => {
    const system = findSystem(a, input.systemId);
    const current = existingId === undefined ? undefined : findComponent(a, existingId);
    if (current && current.systemId !== system.id) throw new AssayError('conflict', `${current.id} belongs to ${current.systemId}, not ${system.id}; nothing was changed`);
    const data = ComponentDataSchema.safeParse(input.data);
    if (!data.success) throw invalid(`component ${input.data.name}`, data.error);
    const id = current?.id ?? nextId(a.db, 'system_component', 'CMP');
    const parsed = Component.safeParse({ ...data.data, id, systemId: system.id, externalId: input.externalId, source: input.source });
    if (!parsed.success) throw invalid(`component ${id}`, parsed.error);
    const record = parsed.data;
    const entry = a.audit({ at, actor, command: current ? 'components.update' : 'components.add', entity: 'component', entityId: id, payload: { record } });
    writeRecord(a, 'system_component', record, at, entry.actor, !current);
    return record;
  });
}

export function removeComponent(a: Assessment, id: string, reason: string | null, actor: string): Component {
  return a.write((at) => {
    const current = findComponent(a, id);
    a.audit({ at, actor, command: 'components.remove', entity: 'component', entityId: current.id, payload: { systemId: current.systemId, reason: reason?.trim() || null } });
    a.db.prepare('DELETE FROM system_component WHERE id = ?').run(current.id);
    return current;
  });
}
