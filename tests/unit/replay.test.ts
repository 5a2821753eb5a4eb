import { describe, expect, it } from 'vitest';
import { compareTable, describeDifference } from '../../shared/domain/replay';

const table = (rows: Record<string, Record<string, string | number | null>>) => new Map(Object.entries(rows));

describe('comparing what the log says with what a table holds', () => {
  it('names a changed field, a missing row and an extra row', () => {
    expect(compareTable('t', table({ a: { x: 1 } }), table({ a: { x: 2 } }))).toEqual({ table: 't', row: 'a', field: 'x', log: 1, file: 2 });
    expect(describeDifference(compareTable('t', table({ a: { x: 1 } }), table({}))!)).toBe('t row a: the log has this row, the file does not');
    expect(describeDifference(compareTable('t', table({}), table({ b: { x: 1 } }))!)).toBe('t row b: the file has this row, the log never wrote it');
  });

  it('names a field that only the file has a value for: a column the log never wrote is a difference too', () => {
    const d = compareTable('control_state', table({ 'GOV-01': { state: 'implemented' } }), table({ 'GOV-01': { state: 'implemented', owner: 'mallory' } }));
    expect(d).toEqual({ table: 'control_state', row: 'GOV-01', field: 'owner', log: null, file: 'mallory' });
    expect(compareTable('t', table({ a: { x: null } }), table({ a: {} }))).toBeUndefined();
  });
});
