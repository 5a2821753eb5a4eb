import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { type SystemFacts, suggestThreats, threatRules } from '../../shared/domain/threat-suggestions';

/** A system that triggers no rule: an internal deployer tool of an unnamed kind. */
const plain: SystemFacts = {
  name: 'Report helper',
  deployment: 'internal',
  roles: ['deployer'],
  modelTypes: ['other'],
  thirdParty: [],
  personalData: [],
  interactsWithPeople: false,
  decidesAboutPeople: false,
  generatesSyntheticContent: false,
};

const ids = (s: SystemFacts) => suggestThreats(s).map((t) => t.threatId);
const rulesFor = (s: SystemFacts) => new Set(suggestThreats(s).flatMap((t) => t.rules));

/** One case per rule: the system that should trigger it. */
const cases: Record<string, { system: SystemFacts; expects: string[] }> = {
  'llm-reachable-by-outsiders': { system: { ...plain, modelTypes: ['llm'], deployment: 'customer_facing' }, expects: ['THR-08', 'THR-10', 'THR-27'] },
  'llm-reads-outside-content': {
    system: { ...plain, modelTypes: ['llm'], agent: { tools: [], dataReach: ['shared drive'], credentials: [] } },
    expects: ['THR-09'],
  },
  'llm-answers': { system: { ...plain, modelTypes: ['llm'] }, expects: ['THR-23'] },
  'agent-with-tools': {
    system: { ...plain, agent: { tools: [{ name: 'ticketing' }], dataReach: [], credentials: [] } },
    expects: ['THR-18', 'THR-21', 'THR-37'],
  },
  'agent-holds-credentials': { system: { ...plain, agent: { tools: [], dataReach: [], credentials: ['service account'] } }, expects: ['THR-19'] },
  'third-party-data': { system: { ...plain, thirdParty: [{ name: 'Common Crawl subset', kind: 'dataset' }] }, expects: ['THR-01', 'THR-15'] },
  'third-party-model': { system: { ...plain, thirdParty: [{ name: 'Open weights 7B', kind: 'model' }] }, expects: ['THR-14', 'THR-17', 'THR-33'] },
  'third-party-library': { system: { ...plain, thirdParty: [{ name: 'torch', kind: 'library' }] }, expects: ['THR-16'] },
  'personal-data': { system: { ...plain, personalData: ['contact details'] }, expects: ['THR-11'] },
  'personal-data-to-outside-service': {
    system: { ...plain, personalData: ['contact details'], thirdParty: [{ name: 'Hosted LLM API', kind: 'service' }] },
    expects: ['THR-12'],
  },
  'trained-on-personal-data': { system: { ...plain, roles: ['provider'], personalData: ['health data'] }, expects: ['THR-06', 'THR-07'] },
  'public-generative': { system: { ...plain, deployment: 'public', generatesSyntheticContent: true }, expects: ['THR-25', 'THR-35'] },
  generative: { system: { ...plain, modelTypes: ['generative_image'] }, expects: ['THR-36'] },
  'coding-assistant': { system: { ...plain, modelTypes: ['llm'], purpose: 'Suggests code to developers in the IDE' }, expects: ['THR-13'] },
  'decides-about-people': { system: { ...plain, decidesAboutPeople: true }, expects: ['THR-24', 'THR-30'] },
  'predictive-model': { system: { ...plain, modelTypes: ['classifier'] }, expects: ['THR-03', 'THR-26'] },
  recommender: { system: { ...plain, modelTypes: ['recommender'] }, expects: ['THR-34'] },
  'public-endpoint': { system: { ...plain, deployment: 'public' }, expects: ['THR-05', 'THR-22'] },
  provider: { system: { ...plain, roles: ['provider'] }, expects: ['THR-04', 'THR-31'] },
};

describe('threat suggestions from a system’s properties', () => {
  it('suggests nothing for a system no rule concerns', () => {
    expect(ids(plain)).toEqual([]);
  });

  it('has a case below for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(threatRules.map((r) => r.id).sort());
  });

  for (const rule of threatRules) {
    it(`rule ${rule.id}: suggests ${rule.threats.join(', ')} with the reason in words`, () => {
      const { system, expects } = cases[rule.id]!;
      expect(rulesFor(system).has(rule.id)).toBe(true);
      expect(rulesFor(plain).has(rule.id)).toBe(false);
      const suggested = suggestThreats(system);
      for (const id of expects) {
        const s = suggested.find((t) => t.threatId === id);
        expect(s?.reasons).toContain(rule.reason);
      }
    });
  }

  it('an internal LLM gets no prompt-injection suggestion; a customer-facing one does', () => {
    expect(ids({ ...plain, modelTypes: ['llm'] })).not.toContain('THR-08');
    expect(ids({ ...plain, modelTypes: ['llm'], deployment: 'customer_facing' })).toContain('THR-08');
  });

  it('a threat several rules suggest carries every reason once, and lists are sorted by threat id', () => {
    const s = suggestThreats({ ...plain, modelTypes: ['llm', 'agent'], deployment: 'public', agent: { tools: [{ name: 'mail', permissions: 'send' }], dataReach: [], credentials: [] } });
    expect(s.map((t) => t.threatId)).toEqual([...s.map((t) => t.threatId)].sort());
    expect(s.find((t) => t.threatId === 'THR-19')?.rules).toEqual(['agent-holds-credentials']);
    expect(new Set(s.map((t) => t.threatId)).size).toBe(s.length);
  });

  it('names only threats the bundled catalog has, and drops ids a catalog lacks when told which exist', () => {
    const known = new Set(loadBundledCatalog().threats.map((t) => t.id));
    for (const rule of threatRules) for (const id of rule.threats) expect(known.has(id), `${rule.id} names ${id}`).toBe(true);
    expect(ids({ ...plain, roles: ['provider'] })).toEqual(['THR-04', 'THR-31']);
    expect(suggestThreats({ ...plain, roles: ['provider'] }, new Set(['THR-04'])).map((t) => t.threatId)).toEqual(['THR-04']);
  });
});
