import { describe, expect, it } from 'vitest';
import { type AssessmentModel, type CheckFindingItem, runChecks } from '../../shared/domain/checks';

/** The consistency checks over imported findings and the human-risk figures of each system's people. */

const today = '2026-11-28';
const base: AssessmentModel = { today, systems: [{ id: 'SYS-001', name: 'Support assistant', roles: ['deployer'], publicBodyOrService: false, agent: null, classification: null }], controls: [], evidence: [], evidenceLinks: [], risks: [], acceptances: [], incidents: [], coverage: [] };
const item = (over: Partial<CheckFindingItem>): CheckFindingItem => ({ id: 'FND-001', title: 'Prompt injection succeeds', systemId: 'SYS-001', severity: 'medium', status: 'open', owner: null, dueDate: null, expiresOn: null, ...over });
const rules = (model: Partial<AssessmentModel>) => runChecks({ ...base, ...model }).filter((f) => f.rule !== 'system-unclassified').map((f) => [f.rule, f.target.id]);

describe('checks over findings', () => {
  it('flags an open finding past its due date, a critical one nobody owns, and an expired acceptance', () => {
    expect(
      rules({
        findings: [
          item({ id: 'FND-001', status: 'in_remediation', owner: 'p1', dueDate: '2026-11-01' }),
          item({ id: 'FND-002', severity: 'critical' }),
          item({ id: 'FND-003', status: 'risk_accepted', expiresOn: '2026-10-31' }),
          // None of these: fixed past due, a low finding nobody owns, an acceptance still current.
          item({ id: 'FND-004', status: 'fixed', dueDate: '2026-01-01' }),
          item({ id: 'FND-005', severity: 'low' }),
          item({ id: 'FND-006', status: 'risk_accepted', expiresOn: '2027-01-31' }),
        ],
      }),
    ).toEqual([
      ['finding-overdue', 'FND-001'],
      ['finding-unassigned', 'FND-002'],
      ['finding-acceptance-expired', 'FND-003'],
    ]);
  });

  it('flags a system whose people make a people-driven threat likely when the register has no risk for it', () => {
    const threat = { systemId: 'SYS-001', threatId: 'THR-25', threatName: 'Deepfake and AI-generated phishing', suggested: 5 };
    const found = runChecks({ ...base, peopleThreats: [{ ...threat, highRisk: true, riskId: null }] }).find((f) => f.rule === 'people-threat-unregistered');
    expect(found?.message).toBe(
      'The people who own, operate or use Support assistant suggest a likelihood of 5 for THR-25 Deepfake and AI-generated phishing, and the register has no risk for it.',
    );
    expect(rules({ peopleThreats: [{ ...threat, highRisk: true, riskId: 'RSK-001' }, { ...threat, threatId: 'THR-12', highRisk: false, riskId: null }] })).toEqual([]);
  });
});
