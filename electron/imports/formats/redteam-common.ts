import type { FindingData, FindingSeverity } from '../../../shared/imports/finding-data';
import { findingSeverities } from '../../../shared/imports/finding-data';
import { hiddenContent } from '../../../shared/imports/visible-text';
import type { RedteamTarget } from '../../../shared/imports/redteam-map';
import type { ImportRecord, ReadContext } from '../importer';

/**
 * What the red-team readers (garak, promptfoo, AVID) share: texts trimmed to what a finding keeps,
 * hidden characters reported instead of passed on silently, and the record every one of them hands
 * the findings sink. A test that passed becomes a record with status "fixed": the sink closes an
 * earlier finding of it and creates nothing when there is none.
 */

export const MAX_TEXT = 20000;
export const RED_TEAM_CONTROL = 'MOD-02';

export function trimText(value: unknown, max = MAX_TEXT): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Warns about invisible tag characters (ASCII smuggling) and controls; the text itself is kept as sent. */
export function noteHidden(ctx: ReadContext, location: string, field: string, text: string | null): string | null {
  if (!text) return null;
  const h = hiddenContent(text);
  if (h.tagCharacters === 0 && h.invisible === 0) return null;
  const parts = [
    h.tagCharacters ? `${h.tagCharacters} invisible Unicode tag characters (ASCII smuggling) spelling "${h.hidden.join(' ').slice(0, 200)}"` : '',
    h.invisible ? `${h.invisible} zero-width or direction-control characters` : '',
  ].filter(Boolean);
  const note = `The ${field} holds ${parts.join(' and ')}; kept as sent and shown visibly.`;
  ctx.problem({ severity: 'warning', location, field, message: note });
  return note;
}

export function severityOr(value: unknown, fallback: FindingSeverity): FindingSeverity {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  return (findingSeverities as readonly string[]).includes(v) ? (v as FindingSeverity) : fallback;
}

export const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
export const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface RedteamFinding {
  externalId: string;
  location: string;
  title: string;
  system: string | null;
  target: RedteamTarget;
  /** Identifiers beyond the mapped OWASP ids and further threats (probe, detector, plugin, CWE). */
  references: string[];
  data: Omit<FindingData, 'references' | 'controls' | 'owner' | 'dueDate'>;
}

/** The record the findings sink takes; threat: the first mapped Assay threat id (the engine matches ids directly). */
export function findingRecord(f: RedteamFinding): ImportRecord<FindingData> {
  const [threat, ...more] = f.target.threats;
  const references = [...new Set([...f.target.owasp, ...more, ...f.references])].slice(0, 100);
  return {
    kind: 'finding',
    externalId: f.externalId,
    location: f.location,
    title: f.title.slice(0, 500),
    system: f.system,
    threat: threat ?? null,
    data: { ...f.data, references, controls: [RED_TEAM_CONTROL], owner: null, dueDate: null },
  };
}

/** The system the results are about: the one chosen for the import, else the target the source names. */
export const systemOf = (ctx: ReadContext, named: string | null) => ctx.options.system ?? named;

/** A namespaced external id that keeps runs against different targets apart. */
export const externalId = (tool: string, key: string, system: string | null) => `${tool}:${key}${system ? `@${system}` : ''}`;
