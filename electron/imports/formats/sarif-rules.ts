import type { FindingSeverity } from '../../../shared/imports/finding-data';
import type { ReadContext } from '../importer';
import { jsonPath } from '../safe-json';
import { type Json, arr, num, obj, str } from './json-shape';
import { cweId, severityFromScore } from './scanner-findings';

/**
 * The parts of a SARIF run a result points into: its rule (by index or id, in the driver or an
 * extension), the rule's taxa (CWE, OWASP or a house taxonomy), its message strings and its
 * severity. Kept apart from the result loop so each rule is read the same way for every result.
 */

export interface RunParts {
  driver: Json | undefined;
  extensions: unknown[];
  taxonomies: unknown[];
  artifacts: unknown[];
  run: number;
}

function own(o: Json | undefined, key: string): unknown {
  return o && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The rule a result names: by index (which SARIF says wins) or else by id ("CA2101/1" matches rule CA2101). */
export function ruleOf(result: Json, parts: RunParts, ctx: ReadContext, at: (string | number)[]): Json | undefined {
  const ref = obj(result.rule);
  const componentIndex = num(obj(ref?.toolComponent)?.index);
  const component = componentIndex !== undefined ? obj(parts.extensions[componentIndex]) : parts.driver;
  const rules = arr(component?.rules);
  const ruleId = str(result.ruleId) ?? str(ref?.id);
  const index = num(ref?.index) ?? num(result.ruleIndex);
  if (index !== undefined) {
    const rule = obj(rules[index]);
    if (!rule) {
      ctx.problem({ severity: 'warning', location: jsonPath(...at), field: 'ruleIndex', message: `points at rule ${index}, which the run does not list; the result is read without its rule` });
    } else {
      const id = str(rule.id);
      if (ruleId && id && ruleId !== id && !ruleId.startsWith(`${id}/`))
        ctx.problem({ severity: 'warning', location: jsonPath(...at), field: 'ruleId', message: `is ${ruleId} but ruleIndex ${index} points at rule ${id}; the rule at the index is used, as SARIF says` });
      return rule;
    }
  }
  if (!ruleId) return undefined;
  return rules.map(obj).find((r) => {
    const id = str(r?.id);
    return id !== undefined && (id === ruleId || ruleId.startsWith(`${id}/`));
  });
}

/** The message as text: its own text or markdown, else the rule's message string with its arguments filled in. */
export function messageOf(message: unknown, rule: Json | undefined): string | undefined {
  const m = obj(message);
  let text = str(m?.text) ?? str(m?.markdown);
  const id = str(m?.id);
  if (!text && id) {
    const template = obj(own(obj(rule?.messageStrings), id));
    text = str(template?.text) ?? str(template?.markdown);
  }
  const args = arr(m?.arguments).map((a) => (typeof a === 'string' || typeof a === 'number' ? String(a) : ''));
  return text?.replace(/\{(\d+)\}/g, (whole, n: string) => args[Number(n)] ?? whole);
}

const LEVELS = ['error', 'warning', 'note', 'none'] as const;
type Level = (typeof LEVELS)[number];
const levelSeverity: Record<Level, FindingSeverity> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

function levelOf(value: unknown, ctx: ReadContext, at: (string | number)[], field: string): Level | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (LEVELS as readonly string[]).includes(value)) return value as Level;
  ctx.problem({ severity: 'warning', location: jsonPath(...at), field, message: `is not a SARIF level (error, warning, note, none); ignored` });
  return undefined;
}

/**
 * The severity people act on: the CVSS-like security-severity a security tool gives (as GitHub code
 * scanning reads it), else the result's level, else the rule's default level, else SARIF's default
 * "warning". A vulnerability the tool calls "low" but scores 8.2 is high.
 */
export function severityOf(result: Json, rule: Json | undefined, ctx: ReadContext, at: (string | number)[]): FindingSeverity {
  for (const [props, where] of [
    [obj(result.properties), [...at, 'properties']],
    [obj(rule?.properties), [...at, 'rule']],
  ] as const) {
    const raw = props?.['security-severity'];
    if (raw === undefined) continue;
    const score = num(raw);
    if (score !== undefined && score >= 0 && score <= 10) return severityFromScore(score);
    ctx.problem({ severity: 'warning', location: jsonPath(...where), field: 'security-severity', message: 'is not a score from 0 to 10; the level is used instead' });
  }
  const level = levelOf(result.level, ctx, at, 'level') ?? levelOf(obj(rule?.defaultConfiguration)?.level, ctx, [...at, 'rule'], 'defaultConfiguration.level');
  if (level) return levelSeverity[level];
  return str(result.kind) === 'informational' ? 'info' : 'medium';
}

/** A taxon named by a reportingDescriptorReference, as a reference people recognise ("CWE-79", "Requirement levels RQL1001 (Required)"). */
function taxonReference(ref: Json | undefined, parts: RunParts): string | undefined {
  if (!ref) return undefined;
  const component = obj(ref.toolComponent);
  const name = str(component?.name);
  const guid = str(component?.guid)?.toLowerCase();
  const taxonomies = parts.taxonomies.map(obj);
  const index = num(component?.index);
  const taxonomy =
    taxonomies.find((t) => guid !== undefined && str(t?.guid)?.toLowerCase() === guid) ??
    taxonomies.find((t) => name !== undefined && str(t?.name) === name) ??
    (index !== undefined ? taxonomies[index] : undefined);
  const taxa = arr(taxonomy?.taxa).map(obj);
  const id = str(ref.id);
  const taxonIndex = num(ref.index);
  const taxon = (id !== undefined ? taxa.find((t) => str(t?.id) === id) : undefined) ?? (taxonIndex !== undefined ? taxa[taxonIndex] : undefined);
  const taxonId = id ?? str(taxon?.id);
  if (!taxonId) return undefined;
  const family = str(taxonomy?.name) ?? name;
  if (family && /\bcwe\b/i.test(family)) return cweId(taxonId, true) ?? `CWE ${taxonId}`;
  const label = str(taxon?.name);
  return [family, taxonId, label && label !== taxonId ? `(${label})` : undefined].filter(Boolean).join(' ');
}

/** Tags that name a threat: an Assay threat, an OWASP LLM risk, a MITRE ATLAS technique. */
const THREAT_TAG = /^(THR-\d{2}|LLM\d{2}(:20\d{2})?|AML\.T\d{4}(\.\d{3})?)$/i;

/** The threat a rule names in its tags, for the engine to match against the catalog; code rules mostly name none. */
export function threatOf(references: string[]): string | null {
  return references.find((r) => THREAT_TAG.test(r)) ?? null;
}

/** What a result carries as identifiers: rule ids, CWE and other taxa (rule relationships, result taxa, CodeQL-style tags), the help page. */
export function referencesOf(result: Json, rule: Json | undefined, parts: RunParts): string[] {
  const refs: (string | undefined)[] = [str(result.ruleId), str(rule?.id)];
  for (const rel of arr(rule?.relationships)) refs.push(taxonReference(obj(obj(rel)?.target), parts));
  for (const taxon of arr(result.taxa)) refs.push(taxonReference(obj(taxon), parts));
  const props = obj(rule?.properties);
  for (const tag of [...arr(props?.tags), ...arr(props?.cwe)]) {
    const text = str(tag);
    if (text && /cwe/i.test(text)) refs.push(cweId(text));
    else if (text && THREAT_TAG.test(text)) refs.push(text);
  }
  refs.push(str(rule?.helpUri));
  return refs.filter((r): r is string => r !== undefined);
}
