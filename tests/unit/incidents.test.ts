import { describe, expect, it } from 'vitest';
import { Incident, reportState, reportingDeadline, type SeriousCase } from '../../shared/domain/incidents';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  systemId: 'support-assistant',
  title: 'Assistant gave harmful medical advice',
  description: null,
  occurredOn: '2026-11-01',
  awareOn: '2026-11-02',
  severity: 'high',
  serious: true,
  cases: ['serious_harm_to_health'],
  reportedOn: null,
  reportEvidence: [],
  ...over,
});

describe('Art. 73 reporting deadlines', () => {
  it.each([
    [['serious_harm_to_health'], 15, 'Art. 73(2)', '2026-11-17'],
    [['fundamental_rights_infringement'], 15, 'Art. 73(2)', '2026-11-17'],
    [['serious_harm_to_property_or_environment'], 15, 'Art. 73(2)', '2026-11-17'],
    [['death'], 10, 'Art. 73(4)', '2026-11-12'],
    [['widespread_infringement'], 2, 'Art. 73(3)', '2026-11-04'],
    [['critical_infrastructure_disruption'], 2, 'Art. 73(3)', '2026-11-04'],
    [['death', 'serious_harm_to_health'], 10, 'Art. 73(4)', '2026-11-12'],
    [['death', 'critical_infrastructure_disruption'], 2, 'Art. 73(3)', '2026-11-04'],
  ] as [SeriousCase[], number, string, string][])('%j: %i days (%s), due %s', (cases, days, basis, dueOn) => {
    expect(reportingDeadline(incident({ cases }))).toMatchObject({ days, basis, dueOn });
  });

  it('counts from awareness, not from when it happened, across a month end', () => {
    expect(reportingDeadline(incident({ occurredOn: '2026-10-01', awareOn: '2026-11-25', cases: ['death'] }))!.dueOn).toBe('2026-12-05');
  });

  it('has no deadline for an incident that is not serious', () => {
    expect(reportingDeadline(incident({ serious: false, cases: [] }))).toBeNull();
  });
});

describe('report status', () => {
  it('due until the end of the deadline day, overdue the day after', () => {
    expect(reportState(incident(), '2026-11-02')).toMatchObject({ status: 'due', daysLeft: 15 });
    expect(reportState(incident(), '2026-11-17')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(reportState(incident(), '2026-11-18')).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('reported, in time or late', () => {
    expect(reportState(incident({ reportedOn: '2026-11-17' }), '2026-12-30')).toMatchObject({ status: 'reported', late: false, daysLeft: null });
    expect(reportState(incident({ reportedOn: '2026-11-18' }), '2026-12-30')).toMatchObject({ status: 'reported', late: true });
  });

  it('not required for an incident that is not serious', () => {
    expect(reportState(incident({ serious: false, cases: [] }), '2027-01-01')).toEqual({ status: 'not_required', deadline: null, daysLeft: null, late: false });
  });
});

describe('an incident record', () => {
  it('parses, and names the field that is wrong', () => {
    expect(Incident.parse(incident())).toEqual(incident());
    const paths = (over: Record<string, unknown>) => Incident.safeParse({ ...incident(), ...over }).error!.issues.map((i) => i.path.join('.'));
    expect(paths({ cases: [] })).toEqual(['cases']);
    expect(paths({ serious: false })).toEqual(['serious']);
    expect(paths({ awareOn: '2026-10-01' })).toEqual(['awareOn']);
    expect(paths({ reportedOn: '2026-11-01' })).toEqual(['reportedOn']);
    expect(paths({ severity: 'huge' })).toEqual(['severity']);
    expect(paths({ awareOn: 'yesterday' })).toEqual(['awareOn']);
  });
});
