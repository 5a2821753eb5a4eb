import { canonicalJson } from '../canonical-json';
import type { Row, TableRows } from '../logged/domain';
import { type DiffItem, type DiffSection, type DiffValue, type FieldChange, diffSections } from './model';

export type Tables = Record<string, TableRows | undefined>;

/** Bookkeeping fields: shown only when nothing else about the item changed, so each change reads as what was changed. */
const BOOKKEEPING = /(_at|_by)$/;

/**
 * A row's fields as people know them: the columns, with a JSON `record` column opened into its
 * own fields (a risk's title, a system's purpose), nested values kept as canonical JSON.
 */
function fieldsOf(row: Row): Record<string, DiffValue> {
  const out: Record<string, DiffValue> = {};
  for (const [column, value] of Object.entries(row)) {
    const parsed = column === 'record' && typeof value === 'string' ? parseObject(value) : undefined;
    if (!parsed) {
      out[column] = value;
      continue;
    }
    for (const [field, inner] of Object.entries(parsed))
      out[field] = inner === null || typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean' ? inner : canonicalJson(inner);
  }
  return out;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** People are stored by id; a diff names them (an erased person keeps the id). */
export type PersonNames = ReadonlyMap<string, string>;

const named = (value: DiffValue, people: PersonNames): DiffValue => (typeof value === 'string' ? (people.get(value) ?? value) : value);

export function changedFields(a: Row, b: Row, people: PersonNames = new Map()): FieldChange[] {
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  const changes = [...new Set([...Object.keys(fa), ...Object.keys(fb)])]
    .sort()
    .filter((f) => (fa[f] ?? null) !== (fb[f] ?? null))
    .map((field) => ({ field, old: named(fa[field] ?? null, people), new: named(fb[field] ?? null, people) }));
  const content = changes.filter((c) => !BOOKKEEPING.test(c.field));
  return content.length > 0 ? content : changes;
}

/** Names systems by id across both copies, so "SYS-002|GOV-1" reads as the system and control it is. */
function systemNames(a: Tables, b: Tables): Map<string, string> {
  const names = new Map<string, string>();
  for (const side of [a, b]) for (const [id, row] of side.ai_system ?? new Map<string, Row>()) if (typeof row.name === 'string') names.set(id, row.name);
  return names;
}

function labelOf(key: string, row: Row, systems: Map<string, string>): string {
  const fields = fieldsOf(row);
  const title = [fields.title, fields.name, fields.file_name].find((v): v is string => typeof v === 'string' && v.length > 0);
  const parts = key.split(/[|#]/).map((part) => (systems.has(part) ? `${part} (${systems.get(part)})` : part));
  const shown = parts.filter((p) => p !== '' && p !== 'null').join(' · ');
  return title && !shown.includes(title) ? `${shown} ${title}` : shown;
}

function diffTable(table: string, a: TableRows, b: TableRows, systems: Map<string, string>, people: PersonNames): DiffItem[] {
  const items: DiffItem[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const before = a.get(key);
    const after = b.get(key);
    if (before && after) {
      const fields = changedFields(before, after, people);
      if (fields.length > 0) items.push({ table, key, label: labelOf(key, after, systems), change: 'changed', fields });
    } else if (after) items.push({ table, key, label: labelOf(key, after, systems), change: 'added', fields: [] });
    else if (before) items.push({ table, key, label: labelOf(key, before, systems), change: 'removed', fields: [] });
  }
  return items;
}

/** The changes from a to b, grouped by what people call them; sections without changes are left out. */
export function diffTables(a: Tables, b: Tables, people: PersonNames = new Map()): DiffSection[] {
  const systems = systemNames(a, b);
  const empty: TableRows = new Map();
  return diffSections
    .map((s) => ({ kind: s.kind, title: s.title, items: s.tables.flatMap((t) => diffTable(t, a[t] ?? empty, b[t] ?? empty, systems, people)) }))
    .filter((s) => s.items.length > 0);
}
