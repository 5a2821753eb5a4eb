import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import {
  AGENT_MONITORING_CONTROL,
  type AssessmentModel,
  type CheckSystem,
  DEPLOYER_OVERSIGHT_CONTROL,
  FRIA_CONTROL,
  PROVIDER_OVERSIGHT_CONTROL,
  checkRules,
  countBySeverity,
  friaRequired,
  hasErrors,
  runChecks,
} from '../../shared/domain/checks';
import { assessCoverage, buildCoverageModel } from '../../shared/domain/coverage';
import type { Incident } from '../../shared/domain/incidents';
import { type Risk, snapshotOf } from '../../shared/domain/risk';

const person = '2b0f3c9e-5a41-4e0b-9d7a-6c3e1f2a4b5d';
const today = '2026-12-01';

type Entry = AssessmentModel['controls'][number];
const entry = (controlId: string, systemId: string | null, over: Partial<Entry> = {}): Entry => ({
  controlId,
  systemId,
  state: 'implemented',
  justification: null,
  dueDate: null,
  nextReview: '2027-06-01',
  ...over,
});

const credit: CheckSystem = {
  id: 'credit',
  name: 'Credit scoring model',
  roles: ['deployer'],
  publicBodyOrService: false,
  agent: null,
  classification: { highRisk: true, annexIII: { area: 5, point: 'b' } },
};
const agent: CheckSystem = {
  id: 'agent',
  name: 'Procurement agent',
  roles: ['deployer'],
  publicBodyOrService: false,
  agent: { toolPermissions: ['erp.write', 'email.send'] },
  classification: { highRisk: false, annexIII: null },
};
const mitigated: Risk = {
  id: 'risk-1',
  systemId: 'credit',
  threatId: 'THR-01',
  title: 'Biased scores',
  description: null,
  likelihood: 3,
  impact: 4,
  treatment: 'mitigate',
  controls: ['MOD-11'],
  residualLikelihood: 2,
  residualImpact: 4,
  owner: person,
  status: 'in_treatment',
  reviewDate: '2027-03-01',
};
const accepted: Risk = { ...mitigated, id: 'risk-2', title: 'Model drift', treatment: 'accept', status: 'accepted' };
const reported: Incident = {
  id: 'inc-1',
  systemId: 'credit',
  title: 'Wrong refusals',
  description: null,
  occurredOn: '2026-10-01',
  awareOn: '2026-10-02',
  severity: 'high',
  serious: true,
  cases: ['fundamental_rights_infringement'],
  reportedOn: '2026-10-10',
  reportEvidence: ['ev-report'],
};

/** An assessment with nothing for an auditor to find; each test breaks one thing. */
function clean(): AssessmentModel {
  const controls = [entry(FRIA_CONTROL, 'credit'), entry(DEPLOYER_OVERSIGHT_CONTROL, 'credit'), entry(AGENT_MONITORING_CONTROL, 'agent')];
  return {
    today,
    systems: [credit, agent],
    controls,
    evidence: [{ id: 'ev-1', title: 'Signed record', validUntil: '2027-12-31' }],
    evidenceLinks: controls.map((c) => ({ evidenceId: 'ev-1', controlId: c.controlId, systemId: c.systemId })),
    risks: [mitigated, accepted],
    acceptances: [{ riskId: 'risk-2', approver: person, approvedOn: '2026-11-01', expiresOn: '2027-11-01', rationale: null, snapshot: snapshotOf(accepted) }],
    incidents: [reported],
    coverage: [],
    controlNames: { [FRIA_CONTROL]: 'Fundamental-rights impact assessment' },
  };
}
const rules = (m: AssessmentModel) => runChecks(m).map((f) => f.rule);

describe('a clean assessment', () => {
  it('has no findings', () => {
    expect(runChecks(clean())).toEqual([]);
    expect(hasErrors([])).toBe(false);
  });
});

