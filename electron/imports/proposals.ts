import type { ImportOptionsParsed, SystemProposal, ThreatProposal } from '../../shared/imports/model';
import { matchThreat } from '../../shared/imports/threat-match';
import { AssayError } from '../../shared/errors';
import type { Assessment } from '../store/assessment';
import { listSystems } from '../store/systems';
import type { ImportRecord } from './importer';

/**
 * Sources name systems and threats the assessment may not have. Nothing is refused for that: each
 * distinct name gets a proposal (create the system or use an existing one or skip its rows; match
 * the threat to a catalog threat or keep it unmatched), which the user can change in the preview
 * or with options. The same decision then applies to every record that names it.
 */

export interface Resolution {
  systems: SystemProposal[];
  threats: ThreatProposal[];
  /** Name as the source writes it → existing id, 'new', or 'skip'. */
  systemOf(name: string | null): string | 'new' | 'skip' | null;
  threatOf(text: string | null): string | null;
}

const key = (s: string) => s.trim().toLowerCase();

export function resolveNames(a: Assessment, records: readonly ImportRecord[], options: ImportOptionsParsed): Resolution {
  const existing = listSystems(a);
  const byKey = new Map<string, string>();
  for (const s of existing) {
    byKey.set(key(s.id), s.id);
    byKey.set(key(s.name), s.id);
  }
  const systemCounts = new Map<string, { name: string; n: number }>();
  const threatCounts = new Map<string, { text: string; n: number }>();
  for (const r of records) {
    if (r.system !== null && r.system.trim() !== '' && !byKey.has(key(r.system))) {
      const k = key(r.system);
      systemCounts.set(k, { name: systemCounts.get(k)?.name ?? r.system.trim(), n: (systemCounts.get(k)?.n ?? 0) + 1 });
    }
    if (r.threat !== null && r.threat.trim() !== '') {
      const k = key(r.threat);
      threatCounts.set(k, { text: threatCounts.get(k)?.text ?? r.threat.trim(), n: (threatCounts.get(k)?.n ?? 0) + 1 });
    }
  }
  const decided = new Map(Object.entries(options.systems ?? {}).map(([k, v]) => [key(k), v.trim()]));
  const systems: SystemProposal[] = [...systemCounts.values()].map(({ name, n }) => {
    const given = decided.get(key(name));
    let decision = 'create';
    if (given !== undefined) {
      if (given === 'create' || given === 'skip') decision = given;
      else {
        const id = byKey.get(key(given));
        if (!id) throw new AssayError('invalid_input', `systems: "${name}" is to be matched to "${given}", which is not an AI system of this assessment (give its id, its exact name, create or skip)`);
        decision = id;
      }
    }
    return { name, records: n, decision };
  });
  const systemDecision = new Map(systems.map((s) => [key(s.name), s.decision]));

  const threats = a.catalog().threats;
  const threatIds = new Set(threats.map((t) => t.id));
  const chosen = new Map(Object.entries(options.threats ?? {}).map(([k, v]) => [key(k), v.trim()]));
  const matched = new Map<string, string | null>();
  const proposals: ThreatProposal[] = [];
  for (const [k, { text, n }] of threatCounts) {
    const m = matchThreat(text, threats);
    const given = chosen.get(k);
    if (given !== undefined && given !== 'none' && !threatIds.has(given))
      throw new AssayError('invalid_input', `threats: "${text}" is to be matched to ${given}, which is not a threat in this assessment's catalog (assay catalog lists them; or none)`);
    const decision = given ?? m.proposal;
    matched.set(k, decision === 'none' ? null : decision);
    // A threat named by its id or exact name needs no decision; the others are listed for the user.
    if (m.exact === null || given !== undefined) proposals.push({ text, records: n, decision, candidates: m.candidates.map(({ id, name }) => ({ id, name })) });
  }
  return {
    systems,
    threats: proposals,
    systemOf(name) {
      if (name === null || name.trim() === '') return null;
      return byKey.get(key(name)) ?? (systemDecision.get(key(name)) === 'create' ? 'new' : (systemDecision.get(key(name)) ?? null));
    },
    threatOf(text) {
      if (text === null || text.trim() === '') return null;
      return matched.get(key(text)) ?? null;
    },
  };
}
