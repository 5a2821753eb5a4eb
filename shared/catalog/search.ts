import { type CatalogIndex, itemTitle } from './trace';

export type SearchKind = 'framework' | 'requirement' | 'threat' | 'control';

export interface SearchEntry {
  kind: SearchKind;
  /** What the catalog browser opens: a framework id, a requirement ref, a threat or control id. */
  key: string;
  id: string;
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

function entry(kind: SearchKind, label: string, key: string, id: string, title: string, context: string, body: string[]): SearchEntry {
  return { kind, label, key, id, title, context, idText: fold(id), titleText: fold(title), bodyText: fold(body.join(' \u0001 ')) };
}

/** Flattens frameworks, their items, threats and controls into one searchable list. */
export function searchEntries(index: CatalogIndex): SearchEntry[] {
  const list: SearchEntry[] = [];
  for (const f of index.catalog.frameworks) {
    list.push(entry('framework', 'framework', f.id, f.short_name, f.name, f.publisher, [f.id, f.version, ...(f.notes ?? [])]));
    for (const item of f.items)
      list.push(
        entry('requirement', item.kind, `${f.id}:${item.id}`, item.id, itemTitle(item), f.short_name, [
          item.title ?? '',
          item.label ?? '',
          item.summary ?? '',
          ...(item.aliases ?? []),
        ]),
      );
  }
  for (const t of index.catalog.threats) list.push(entry('threat', 'threat', t.id, t.id, t.name, 'AI threat', [t.description, ...t.assets]));
  for (const c of index.catalog.controls) list.push(entry('control', 'control', c.id, c.id, c.name, 'Control', [c.objective, c.guidance, ...c.evidence]));
  return list;
}

/** Ids with a digit are identifiers (Art. 9, GOVERN 1.1, AML.T0051); slugs like "aiprogram" are only names. */
const isIdentifier = (id: string) => /\d/.test(id);

function termScore(e: SearchEntry, term: string): number {
  let id = 0;
  if (isIdentifier(e.idText)) {
    if (e.idText === term) id = 100;
    else if (e.idText.startsWith(term)) id = 60;
    else if (e.idText.includes(term)) id = 20;
  }
  let title = 0;
  const at = e.titleText.indexOf(term);
  if (at === 0) title = 45;
  else if (at > 0) title = /\w/.test(e.titleText[at - 1]!) ? 30 : 40;
  const best = Math.max(id, title);
  if (best > 0) return best;
  return e.bodyText.includes(term) ? 10 : 0;
}

/**
 * Every term of the query must match an entry's id, title or text; ids weigh most, then
 * titles. The whole query is also tried as one id ("Art. 9(2)", "GOVERN 1.1").
 */
export function searchCatalog(entries: SearchEntry[], query: string, options: { limit?: number; kinds?: SearchKind[] } = {}): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
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
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      kindOrder[a.entry.kind] - kindOrder[b.entry.kind] ||
      a.entry.id.localeCompare(b.entry.id, 'en', { numeric: true }),
  );
  return hits.slice(0, options.limit ?? 100);
}
