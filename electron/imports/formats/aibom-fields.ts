import { type ComponentData, ComponentData as ComponentDataSchema, type ModelCard } from '../../../shared/domain/components/model';
import type { ComponentRecordData } from '../../../shared/imports/component-data';
import type { ImportRecord, ReadContext } from '../importer';

/**
 * What the CycloneDX and SPDX readers share: reading loosely typed fields with a warning where
 * the tool's output is off the schema (a number for a string, an over-long text, a licence id in
 * the wrong case), and turning what was read into the one record the components sink takes.
 */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reports where a field is and what is wrong with it; readers pass their JSON path. */
export class FieldReader {
  constructor(private readonly ctx: ReadContext) {}

  warn(location: string, field: string | null, message: string): void {
    this.ctx.problem({ severity: 'warning', location, field, message });
  }

  /** A text field: numbers and booleans are read as text (with a warning), anything else is left out. */
  text(value: unknown, max: number, location: string, field: string): string | null {
    if (value === undefined || value === null) return null;
    let s: string;
    if (typeof value === 'string') s = value;
    else if (typeof value === 'number' || typeof value === 'boolean') {
      this.warn(location, field, `should be text; read ${JSON.stringify(value)} as text`);
      s = String(value);
    } else {
      this.warn(location, field, `should be text, not ${Array.isArray(value) ? 'a list' : 'an object'}; left out`);
      return null;
    }
    s = s.trim();
    if (!s) return null;
    if (s.length > max) {
      this.warn(location, field, `is ${s.length} characters long; kept the first ${max}`);
      return `${s.slice(0, max - 1)}…`;
    }
    return s;
  }

  /** A list field; a single value where a list belongs is read as a list of one (with a warning). */
  list(value: unknown, location: string, field: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.warn(location, field, 'should be a list; read the single value as a list of one');
    return [value];
  }

  texts(value: unknown, max: number, location: string, field: string): string[] {
    return this.list(value, location, field)
      .map((v) => this.text(v, max, location, field))
      .filter((v): v is string => v !== null);
  }
}

/**
 * SPDX licence ids are case-sensitive and tools often write them in lower case. The ids met most
 * in AI-BOMs are put right (with a warning); any other is kept as written.
 */
const COMMON_LICENSES = [
  'Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only',
  'GPL-3.0-or-later', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0', 'CC-BY-SA-3.0', 'CC-BY-3.0', 'ODbL-1.0', 'CDLA-Permissive-2.0', 'CDLA-Sharing-1.0', 'OpenRAIL', 'CreativeML-OpenRAIL-M',
  'Unlicense', 'PSF-2.0', 'Zlib', 'BSL-1.0', 'EPL-2.0', 'GFDL-1.3',
];
const CANONICAL = new Map(COMMON_LICENSES.map((id) => [id.toLowerCase(), id]));

export function spdxLicenseId(id: string, fields: FieldReader, location: string, field: string): string {
  const canonical = CANONICAL.get(id.toLowerCase());
  if (canonical && canonical !== id) {
    fields.warn(location, field, `licence id "${id}" is not written as the SPDX id (ids are case-sensitive); read as ${canonical}`);
    return canonical;
  }
  return id;
}

/** "NOASSERTION" and "NONE" say nothing about the licence: they are not listed as licences. */
export const isNoAssertion = (s: string) => /^(NOASSERTION|NONE)$/i.test(s.trim());

/** Cuts text to `max` characters, marking the cut. */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export const unique = (items: (string | null | undefined)[]): string[] => [...new Set(items.filter((s): s is string => Boolean(s)))];

export const emptyModelCard = (): ModelCard => ({ architecture: null, task: null, trainedOn: [], testedOn: [], metrics: [], limitations: [], ethics: [] });

/** A model card with nothing in it is no model card. */
export function cardOrNull(card: ModelCard): ModelCard | null {
  const empty = !card.architecture && !card.task && [card.trainedOn, card.testedOn, card.metrics, card.limitations, card.ethics].every((l) => l.length === 0);
  return empty ? null : card;
}

/**
 * The record for one component, or null (with an error naming the place) when what was read
 * still does not make a component; the readers clip and coerce, so this is a last guard.
 */
export function componentRecord(
  ctx: ReadContext,
  at: { externalId: string; location: string; system: string | null },
  component: ComponentData,
  source: ComponentRecordData['source'],
): ImportRecord<ComponentRecordData> | null {
  const parsed = ComponentDataSchema.safeParse(component);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    ctx.problem({ severity: 'error', location: at.location, field: issue.path.join('.') || null, message: `cannot be read as a component: ${issue.message}` });
    return null;
  }
  return {
    kind: 'component',
    externalId: at.externalId,
    location: at.location,
    title: `${parsed.data.name}${parsed.data.version ? ` ${parsed.data.version}` : ''}`,
    system: at.system,
    threat: null,
    data: { component: parsed.data, source },
  };
}

/** The system a BOM is about: the one chosen for the import, else the one the BOM names. */
export function systemFor(ctx: ReadContext, named: string | null, fields: FieldReader, location: string, field: string): string | null {
  if (ctx.options.system) return ctx.options.system;
  if (!named) fields.warn(location, field, 'the BOM does not name the AI system it describes; choose the system for its components (--system)');
  return named;
}