describe('controls and evidence', () => {
  it('an implemented control with no evidence is found, linking to the entry', () => {
    const m = clean();
    m.evidenceLinks = m.evidenceLinks.filter((l) => l.controlId !== FRIA_CONTROL);
    const [f] = runChecks(m);
    expect(f).toMatchObject({ rule: 'evidence-missing', severity: 'warning', target: { kind: 'control', id: FRIA_CONTROL, systemId: 'credit' } });
    expect(f!.message).toBe('GOV-07 Fundamental-rights impact assessment is marked implemented for Credit scoring model but has no evidence.');
  });

  it('evidence linked to another system’s entry does not count', () => {
    const m = clean();
    m.evidenceLinks = m.evidenceLinks.map((l) => (l.controlId === FRIA_CONTROL ? { ...l, systemId: null } : l));
    expect(rules(m)).toEqual(['evidence-missing']);
  });

  it('only expired evidence is found; one valid item is enough', () => {
    const m = clean();
    m.evidence = [{ id: 'ev-1', title: 'Old record', validUntil: '2026-11-30' }];
    expect(rules(m)).toEqual(['evidence-expired', 'evidence-expired', 'evidence-expired']);
    m.evidence = [...m.evidence, { id: 'ev-2', title: 'New record', validUntil: null }];
    m.evidenceLinks = [...m.evidenceLinks, { evidenceId: 'ev-2', controlId: FRIA_CONTROL, systemId: 'credit' }];
    expect(rules(m)).toEqual(['evidence-expired', 'evidence-expired']);
    m.evidence = [{ id: 'ev-1', title: 'Old record', validUntil: today }];
    expect(rules(m)).toEqual([]);
  });

  it('overdue due dates and reviews are found per entry', () => {
    const m = clean();
    m.controls = [...m.controls, entry('GOV-01', null, { state: 'in_progress', dueDate: '2026-11-30', nextReview: '2026-11-15' })];
    expect(rules(m)).toEqual(['control-overdue', 'control-review-overdue']);
    m.controls = [...clean().controls, entry('GOV-01', null, { state: 'in_progress', dueDate: today, nextReview: today })];
    expect(rules(m)).toEqual([]);
  });
});

describe('high-risk systems', () => {
  it('Art. 27 applies to deployers that are public bodies or serve the public, and to Annex III 5(b) and 5(c); never area 2', () => {
    const sys = (over: Partial<CheckSystem>, area: number, point: string | null) => friaRequired({ ...credit, ...over, classification: { highRisk: true, annexIII: { area, point } } });
    expect(sys({}, 5, 'b')).toBe(true);
    expect(sys({}, 5, 'c')).toBe(true);
    expect(sys({}, 5, 'a')).toBe(false);
    expect(sys({}, 4, 'a')).toBe(false);
    expect(sys({ publicBodyOrService: true }, 4, 'a')).toBe(true);
    expect(sys({ publicBodyOrService: true }, 2, null)).toBe(false);
    expect(sys({ roles: ['provider'] }, 5, 'b')).toBe(false);
    expect(friaRequired({ ...credit, classification: { highRisk: true, annexIII: null } })).toBe(false);
    expect(friaRequired({ ...credit, classification: { highRisk: false, annexIII: null } })).toBe(false);
  });

  it('a missing fundamental-rights impact assessment is an error, linking to the control for that system', () => {
    const m = clean();
    m.controls = m.controls.map((c) => (c.controlId === FRIA_CONTROL ? { ...c, state: 'in_progress' } : c));
    const [f] = runChecks(m);
    expect(f).toMatchObject({ rule: 'fria-missing', severity: 'error', target: { kind: 'control', id: FRIA_CONTROL, systemId: 'credit' } });
    expect(hasErrors(runChecks(m))).toBe(true);
  });

  it('an organisation-wide implemented entry counts for the system; a system entry overrides it', () => {
    const m = clean();
    m.controls = m.controls.filter((c) => c.controlId !== FRIA_CONTROL).concat(entry(FRIA_CONTROL, null));
    m.evidenceLinks = m.evidenceLinks.map((l) => (l.controlId === FRIA_CONTROL ? { ...l, systemId: null } : l));
    expect(rules(m)).toEqual([]);
    m.controls = [...m.controls, entry(FRIA_CONTROL, 'credit', { state: 'not_started' })];
    expect(rules(m)).toEqual(['fria-missing']);
  });

  it('human oversight: HUM-01 for a deployer, MOD-18 for a provider, both for both roles', () => {
    const m = clean();
    m.controls = m.controls.filter((c) => c.controlId !== DEPLOYER_OVERSIGHT_CONTROL);
    expect(runChecks(m).map((f) => [f.rule, f.target.id])).toEqual([['human-oversight-missing', DEPLOYER_OVERSIGHT_CONTROL]]);
    m.systems = [{ ...credit, roles: ['provider', 'deployer'] }, agent];
    expect(runChecks(m).map((f) => f.target.id)).toEqual([DEPLOYER_OVERSIGHT_CONTROL, PROVIDER_OVERSIGHT_CONTROL]);
    expect(runChecks(m).map((f) => f.message)).toEqual([
      'Credit scoring model is high-risk, but the human oversight it needs as deployer (HUM-01) is not implemented.',
      'Credit scoring model is high-risk, but the human oversight it needs as provider (MOD-18) is not implemented.',
    ]);
    m.systems = [{ ...credit, classification: { highRisk: false, annexIII: null } }, agent];
    expect(rules(m)).toEqual([]);
  });

  it('a not-applicable oversight control still leaves the high-risk system without oversight', () => {
    const m = clean();
    m.controls = m.controls.map((c) => (c.controlId === DEPLOYER_OVERSIGHT_CONTROL ? { ...c, state: 'not_applicable', justification: 'fully automated by design' } : c));
    expect(rules(m)).toEqual(['human-oversight-missing']);
  });
});

