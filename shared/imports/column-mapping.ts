import { AssayError } from '../errors';
import type { ColumnMapping } from './model';

/**
 * Which column of a table feeds which field: suggested from the header names (synonyms people and
 * other GRC tools use), then a saved mapping for the same source, then the user's own column=field
 * pairs on top. Pure: the reader gives the columns, the engine and the command line show the result.
 */

export interface FieldSpec {
  id: string;
  label: string;
  required: boolean;
  /** Header names that mean this field, best first (compared after normaliseHeader). */
  synonyms: readonly string[];
  /** Weaker names used only when no column matched a synonym (e.g. CISO Assistant's current_proba). */
  fallbacks?: readonly string[];
}

/** "Inherent_Likelihood (1-5)" → "inherent likelihood": case, separators and bracketed notes dropped. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[_\-./:#*?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const riskFields: readonly FieldSpec[] = [
  { id: 'id', label: 'Risk ID', required: false, synonyms: ['risk id', 'ref id', 'id', 'ref', 'reference', 'risk ref', 'risk no', 'risk number', 'no'] },
  { id: 'title', label: 'Risk title', required: true, synonyms: ['risk title', 'title', 'name', 'risk name', 'risk', 'risk scenario name'] },
  { id: 'description', label: 'Description', required: false, synonyms: ['description', 'risk description', 'details', 'risk details'] },
  { id: 'system', label: 'System', required: false, synonyms: ['system', 'ai system', 'asset', 'assets', 'system name', 'application', 'affected system'] },
  { id: 'threat', label: 'Threat', required: false, synonyms: ['threat', 'threats', 'scenario', 'threat scenario', 'threat source'] },
  {
    id: 'likelihood',
    label: 'Likelihood',
    required: true,
    synonyms: ['likelihood', 'probability', 'proba', 'inherent likelihood', 'inherent probability', 'inherent proba', 'likelihood score'],
    fallbacks: ['current proba', 'current likelihood', 'current probability'],
  },
  {
    id: 'impact',
    label: 'Impact',
    required: true,
    synonyms: ['impact', 'severity', 'consequence', 'inherent impact', 'inherent severity', 'impact score'],
    fallbacks: ['current impact', 'current severity'],
  },
  { id: 'treatment', label: 'Treatment', required: false, synonyms: ['treatment', 'response', 'strategy', 'risk treatment', 'risk response', 'treatment strategy', 'treatment option'] },
  {
    id: 'residualLikelihood',
    label: 'Residual likelihood',
    required: false,
    synonyms: ['residual likelihood', 'residual proba', 'residual probability', 'target likelihood'],
    fallbacks: ['current proba', 'current likelihood'],
  },
  { id: 'residualImpact', label: 'Residual impact', required: false, synonyms: ['residual impact', 'residual severity', 'target impact'], fallbacks: ['current impact'] },
  { id: 'owner', label: 'Owner', required: false, synonyms: ['owner', 'risk owner', 'owners', 'responsible', 'accountable'] },
  { id: 'reviewDate', label: 'Review date', required: false, synonyms: ['review date', 'next review', 'due', 'due date', 'review by', 'target date'] },
  { id: 'status', label: 'Status', required: false, synonyms: ['status', 'risk status', 'state'] },
  {
    id: 'controls',
    label: 'Controls',
    required: false,
    synonyms: ['controls', 'applied controls', 'existing applied controls', 'existing controls', 'control ids', 'mitigating controls'],
  },
  { id: 'approver', label: 'Approver', required: false, synonyms: ['approver', 'accepted by', 'approved by', 'acceptance approver', 'risk acceptor'] },
  { id: 'acceptanceExpiry', label: 'Acceptance expiry', required: false, synonyms: ['acceptance expiry', 'acceptance expires', 'accepted until', 'acceptance end date', 'expiry'] },
  { id: 'rationale', label: 'Justification', required: false, synonyms: ['justification', 'rationale', 'acceptance rationale', 'comment', 'comments'] },
];

export const controlFields: readonly FieldSpec[] = [
  { id: 'id', label: 'Control ID', required: false, synonyms: ['control id', 'ref id', 'id', 'ref', 'reference', 'control ref'] },
  { id: 'name', label: 'Control name', required: true, synonyms: ['control title', 'control name', 'name', 'title', 'control'] },
  { id: 'description', label: 'Description', required: false, synonyms: ['description', 'objective', 'control description', 'control objective'] },
  { id: 'status', label: 'Status', required: false, synonyms: ['status', 'state', 'implementation status', 'control status'] },
  { id: 'category', label: 'Type', required: false, synonyms: ['category', 'type', 'control type', 'nature'] },
  { id: 'owner', label: 'Owner', required: false, synonyms: ['owner', 'control owner', 'owners', 'responsible'] },
  { id: 'dueDate', label: 'Due date', required: false, synonyms: ['eta', 'due date', 'due', 'target date', 'deadline', 'planned date'] },
  { id: 'nextReview', label: 'Next review', required: false, synonyms: ['next review', 'review date', 'expiry date', 'expiry'] },
  { id: 'lastReview', label: 'Last review', required: false, synonyms: ['last review', 'last reviewed', 'tested on', 'last tested'] },
  { id: 'notes', label: 'Notes', required: false, synonyms: ['observation', 'notes', 'audit methodology', 'comments', 'comment', 'test procedure'] },
  { id: 'mappedTo', label: 'Catalog controls or requirements', required: false, synonyms: ['reference control', 'catalog control', 'mapped to', 'requirements', 'requirement'] },
  { id: 'justification', label: 'Justification', required: false, synonyms: ['justification', 'not applicable reason', 'rationale'] },
];

export interface MappingChoice {
  /** A saved mapping (column → field), applied over the suggestion. */
  saved?: { name: string; mapping: Record<string, string> };
  /** The user's column=field pairs, applied last; "" or "-" as the field leaves the column out. */
  given?: Record<string, string>;
}

