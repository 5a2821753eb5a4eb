import { describe, expect, it } from 'vitest';
import { ControlEntry, isOverdue, overdueReasons } from '../../shared/domain/control-entry';
import { addDays, daysBetween, isPast } from '../../shared/domain/dates';
import { MaturityLevel, maturityLabel, maturityLevels, maturityNames } from '../../shared/domain/maturity';

const owner = '6f1c2a7e-3b4d-4c5e-8f90-1a2b3c4d5e6f';
const entry = (over: Partial<ControlEntry> = {}): ControlEntry => ({
  controlId: 'GOV-01',
  systemId: null,
  state: 'in_progress',
  justification: null,
  owner,
  dueDate: '2026-12-01',
  maturity: 2,
  notes: null,
  lastReview: '2026-06-01',
  nextReview: '2026-12-01',
  ...over,
});

describe('maturity levels', () => {
  it('has six levels, 0 to 5, each with its name', () => {
    expect(maturityLevels).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Object.values(maturityNames)).toEqual(['Non-existent', 'Initial', 'Repeatable', 'Defined', 'Managed', 'Optimised']);
    expect(maturityLabel(3)).toBe('3 Defined');
  });

  it('accepts only whole numbers from 0 to 5, with a plain message', () => {
    for (const ok of maturityLevels) expect(MaturityLevel.safeParse(ok).success).toBe(true);
    for (const bad of [-1, 6, 2.5, '3', null]) {
      const r = MaturityLevel.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('maturity must be a whole number from 0 to 5');
    }
  });
});

describe('a control entry', () => {
  it('parses a complete entry for the organisation and for a system', () => {
    expect(ControlEntry.parse(entry())).toEqual(entry());
    expect(ControlEntry.parse(entry({ systemId: 'sys-1' })).systemId).toBe('sys-1');
  });

  it('names the field that is wrong', () => {
    const fails = (over: Record<string, unknown>) => ControlEntry.safeParse({ ...entry(), ...over }).error!.issues.map((i) => i.path.join('.'));
    expect(fails({ owner: 'Alice Smith' })).toEqual(['owner']);
    expect(fails({ dueDate: '01/12/2026' })).toEqual(['dueDate']);
    expect(fails({ maturity: 7 })).toEqual(['maturity']);
    expect(fails({ controlId: 'gov-1' })).toEqual(['controlId']);
    expect(fails({ state: 'not_applicable', justification: null })).toEqual(['justification']);
    expect(fails({ lastReview: '2026-12-02', nextReview: '2026-12-01' })).toEqual(['nextReview']);
    expect(fails({ extra: 1 })).toEqual(['']);
  });
});

describe('isOverdue', () => {
  it('a due date counts until the end of its day, and only while the control is open', () => {
    const e = entry({ nextReview: null });
    expect(isOverdue(e, '2026-12-01')).toBe(false);
    expect(overdueReasons(e, '2026-12-02')).toEqual(['due']);
    expect(isOverdue({ ...e, state: 'implemented' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...e, state: 'not_applicable' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...e, state: 'not_started' }, '2027-01-01')).toBe(true);
  });

  it('a review is overdue whatever the state', () => {
    const e = entry({ state: 'implemented', dueDate: null });
    expect(overdueReasons(e, '2026-12-01')).toEqual([]);
    expect(overdueReasons(e, '2026-12-02')).toEqual(['review']);
    expect(overdueReasons({ ...entry(), state: 'in_progress' }, '2026-12-02')).toEqual(['due', 'review']);
  });

  it('no dates, nothing overdue', () => {
    expect(isOverdue(entry({ dueDate: null, nextReview: null }), '2099-01-01')).toBe(false);
  });
});

describe('calendar dates', () => {
  it('adds days across months, leap days and years, in UTC', () => {
    expect(addDays('2026-12-30', 2)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-28', '2026-12-13')).toBe(15);
    expect(isPast('2026-11-27', '2026-11-28')).toBe(true);
    expect(isPast('2026-11-28', '2026-11-28')).toBe(false);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30x', 1)).toThrow(/not a calendar date/);
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
    expect(() => isPast('28.11.2026', '2026-11-28')).toThrow(/not a calendar date/);
  });
});
