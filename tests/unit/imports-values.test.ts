import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlFields, mapColumns, normaliseHeader, parseMapPairs, riskFields, unmatchedMessage } from '../../shared/imports/column-mapping';
import { crosswalkColumn, requirementRef, splitReferences } from '../../shared/imports/crosswalk';
import { dateOrderOf, fromExcelSerial, normaliseDate, toExcelSerial } from '../../shared/imports/dates';
import { levelScaleOf, readControlState, readLevel, readTreatment } from '../../shared/imports/field-values';

const isoDate = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('dates as spreadsheets write them', () => {
  it('reads every written form of the same day as that day (property)', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const month = MONTHS[m - 1]!;
        const forms: [unknown, 'dmy' | 'mdy' | null][] = [
          [iso, null],
          [toExcelSerial(iso), null],
          [new Date(`${iso}T00:00:00Z`), null],
          [`${d} ${month.slice(0, 3)} ${y}`, null],
          [`${month} ${d}, ${y}`, null],
          [`${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, 'dmy'],
          [`${m}/${d}/${y}`, 'mdy'],
          [`${d}.${m}.${y}`, null],
        ];
        for (const [form, order] of forms) expect(normaliseDate(form, order)).toMatchObject({ ok: true, date: iso });
      }),
    );
  });

  it('never throws on any input, and only returns real calendar dates (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (value) => {
        const r = normaliseDate(value);
        if (r.ok) expect(Number.isNaN(Date.parse(`${r.date}T00:00:00Z`))).toBe(false);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('says when a slash date reads both ways, and lets a column settle the order', () => {
    expect(normaliseDate('03/01/2026')).toEqual({ ok: true, date: '2026-01-03', note: '03/01/2026 could be 3 January 2026 or 1 March 2026; read as 3 January 2026 (day first)' });
    expect(normaliseDate('03/01/2026', 'mdy')).toEqual({ ok: true, date: '2026-03-01', note: null });
    expect(dateOrderOf(['03/01/2026', '12/25/2026'])).toBe('mdy');
    expect(dateOrderOf(['03/01/2026', '25/12/2026'])).toBe('dmy');
    expect(dateOrderOf(['03/01/2026'])).toBeNull();
    expect(normaliseDate('31/02/2026')).toMatchObject({ ok: false });
    expect(normaliseDate('1 Mar 2026')).toMatchObject({ date: '2026-03-01' });
    expect(normaliseDate('March 1, 2026')).toMatchObject({ date: '2026-03-01' });
    expect(normaliseDate('2026-03-01T10:00:00Z')).toMatchObject({ date: '2026-03-01' });
    expect(fromExcelSerial(46082)).toBe('2026-03-01');
    expect(normaliseDate('next Tuesday')).toMatchObject({ ok: false, message: expect.stringContaining('write it as 2026-03-01') });
  });
});

describe('levels, treatments and states', () => {
  it('maps words, scales and percentages onto 1–5', () => {
    expect(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((w) => readLevel(w))).toEqual([1, 2, 3, 4, 5].map((value) => ({ ok: true, value })));
    expect(['Low', 'Medium', 'High', 'Very high'].map((w) => (readLevel(w) as { value: number }).value)).toEqual([2, 3, 4, 5]);
    expect((readLevel('4 - very likely') as { value: number }).value).toBe(4);
    // CISO Assistant's French matrix labels, as its import template holds them.
    expect(['mineur', 'vraisemblable', 'significatif', 'critique'].map((w) => (readLevel(w) as { value: number }).value)).toEqual([2, 3, 4, 5]);
    expect(levelScaleOf([0, 2, 4])).toBe('0-4');
    expect((readLevel(0, '0-4') as { value: number }).value).toBe(1);
    expect((readLevel('35%') as { value: number }).value).toBe(3);
    expect((readLevel(0.9, levelScaleOf([0.9, 0.1])) as { value: number }).value).toBe(5);
    expect(levelScaleOf(['1', 2, ' 3 '])).toBe('1-3');
    expect(levelScaleOf([1, 2])).toBe('1-5');
    // A register's column of 300,000 values (gathering them for Math.max(...) overflowed the stack).
    expect(levelScaleOf(Array.from({ length: 300_000 }, (_, i) => (i % 3) + 1))).toBe('1-3');
    expect(levelScaleOf(Array.from({ length: 300_000 }, (_, i) => i % 5))).toBe('0-4');
    expect(readLevel(7)).toMatchObject({ ok: false, message: '7 is outside the 1-5 scale' });
    expect(readTreatment('Reduce')).toEqual({ ok: true, value: 'mitigate' });
    expect(readTreatment('Tolerate')).toEqual({ ok: true, value: 'accept' });
    expect(readControlState('in_progress')).toEqual({ ok: true, value: 'in_progress' });
    expect(readControlState('Active')).toEqual({ ok: true, value: 'implemented' });
  });

  it('never throws for any cell value (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        readLevel(v);
        readTreatment(v);
        readControlState(v);
      }),
    );
  });
});

describe('column mapping', () => {
  it('suggests fields from header names, one column per field, best synonym first', () => {
    const m = mapColumns(['ref_id', 'name', 'inherent_proba', 'inherent_impact', 'current_proba', 'current_impact', 'residual_proba', 'residual_impact', 'treatment', 'assets'], riskFields);
    expect(m.mapping).toEqual({
      ref_id: 'id',
      name: 'title',
      inherent_proba: 'likelihood',
      inherent_impact: 'impact',
      residual_proba: 'residualLikelihood',
      residual_impact: 'residualImpact',
      treatment: 'treatment',
      assets: 'system',
    });
    expect(m.unmatchedRequired).toEqual([]);
    expect(normaliseHeader('Inherent_Likelihood (1-5)')).toBe('inherent likelihood');
    expect(mapColumns(['Risk ID', 'Risk title', 'Inherent likelihood of harm', 'Consequence', 'Accepted by', 'Acceptance expiry'], riskFields).mapping).toMatchObject({
      'Inherent likelihood of harm': 'likelihood',
      Consequence: 'impact',
      'Accepted by': 'approver',
      'Acceptance expiry': 'acceptanceExpiry',
    });
    expect(mapColumns(['Control Title', 'Status', 'ETA'], controlFields).mapping).toEqual({ 'Control Title': 'name', Status: 'status', ETA: 'dueDate' });
  });

  it('applies given pairs over the suggestion and a saved mapping instead of it', () => {
    const columns = ['Risk', 'P', 'I', 'Notes'];
    const given = mapColumns(columns, riskFields, { given: { P: 'likelihood', I: 'impact' } });
    expect(given).toMatchObject({ origin: 'given', unmatchedRequired: [], mapping: { Risk: 'title', P: 'likelihood', I: 'impact' } });
    const saved = mapColumns(columns, riskFields, { saved: { name: 'acme', mapping: { Notes: 'title', P: 'likelihood', I: 'impact' } } });
    expect(saved).toMatchObject({ origin: 'saved', savedName: 'acme', mapping: { Notes: 'title', P: 'likelihood', I: 'impact' } });
    expect(parseMapPairs(['Risk=title', 'a=b=impact'])).toEqual({ Risk: 'title', 'a=b': 'impact' });
    expect(() => parseMapPairs(['nothing'])).toThrow(/write it as <column>=<field>/);
  });

  it('states the unmatched required fields, the free columns, and the --map form', () => {
    const m = mapColumns(['Risk', 'Chance', 'Harm'], riskFields);
    expect(unmatchedMessage(m, 'reg.csv')).toBe(
      'reg.csv: no column was matched to Likelihood (likelihood), Impact (impact); unmatched columns: "Chance", "Harm". Name the column for each with --map <column>=<field>, e.g. --map "Chance=likelihood"',
    );
    expect(unmatchedMessage(mapColumns(['Risk', 'Likelihood', 'Impact'], riskFields), 'reg.csv')).toBeNull();
  });
});

describe('crosswalk references', () => {
  it('turns the references of frameworks the catalog has into requirement references, and nothing else', () => {
    expect(crosswalkColumn('OWASP LLM Top 10 2025')).toEqual({ framework: 'owasp-llm-2025', label: 'OWASP LLM Top 10 2025' });
    expect(crosswalkColumn('PCI DSS v4.0.1')).toEqual({ framework: null, label: 'PCI DSS v4.0.1' });
    expect(crosswalkColumn('Policy Procedure')).toBeNull();
    expect(requirementRef('owasp-llm-2025', 'LLM05')).toBe('owasp-llm-2025:LLM05:2025');
    expect(requirementRef('eu-ai-act', 'Art.9.1')).toBe('eu-ai-act:Art. 9(1)');
    expect(requirementRef('eu-ai-act', 'Annex.IV.1')).toBeNull();
    expect(requirementRef('iso-42001-annex-a', '9.3.1')).toBeNull();
    expect(requirementRef('nist-ai-rmf', 'GV-1.6-003')).toBe('nist-ai-rmf:GOVERN 1.6');
    expect(splitReferences('A.6.1.2, A.6.1.3; —')).toEqual(['A.6.1.2', 'A.6.1.3']);
  });
});