function suggest(columns: readonly string[], fields: readonly FieldSpec[]): Record<string, string> {
  const candidates: { column: string; field: string; rank: number }[] = [];
  for (const column of columns) {
    const name = normaliseHeader(column);
    for (const f of fields) {
      const exact = f.synonyms.indexOf(name);
      if (exact !== -1) candidates.push({ column, field: f.id, rank: exact });
      const fallback = f.fallbacks?.indexOf(name) ?? -1;
      if (fallback !== -1) candidates.push({ column, field: f.id, rank: 100 + fallback });
      // "Inherent likelihood of harm": a longer header that contains a synonym made of words.
      const partial = exact === -1 && fallback === -1 ? f.synonyms.findIndex((s) => s.length > 3 && ` ${name} `.includes(` ${s} `)) : -1;
      if (partial !== -1) candidates.push({ column, field: f.id, rank: 50 + partial });
    }
  }
  candidates.sort((x, y) => x.rank - y.rank || columns.indexOf(x.column) - columns.indexOf(y.column));
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== undefined || used.has(c.field)) continue;
    mapping[c.column] = c.field;
    used.add(c.field);
  }
  return mapping;
}

/** Applies pairs over a mapping: a field keeps one column, so a given column takes it from the suggested one. */
function over(mapping: Record<string, string>, pairs: Record<string, string>, columns: readonly string[], fields: readonly FieldSpec[]): Record<string, string> {
  const out = new Map(Object.entries(mapping));
  const known = new Set(fields.map((f) => f.id));
  for (const [column, field] of Object.entries(pairs)) {
    const actual = columns.find((c) => c === column) ?? columns.find((c) => normaliseHeader(c) === normaliseHeader(column));
    if (!actual) continue;
    if (field === '' || field === '-') {
      out.delete(actual);
      continue;
    }
    if (!known.has(field)) continue;
    for (const [c, f] of out) if (f === field) out.delete(c);
    out.set(actual, field);
  }
  return Object.fromEntries(out);
}

/** Pairs that name no column or no field, as messages (the engine shows them as errors). */
export function mappingPairProblems(columns: readonly string[], pairs: Record<string, string>, fields: readonly FieldSpec[]): string[] {
  const known = new Set(fields.map((f) => f.id));
  const problems: string[] = [];
  for (const [column, field] of Object.entries(pairs)) {
    if (!columns.some((c) => c === column || normaliseHeader(c) === normaliseHeader(column)))
      problems.push(`--map ${column}=${field}: the table has no column "${column}" (its columns: ${columns.join(', ')})`);
    else if (field !== '' && field !== '-' && !known.has(field)) problems.push(`--map ${column}=${field}: "${field}" is not a field (fields: ${[...known].join(', ')})`);
  }
  return problems;
}

export function mapColumns(
  columns: readonly string[],
  fields: readonly FieldSpec[],
  choice: MappingChoice = {},
  where: { sheet: string | null; headerRow: number | null } = { sheet: null, headerRow: null },
): ColumnMapping {
  let mapping = suggest(columns, fields);
  if (choice.saved) mapping = over({}, choice.saved.mapping, columns, fields);
  if (choice.given) mapping = over(mapping, choice.given, columns, fields);
  const matched = new Set(Object.values(mapping));
  return {
    columns: [...columns],
    mapping,
    fields: fields.map((f) => ({ id: f.id, label: f.label, required: f.required })),
    unmatchedRequired: fields.filter((f) => f.required && !matched.has(f.id)).map((f) => f.id),
    origin: choice.given && Object.keys(choice.given).length ? 'given' : choice.saved ? 'saved' : 'suggested',
    savedName: choice.saved?.name ?? null,
    sheet: where.sheet,
    headerRow: where.headerRow,
  };
}

/** The columns no field uses. */
export function unmappedColumns(m: ColumnMapping): string[] {
  return m.columns.filter((c) => m.mapping[c] === undefined);
}

/**
 * What to tell a person when required fields have no column: which fields, which columns are
 * left, and how to pass --map. The engine's problem and the command line's exit message both use it.
 */
export function unmatchedMessage(m: ColumnMapping, file: string): string | null {
  if (m.unmatchedRequired.length === 0) return null;
  const label = (id: string) => m.fields.find((f) => f.id === id)?.label ?? id;
  const free = unmappedColumns(m);
  const fields = m.unmatchedRequired.map((f) => `${label(f)} (${f})`).join(', ');
  const columns = free.length ? `unmatched columns: ${free.map((c) => JSON.stringify(c)).join(', ')}` : 'every column is already mapped';
  const example = `${free[0] ?? '<column>'}=${m.unmatchedRequired[0]}`;
  return `${file}: no column was matched to ${fields}; ${columns}. Name the column for each with --map <column>=<field>, e.g. --map ${JSON.stringify(example)}`;
}

/** Reads "column=field" pairs as the command line takes them (the last = splits, so a column may contain =). */
export function parseMapPairs(pairs: readonly string[], option = '--map', form = '<column>=<field>'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new AssayError('usage', `${option} ${pair}: write it as ${form}`);
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/** Every header name the field lists know, normalised: what finding a header row looks for. */
export const knownHeaders: ReadonlySet<string> = new Set(
  [...riskFields, ...controlFields].flatMap((f) => [...f.synonyms, ...(f.fallbacks ?? [])]),
);
