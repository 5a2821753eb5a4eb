import type { AiSystemRecord } from './systems';

/**
 * Which catalog threats apply to an AI system, suggested from what the inventory says about it.
 * Each rule names the threats it suggests and says why in words, so the user can judge the
 * suggestion before confirming or dismissing it. Threat ids are the catalog's (frameworks/threats.yaml).
 */

export type SystemFacts = Pick<
  AiSystemRecord,
  'name' | 'deployment' | 'roles' | 'modelTypes' | 'thirdParty' | 'personalData' | 'interactsWithPeople' | 'decidesAboutPeople' | 'generatesSyntheticContent'
> & { purpose?: string | undefined; agent?: AiSystemRecord['agent'] };

export interface ThreatRule {
  id: string;
  threats: readonly string[];
  applies(s: SystemFacts): boolean;
  reason: string;
}

const has = (s: SystemFacts, ...types: SystemFacts['modelTypes']) => s.modelTypes.some((t) => types.includes(t));
const llm = (s: SystemFacts) => has(s, 'llm');
const reachable = (s: SystemFacts) => s.deployment !== 'internal';
const generative = (s: SystemFacts) => s.generatesSyntheticContent || has(s, 'generative_image', 'generative_audio', 'generative_video');
const isAgent = (s: SystemFacts) => has(s, 'agent') || (s.agent?.tools.length ?? 0) > 0;
const thirdParty = (s: SystemFacts, kind: SystemFacts['thirdParty'][number]['kind']) => s.thirdParty.some((t) => t.kind === kind);
const provider = (s: SystemFacts) => s.roles.includes('provider') || s.roles.includes('gpai_provider');
/** The inventory has no "coding assistant" field; its name or purpose says so. */
const writesCode = (s: SystemFacts) => /\b(cod(e|ing)|programming|developer|software engineer)/i.test(`${s.name} ${s.purpose ?? ''}`);

export const threatRules: readonly ThreatRule[] = [
  {
    id: 'llm-reachable-by-outsiders',
    threats: ['THR-08', 'THR-10', 'THR-27'],
    applies: (s) => llm(s) && reachable(s),
    reason: 'a language model that customers or the public can prompt directly',
  },
  {
    id: 'llm-reads-outside-content',
    threats: ['THR-09'],
    applies: (s) => llm(s) && (isAgent(s) || (s.agent?.dataReach.length ?? 0) > 0),
    reason: 'a language model that reads content from tools or data sources it does not control',
  },
  {
    id: 'llm-answers',
    threats: ['THR-23'],
    applies: (s) => llm(s),
    reason: 'a language model can state wrong things with confidence',
  },
  {
    id: 'agent-with-tools',
    threats: ['THR-18', 'THR-21', 'THR-37'],
    applies: isAgent,
    reason: 'an agent that acts through tools on its own',
  },
  {
    id: 'agent-holds-credentials',
    threats: ['THR-19'],
    applies: (s) => (s.agent?.credentials.length ?? 0) > 0 || (s.agent?.tools.some((t) => Boolean(t.permissions)) ?? false),
    reason: 'an agent that holds credentials or tool permissions (a non-human identity)',
  },
  {
    id: 'third-party-data',
    threats: ['THR-01', 'THR-15'],
    applies: (s) => thirdParty(s, 'dataset'),
    reason: 'trained or tuned on datasets from a third party',
  },
  {
    id: 'third-party-model',
    threats: ['THR-14', 'THR-17', 'THR-33'],
    applies: (s) => thirdParty(s, 'model'),
    reason: 'built on a pre-trained model from a third party',
  },
  {
    id: 'third-party-library',
    threats: ['THR-16'],
    applies: (s) => thirdParty(s, 'library'),
    reason: 'depends on third-party machine-learning libraries',
  },
  {
    id: 'personal-data',
    threats: ['THR-11'],
    applies: (s) => s.personalData.length > 0,
    reason: 'processes personal data that could appear in its outputs',
  },
  {
    id: 'personal-data-to-outside-service',
    threats: ['THR-12'],
    applies: (s) => s.personalData.length > 0 && thirdParty(s, 'service'),
    reason: 'sends personal data to an AI service run by a third party',
  },
  {
    id: 'trained-on-personal-data',
    threats: ['THR-06', 'THR-07'],
    applies: (s) => s.personalData.length > 0 && provider(s),
    reason: 'a model the organisation provides, trained on personal data',
  },
  {
    id: 'public-generative',
    threats: ['THR-25', 'THR-35'],
    applies: (s) => generative(s) && reachable(s),
    reason: 'generates synthetic content that reaches customers or the public',
  },
  {
    id: 'generative',
    threats: ['THR-36'],
    applies: generative,
    reason: 'generates content that may reproduce protected works',
  },
  {
    id: 'coding-assistant',
    threats: ['THR-13'],
    applies: (s) => llm(s) && writesCode(s),
    reason: 'an assistant whose name or purpose says it writes code',
  },
  {
    id: 'decides-about-people',
    threats: ['THR-24', 'THR-30'],
    applies: (s) => s.decidesAboutPeople,
    reason: 'makes or supports decisions about people',
  },
  {
    id: 'predictive-model',
    threats: ['THR-03', 'THR-26'],
    applies: (s) => has(s, 'classifier', 'regression', 'computer_vision', 'forecasting'),
    reason: 'a predictive model whose inputs can be crafted and whose accuracy drifts',
  },
  {
    id: 'recommender',
    threats: ['THR-34'],
    applies: (s) => has(s, 'recommender'),
    reason: 'a recommender that learns from the reactions to its own output',
  },
  {
    id: 'public-endpoint',
    threats: ['THR-05', 'THR-22'],
    applies: (s) => s.deployment === 'public',
    reason: 'open to the public, who can query it at scale',
  },
  {
    id: 'provider',
    threats: ['THR-04', 'THR-31'],
    applies: provider,
    reason: 'the organisation provides the system and keeps its model and technical documentation',
  },
];

export interface ThreatSuggestion {
  threatId: string;
  /** One reason per rule that suggests the threat, in the order of the rules. */
  reasons: string[];
  rules: string[];
}

/** The threats the rules suggest for a system, in threat-id order; `known` keeps only threats the catalog has. */
export function suggestThreats(system: SystemFacts, known?: ReadonlySet<string>): ThreatSuggestion[] {
  const found = new Map<string, ThreatSuggestion>();
  for (const rule of threatRules) {
    if (!rule.applies(system)) continue;
    for (const threatId of rule.threats) {
      if (known && !known.has(threatId)) continue;
      const s = found.get(threatId) ?? { threatId, reasons: [], rules: [] };
      s.reasons.push(rule.reason);
      s.rules.push(rule.id);
      found.set(threatId, s);
    }
  }
  return [...found.values()].sort((a, b) => a.threatId.localeCompare(b.threatId));
}
