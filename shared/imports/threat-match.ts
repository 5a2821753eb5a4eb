/**
 * Sources name threats in their own words ("Prompt injection via e-mail", "Data poisoning"). A
 * threat id or exact name matches at once; anything else gets candidates ranked by shared words,
 * and the preview proposes the best one only when it is clearly close: a wrong silent match would
 * be worse than an unmatched risk the user sees.
 */

export interface ThreatLike {
  id: string;
  name: string;
}

export interface ThreatMatch {
  /** The matched threat id, or null when the text needs a decision. */
  exact: string | null;
  candidates: { id: string; name: string; score: number }[];
  /** What the preview proposes: a threat id, or 'none'. */
  proposal: string;
}

const STOP = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'in', 'on', 'for', 'by', 'with', 'via', 'from', 'or', 'through', 'ai', 'risk', 'attack', 'attacks', 'threat']);

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** Share of the catalog name's words found in the text, weighted by the text's own length. */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w) || [...sb].some((x) => x.length > 5 && w.length > 5 && (x.startsWith(w.slice(0, 6)) || w.startsWith(x.slice(0, 6))))) shared++;
  return (2 * shared) / (sa.size + sb.size);
}

export const PROPOSE_AT = 0.5;

export function matchThreat(text: string, threats: readonly ThreatLike[]): ThreatMatch {
  const t = text.trim();
  const byId = threats.find((x) => x.id.toLowerCase() === t.toLowerCase());
  if (byId) return { exact: byId.id, candidates: [], proposal: byId.id };
  const norm = (s: string) => words(s).join(' ');
  const byName = threats.find((x) => norm(x.name) === norm(t) && norm(t) !== '');
  if (byName) return { exact: byName.id, candidates: [], proposal: byName.id };
  const w = words(t);
  const candidates = threats
    .map((x) => ({ id: x.id, name: x.name, score: Math.round(similarity(w, words(x.name)) * 100) / 100 }))
    .filter((c) => c.score > 0)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, 5);
  const best = candidates[0];
  return { exact: null, candidates, proposal: best && best.score >= PROPOSE_AT ? best.id : 'none' };
}