describe('agents and classification', () => {
  it('an agent with tool permissions and no monitoring control is found; without permissions it is not', () => {
    const m = clean();
    m.controls = m.controls.filter((c) => c.controlId !== AGENT_MONITORING_CONTROL);
    expect(runChecks(m)).toMatchObject([{ rule: 'agent-unmonitored', target: { kind: 'control', id: AGENT_MONITORING_CONTROL, systemId: 'agent' } }]);
    expect(runChecks(m)[0]!.message).toContain('2 tool permissions');
    m.systems = [credit, { ...agent, agent: { toolPermissions: [] } }];
    expect(rules(m)).toEqual([]);
  });

  it('a system with no classification is found, linking to the system', () => {
    const m = clean();
    m.systems = [...m.systems, { ...agent, id: 'new', name: 'New chatbot', agent: null, classification: null }];
    expect(runChecks(m)).toMatchObject([{ rule: 'system-unclassified', severity: 'warning', target: { kind: 'system', id: 'new' } }]);
  });
});

describe('risks and acceptances', () => {
  it('a residual score above the inherent one is an error', () => {
    const m = clean();
    m.risks = [{ ...mitigated, residualLikelihood: 4, residualImpact: 4 }, accepted];
    expect(runChecks(m)).toMatchObject([{ rule: 'residual-above-inherent', severity: 'error', target: { kind: 'risk', id: 'risk-1' } }]);
    m.risks = [{ ...mitigated, residualLikelihood: 3, residualImpact: 4 }, accepted];
    expect(rules(m)).toEqual([]);
  });

  it('an expired, a changed and a pending acceptance are found', () => {
    const m = clean();
    m.today = '2027-11-02';
    m.risks = [{ ...mitigated, reviewDate: null }, { ...accepted, reviewDate: null }];
    m.incidents = [];
    m.evidence = [{ id: 'ev-1', title: 'Signed record', validUntil: null }];
    m.controls = m.controls.map((c) => ({ ...c, nextReview: null }));
    expect(rules(m)).toEqual(['acceptance-expired']);
    m.risks = [mitigated, { ...accepted, impact: 5, reviewDate: null }];
    m.today = today;
    expect(rules(m)).toEqual(['acceptance-changed']);
    m.acceptances = [];
    m.risks = [mitigated, accepted];
    expect(runChecks(m)).toMatchObject([{ rule: 'acceptance-pending', severity: 'info' }]);
  });

  it('an overdue risk review is found unless the risk is closed', () => {
    const m = clean();
    m.risks = [{ ...mitigated, reviewDate: '2026-11-01' }, accepted];
    expect(rules(m)).toEqual(['risk-review-overdue']);
    m.risks = [{ ...mitigated, reviewDate: '2026-11-01', status: 'closed' }, accepted];
    expect(rules(m)).toEqual([]);
  });
});

describe('incidents', () => {
  it('an overdue serious-incident report is an error; a due one is information', () => {
    const m = clean();
    m.incidents = [{ ...reported, reportedOn: null, awareOn: '2026-11-25', cases: ['death'] }];
    expect(runChecks(m)).toMatchObject([{ rule: 'incident-report-due', severity: 'info', target: { kind: 'incident', id: 'inc-1' } }]);
    expect(runChecks(m)[0]!.message).toContain('due by 2026-12-05 (Art. 73(4)), in 4 days');
    m.incidents = [{ ...reported, reportedOn: null, awareOn: '2026-11-20', cases: ['death'] }];
    expect(runChecks(m)).toMatchObject([{ rule: 'incident-report-overdue', severity: 'error' }]);
    expect(hasErrors(runChecks(m))).toBe(true);
  });
});

