import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { loadRedteamMap } from '../../electron/imports/formats/redteam-map';
import { addDays } from '../../shared/domain/dates';
import { type Lifecycle, acceptanceExpired, defconOfPassRate, isOverdue, lifecycleProblems, nextLifecycle, severityOfDefcon } from '../../shared/domain/findings/lifecycle';
import { avidTarget, garakTarget, owaspOfGarakTags, promptfooTarget } from '../../shared/imports/redteam-map';

const today = '2026-05-10';
const open: Lifecycle = { status: 'open', reason: null, evidence: [], approver: null, expiresOn: null, owner: null, dueDate: null };
const fields = (c: Parameters<typeof lifecycleProblems>[1], from: Lifecycle = open) => lifecycleProblems(from, c, today).map((p) => p.field);

describe('finding lifecycle rules', () => {
  it('each state asks for what it needs', () => {
    expect(fields({ status: 'risk_accepted' })).toEqual(['approver', 'expiresOn']);
    expect(fields({ status: 'risk_accepted', approver: 'p1', expiresOn: today })).toEqual(['expiresOn']);
    expect(fields({ status: 'risk_accepted', approver: 'p1', expiresOn: addDays(today, 90) })).toEqual([]);
    expect(fields({ status: 'false_positive' })).toEqual(['reason']);
    expect(fields({ status: 'false_positive', reason: 'the detector matched a quoted refusal' })).toEqual([]);
    expect(fields({ status: 'fixed' })).toEqual(['evidence']);
    expect(fields({ status: 'fixed', evidence: ['EV-001'] })).toEqual([]);
    expect(fields({ status: 'fixed', reason: 'system prompt hardened, re-run clean' })).toEqual([]);
    expect(fields({ status: 'in_remediation' })).toEqual(['owner']);
    expect(fields({ status: 'in_remediation', owner: 'p2' })).toEqual([]);
    expect(fields({ status: 'open' })).toEqual([]);
  });

  it("refuses fields of another state, and clears them on the way out", () => {
    expect(fields({ status: 'in_remediation', owner: 'p2', approver: 'p1' })).toEqual(['approver']);
    expect(fields({ evidence: ['EV-001'] })).toEqual(['evidence']);
    const accepted: Lifecycle = { ...open, status: 'risk_accepted', approver: 'p1', expiresOn: addDays(today, 30), reason: 'low exposure', owner: 'p2' };
    expect(nextLifecycle(accepted, { status: 'open' })).toEqual({ ...open, owner: 'p2' });
    // An accepted risk whose expiry has passed can still have its owner changed without a new expiry.
    const lapsed = { ...accepted, expiresOn: addDays(today, -1) };
    expect(fields({ owner: 'p3' }, lapsed)).toEqual([]);
    expect(nextLifecycle(accepted, { reason: 'reviewed' })).toMatchObject({ status: 'risk_accepted', approver: 'p1', reason: 'reviewed' });
  });

  it('flags overdue work and lapsed acceptances', () => {
    expect(isOverdue({ status: 'open', dueDate: addDays(today, -1) }, today)).toBe(true);
    expect(isOverdue({ status: 'in_remediation', dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: 'fixed', dueDate: addDays(today, -9) }, today)).toBe(false);
    expect(acceptanceExpired({ status: 'risk_accepted', expiresOn: addDays(today, -1) }, today)).toBe(true);
    expect(acceptanceExpired({ status: 'risk_accepted', expiresOn: today }, today)).toBe(false);
  });

  it("DEFCON levels and pass rates give severities on garak's bounds", () => {
    expect([1, 2, 3, 4, 5].map(severityOfDefcon)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect([0, 0.04, 0.05, 0.39, 0.4, 0.79, 0.8, 0.98, 0.99, 1].map(defconOfPassRate)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('the red-team mapping table (frameworks/mappings/redteam-threats.yaml)', () => {
  const map = loadRedteamMap();
  const catalog = loadBundledCatalog();

  it('names only threats and OWASP LLM 2025 items the catalog has', () => {
    const threats = new Set(catalog.threats.map((t) => t.id));
    const owasp = new Set(catalog.frameworks.find((f) => f.id === 'owasp-llm-2025')!.items.map((i) => i.id));
    const targets = [...Object.values(map.garak), ...Object.values(map.promptfoo), ...Object.values(map.avid)];
    expect(targets.length).toBeGreaterThan(90);
    for (const t of targets) {
      for (const id of t.threats) expect(threats.has(id), id).toBe(true);
      for (const id of t.owasp) expect(owasp.has(id), id).toBe(true);
    }
    for (const t of Object.values(map.owasp_2023)) for (const id of t.owasp) expect(owasp.has(id), id).toBe(true);
  });

  it("covers garak's probe families and promptfoo's plugins named in the issue", () => {
    for (const family of ['dan', 'promptinject', 'latentinjection', 'encoding', 'leakreplay', 'xss', 'malwaregen', 'packagehallucination', 'lmrc', 'realtoxicityprompts', 'snowball', 'misleading', 'goodside', 'glitch', 'continuation', 'grandma', 'suffix', 'tap', 'atkgen', 'divergence', 'exploitation', 'ansiescape', 'web_injection', 'topic', 'phrasing', 'donotanswer', 'av_spam_scanning', 'fileformats', 'test'])
      expect(map.garak[family], family).toBeDefined();
    for (const plugin of ['pii:direct', 'bola', 'bfla', 'rbac', 'harmful:hate', 'ascii-smuggling', 'prompt-extraction', 'hijacking', 'excessive-agency', 'hallucination', 'overreliance', 'sql-injection', 'shell-injection', 'ssrf', 'indirect-prompt-injection', 'contracts', 'politics', 'imitation', 'debug-access', 'cross-session-leak'])
      expect(promptfooTarget(map, plugin).threats.length, plugin).toBeGreaterThan(0);
  });

  it("reads garak's 2023-numbered OWASP tags as 2025 ids; looks plugins up exactly, then by family", () => {
    expect(owaspOfGarakTags(map, ['owasp:llm01', 'owasp:llm02', 'owasp:llm06', 'owasp:llm09', 'avid-effect:security:S0403'])).toEqual(['LLM01:2025', 'LLM05:2025', 'LLM02:2025', 'LLM09:2025']);
    expect(garakTarget(map, 'latentinjection.LatentWhois').threats).toEqual(['THR-09']);
    expect(garakTarget(map, 'nosuchfamily.Probe')).toEqual({ threats: [], owasp: [] });
    expect(promptfooTarget(map, 'harmful:privacy').threats).toEqual(['THR-11']);
    expect(promptfooTarget(map, 'harmful:violent-crime').threats).toEqual(['THR-35']);
    expect(avidTarget(map, ['S0100: Software Vulnerability', 'S0200: Supply Chain Compromise']).threats).toEqual(['THR-21', 'THR-14']);
  });
});
