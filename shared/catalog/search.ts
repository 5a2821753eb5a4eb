import { displayId } from './labels';
import { type CatalogIndex, itemTitle } from './trace';

export type SearchKind = 'framework' | 'requirement' | 'threat' | 'control';

export interface SearchEntry {
  kind: SearchKind;
  /** What the catalog browser opens: a framework id, a requirement ref, a threat or control id. */
  key: string;
  id: string;
  /** The id as shown to a reader; empty where the id is only a slug. */
  shownId: string;
  title: string;
  /** Where it belongs, e.g. the framework's short name. */
  context: string;
  /** What it is: article, subcategory, technique, threat, control, framework. */
  label: string;
  idText: string;
  titleText: string;
  bodyText: string;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
}

const kindOrder: Record<SearchKind, number> = { threat: 0, control: 1, requirement: 2, framework: 3 };

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function entry(kind: SearchKind, label: string, key: string, id: string, title: string, context: string, body: string[], shownId = id): SearchEntry {
  return { kind, label, key, id, shownId, title, context, idText: fold(id), titleText: fold(title), bodyText: fold(body.join(' \u0001 ')) };
}

/** Flattens frameworks, their items, threats and controls into one searchable list. */
export function searchEntries(index: CatalogIndex): SearchEntry[] {
  const list: SearchEntry[] = [];
  for (const f of index.catalog.frameworks) {
    list.push(entry('framework', 'framework', f.id, f.short_name, f.name, f.publisher, [f.id, f.version, ...(f.notes ?? [])]));
    for (const item of f.items)
      list.push(
        entry(
          'requirement',
          item.kind,
          `${f.id}:${item.id}`,
          item.id,
          itemTitle(item),
          f.short_name,
          [item.title ?? '', item.label ?? '', item.summary ?? '', ...(item.aliases ?? [])],
          displayId(f, item),
        ),
      );
  }
  for (const t of index.catalog.threats) list.push(entry('threat', 'threat', t.id, t.id, t.name, 'AI threat', [t.description, ...t.assets]));
  for (const c of index.catalog.controls) list.push(entry('control', 'control', c.id, c.id, c.name, 'Control', [c.objective, c.guidance, ...c.evidence]));
  return list;
}

/** Ids with a digit are identifiers (Art. 9, GOVERN 1.1, AML.T0051); slugs like "aiprogram" are only names. */
const isIdentifier = (id: string) => /\d/.test(id);

const alnum = /[\p{L}\p{N}]/u;

/**
 * Whether `text` contains `term` as a whole token or the start of one: "9" is found in "Art. 9(2)" but
 * not in "Art. 19" or "Art. 90", so a number never matches inside a longer number.
 */
function tokenIncludes(text: string, term: string): boolean {
  const endsInDigit = /\d$/.test(term);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = text[at - 1];
    const after = text[at + term.length];
    if ((before === undefined || !alnum.test(before)) && !(endsInDigit && after !== undefined && /\d/.test(after))) return true;
  }
  return false;
}

/** `id` starts with `prefix` and the prefix ends on a boundary: "art. 9" starts "art. 9(2)" but not "art. 90". */
function startsOnBoundary(id: string, prefix: string): boolean {
  if (!id.startsWith(prefix)) return false;
  const next = id[prefix.length];
  return next === undefined || !alnum.test(prefix.at(-1)!) || !alnum.test(next);
}

function termScore(e: SearchEntry, term: string): number {
  const numeric = /\d/.test(term);
  let id = 0;
  if (isIdentifier(e.idText)) {
    if (e.idText === term) id = 100;
    else if (startsOnBoundary(e.idText, term)) id = 60;
    else if (numeric ? tokenIncludes(e.idText, term) : e.idText.includes(term)) id = 20;
  }
  let title = 0;
  const at = e.titleText.indexOf(term);
  if (at === 0) title = 45;
  else if (at > 0) title = /\w/.test(e.titleText[at - 1]!) ? 30 : 40;
  const best = Math.max(id, title);
  if (best > 0) return best;
  return (numeric ? tokenIncludes(e.bodyText, term) : e.bodyText.includes(term)) ? 10 : 0;
}

const byScoreThenCatalogOrder = (a: SearchHit, b: SearchHit) =>
  b.score - a.score || kindOrder[a.entry.kind] - kindOrder[b.entry.kind] || a.entry.id.localeCompare(b.entry.id, 'en', { numeric: true });

/**
 * A query with a number that names items by id ("Art. 9", "GOVERN 1", "AML.T0051") finds those
 * items and the ones below them (Art. 9(1), 9(2), ...) and nothing else: Art. 19 or Art. 90 mentioning
 * a 9 somewhere is noise for someone looking up an article. Undefined when no id matches.
 */
function idLookup(entries: SearchEntry[], q: string, kinds?: SearchKind[]): SearchHit[] | undefined {
  if (!/\d/.test(q) || q.split(/\s+/).length > 3) return undefined;
  const hits: SearchHit[] = [];
  for (const e of entries) {
    if ((kinds && !kinds.includes(e.kind)) || !isIdentifier(e.idText)) continue;
    if (e.idText === q) hits.push({ entry: e, score: 300 });
    else if (startsOnBoundary(e.idText, q)) hits.push({ entry: e, score: 150 });
  }
  return hits.length > 0 ? hits : undefined;
}

/**
 * Every term of the query must match an entry's id, title or text; ids weigh most, then
 * titles. The whole query is also tried as one id ("Art. 9(2)", "GOVERN 1.1").
 */
export function searchCatalog(entries: SearchEntry[], query: string, options: { limit?: number; kinds?: SearchKind[] } = {}): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const lookup = idLookup(entries, q, options.kinds);
  if (lookup) return lookup.sort(byScoreThenCatalogOrder).slice(0, options.limit ?? 100);
  const terms = q.split(/\s+/).filter(Boolean);
  const hits: SearchHit[] = [];
  for (const e of entries) {
    if (options.kinds && !options.kinds.includes(e.kind)) continue;
    let score = 0;
    if (e.idText === q) score += 200;
    else if (terms.length > 1 && e.idText.startsWith(q)) score += 120;
    // The query as typed, found as a phrase in the title, beats the same words scattered.
    if (terms.length > 1 && e.titleText.includes(q)) score += 60;
    let all = true;
    for (const term of terms) {
      const s = termScore(e, term);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all || score >= 120) hits.push({ entry: e, score });
  }
  // On equal scores the catalog's own threats and controls come first: they are what users act on.
  hits.sort(byScoreThenCatalogOrder);
  return hits.slice(0, options.limit ?? 100);
}
