import { describe, expect, it } from 'vitest';
import { NO_OWNER, emptyFilter, filterControls, indexControlLinks, isFiltering, ownersOf } from '../../shared/domain/controls/filter';

const index = indexControlLinks({
  control_requirements: [
    { control: 'GOV-01', requirement: 'eu-ai-act:Art. 9(1)' },
    { control: 'GOV-02', requirement: 'nist-ai-rmf:GOVERN 1.1' },
    { control: 'MOD-01', requirement: 'eu-ai-act:Art. 15(1)' },
  ],
  threat_controls: [{ threat: 'THR-01', control: 'MOD-01' }],
});
const row = (id: string, over: Partial<{ state: 'not_started' | 'in_progress' | 'implemented' | 'not_applicable'; owner: string | null; dueDate: string | null; nextReview: string | null }> = {}) => ({
  id,
  name: `${id} name`,
  objective: 'keeps things safe',
  state: 'not_started' as const,
  owner: null,
  dueDate: null,
  nextReview: null,
  ...over,
});
const rows = [
  row('GOV-01', { owner: 'Dana Chen', dueDate: '2026-01-31', state: 'in_progress' }),
  row('GOV-02', { owner: 'Sam Lee', dueDate: '2026-01-31', state: 'implemented' }),
  row('MOD-01', { nextReview: '2025-12-01', state: 'implemented' }),
  row('OPS-01'),
];
const ids = (f: Partial<typeof emptyFilter>) => filterControls(rows, { ...emptyFilter, ...f }, index, '2026-06-01').map((r) => r.id);

describe('the controls filter', () => {
  it('shows everything when nothing is chosen', () => {
    expect(ids({})).toEqual(['GOV-01', 'GOV-02', 'MOD-01', 'OPS-01']);
    expect(isFiltering(emptyFilter)).toBe(false);
    expect(isFiltering({ ...emptyFilter, overdue: true })).toBe(true);
  });
  it('filters by state, owner (or no owner), framework, requirement and threat', () => {
    expect(ids({ state: 'implemented' })).toEqual(['GOV-02', 'MOD-01']);
    expect(ids({ owner: 'Dana Chen' })).toEqual(['GOV-01']);
    expect(ids({ owner: NO_OWNER })).toEqual(['MOD-01', 'OPS-01']);
    expect(ids({ framework: 'eu-ai-act' })).toEqual(['GOV-01', 'MOD-01']);
    expect(ids({ requirement: 'eu-ai-act:Art. 15(1)' })).toEqual(['MOD-01']);
    expect(ids({ threat: 'THR-01' })).toEqual(['MOD-01']);
    expect(ids({ framework: 'nist-ai-rmf', state: 'in_progress' })).toEqual([]);
  });
  it('counts as overdue a past due date on an unsettled control, and a past review whatever the state', () => {
    expect(ids({ overdue: true })).toEqual(['GOV-01', 'MOD-01']);
  });
  it('searches id, name, objective and owner, ignoring case', () => {
    expect(ids({ query: 'sam' })).toEqual(['GOV-02']);
    expect(ids({ query: 'mod-01' })).toEqual(['MOD-01']);
  });
  it('offers each owner once, sorted', () => {
    expect(ownersOf([...rows, row('X-01', { owner: 'Dana Chen' })])).toEqual(['Dana Chen', 'Sam Lee']);
  });
});
