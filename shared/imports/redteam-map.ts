import { z } from 'zod';
import { ThreatId } from '../catalog/schema';

/**
 * The mapping table kept in frameworks/mappings/redteam-threats.yaml: what a garak probe family, a
 * promptfoo plugin or an AVID taxonomy code demonstrates, as Assay threats and OWASP LLM 2025 ids,
 * and the translation of garak's owasp:llmNN tags (2023 numbering) to 2025 ids.
 */

const Owasp2025 = z.string().regex(/^LLM(0[1-9]|10):2025$/, 'an OWASP LLM 2025 id looks like LLM01:2025');
export const RedteamTarget = z.object({ threats: z.array(ThreatId).max(5), owasp: z.array(Owasp2025).max(5) }).strict();
export type RedteamTarget = z.infer<typeof RedteamTarget>;

export const RedteamMap = z
  .object({
    owasp_2023: z.record(z.string().regex(/^llm(0[1-9]|10)$/), z.object({ was: z.string().min(3), owasp: z.array(Owasp2025).min(1) }).strict()),
    garak: z.record(z.string().regex(/^[a-z0-9_]+$/), RedteamTarget),
    promptfoo: z.record(z.string().regex(/^[a-z0-9:-]+$/), RedteamTarget),
    avid: z.record(z.string().regex(/^[A-Z]\d{4}$/), RedteamTarget),
  })
  .strict();
export type RedteamMap = z.infer<typeof RedteamMap>;

const none: RedteamTarget = { threats: [], owasp: [] };

/** A garak probe ("dan.Dan_11_0") through its family. */
export function garakTarget(map: RedteamMap, probe: string): RedteamTarget {
  return map.garak[probe.split('.')[0]!.toLowerCase()] ?? none;
}

/** A promptfoo plugin ("harmful:hate"): the exact plugin first, then its family. */
export function promptfooTarget(map: RedteamMap, plugin: string): RedteamTarget {
  const id = plugin.trim().toLowerCase();
  return map.promptfoo[id] ?? map.promptfoo[id.split(':')[0]!] ?? none;
}

/** garak's "owasp:llm06" tags (2023 numbering) as 2025 ids. */
export function owaspOfGarakTags(map: RedteamMap, tags: readonly string[]): string[] {
  return tags.flatMap((t) => {
    const m = /^owasp:(llm\d\d)$/i.exec(t.trim());
    return m ? (map.owasp_2023[m[1]!.toLowerCase()]?.owasp ?? []) : [];
  });
}

/** AVID's SEP codes ("E0101: Group fairness") as one target, threats and ids in order, without repeats. */
export function avidTarget(map: RedteamMap, sepView: readonly string[]): RedteamTarget {
  const hits = sepView.map((s) => map.avid[s.trim().slice(0, 5)]).filter((t): t is RedteamTarget => Boolean(t));
  return { threats: [...new Set(hits.flatMap((h) => h.threats))], owasp: [...new Set(hits.flatMap((h) => h.owasp))] };
}