describe('coverage through intersects only', () => {
  const catalog = loadBundledCatalog();
  const model = buildCoverageModel(catalog);

  it('a requirement partly covered by intersecting controls only is information, linking to the requirement', () => {
    const m = clean();
    const entries = [{ controlId: 'MOD-03', systemId: null, state: 'implemented' as const }];
    m.coverage = [{ systemId: null, results: assessCoverage(model, entries, null, { frameworks: ['owasp-llm-2025'] }) }];
    const mapped = catalog.control_requirements.filter((c) => c.control === 'MOD-03' && c.requirement.startsWith('owasp-llm-2025:'));
    const findings = runChecks(m);
    expect(findings.map((f) => f.target.id).sort()).toEqual(mapped.filter((c) => c.relationship === 'intersects').map((c) => c.requirement).sort());
    expect(findings.find((f) => f.target.id === 'owasp-llm-2025:LLM01:2025')).toMatchObject({
      rule: 'partly-only-by-intersects',
      severity: 'info',
      target: { kind: 'requirement', id: 'owasp-llm-2025:LLM01:2025', systemId: null },
    });
  });

  it('a requirement satisfied through a set of intersecting controls alone is a warning', () => {
    const m = clean();
    const small = buildCoverageModel({
      frameworks: [{ id: 'fw', items: [{ id: 'R', assessable: true }] }],
      control_requirements: [
        { control: 'AAA-01', requirement: 'fw:R', relationship: 'intersects' },
        { control: 'AAA-02', requirement: 'fw:R', relationship: 'intersects' },
      ],
      coverage_sets: [{ id: 'two-halves', requirement: 'fw:R', controls: ['AAA-01', 'AAA-02'] }],
    });
    const entries = ['AAA-01', 'AAA-02'].map((controlId) => ({ controlId, systemId: 'credit', state: 'implemented' as const }));
    m.coverage = [{ systemId: 'credit', results: assessCoverage(small, entries, 'credit') }];
    expect(runChecks(m)).toMatchObject([{ rule: 'covered-only-by-intersects', severity: 'warning', target: { kind: 'requirement', id: 'fw:R', systemId: 'credit' } }]);
  });

  it('a system that inherits the organisation’s coverage of a requirement does not repeat its finding', () => {
    const m = clean();
    const small = buildCoverageModel({
      frameworks: [{ id: 'fw', items: [{ id: 'R', assessable: true }] }],
      control_requirements: [{ control: 'AAA-01', requirement: 'fw:R', relationship: 'intersects' }],
      coverage_sets: [],
    });
    const org = [{ controlId: 'AAA-01', systemId: null, state: 'implemented' as const }];
    m.coverage = [null, 'credit'].map((systemId) => ({ systemId, results: assessCoverage(small, org, systemId) }));
    expect(runChecks(m).map((f) => f.id)).toEqual(['partly-only-by-intersects:requirement:fw:R']);
    // Once the system's own entry changes the picture, its finding is its own.
    const own = [...org, { controlId: 'AAA-01', systemId: 'credit', state: 'not_started' as const }];
    m.coverage = [null, 'credit'].map((systemId) => ({ systemId, results: assessCoverage(small, own, systemId) }));
    expect(runChecks(m).map((f) => f.id)).toEqual(['partly-only-by-intersects:requirement:fw:R']);
    const both = [...org, { controlId: 'AAA-02', systemId: 'credit', state: 'implemented' as const }];
    m.coverage = [null, 'credit'].map((systemId) => ({ systemId, results: assessCoverage(small, both, systemId) }));
    expect(runChecks(m)).toHaveLength(1);
  });
});

describe('ordering and counts', () => {
  it('errors come first, ids are unique, and counts add up', () => {
    const m = clean();
    m.controls = [entry('GOV-01', null, { state: 'in_progress', dueDate: '2026-01-01' }), entry('GOV-02', null)];
    m.risks = [{ ...mitigated, residualLikelihood: 5, residualImpact: 5 }];
    m.acceptances = [];
    const findings = runChecks(m);
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    const counts = countBySeverity(findings);
    expect(counts.error).toBeGreaterThanOrEqual(3); // FRIA, oversight, residual
    expect(counts.error + counts.warning + counts.info).toBe(findings.length);
    for (const f of findings) expect(f.severity).toBe(checkRules[f.rule].severity);
  });

  it('every rule constant names a live catalog control', () => {
    const ids = new Set(loadBundledCatalog().controls.map((c) => c.id));
    for (const id of [FRIA_CONTROL, PROVIDER_OVERSIGHT_CONTROL, DEPLOYER_OVERSIGHT_CONTROL, AGENT_MONITORING_CONTROL]) expect(ids.has(id)).toBe(true);
  });
});
