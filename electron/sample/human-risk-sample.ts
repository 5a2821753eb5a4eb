import type { MetricInput } from '../../shared/domain/human-risk/model';
import { addDays } from '../../shared/domain/dates';
import type { Assessment } from '../store/assessment';
import { type MetricWrite, recordMetrics } from '../store/human-risk';
import { pseudonymiser } from '../store/pseudonyms';

/**
 * Human-risk figures for the sample's groups, as three monthly KnowBe4-style snapshots: the
 * groups' phish-prone percentage and risk score, training completion of a few (pseudonymised)
 * people, and the organisation's risk score. Claims-handling and customer-facing staff start high
 * and improve; finance operations (the procurement agent's owners) stay high-risk.
 */

const groups: [string, number[], number[]][] = [
  ['Customer service', [34, 27, 22], [71, 64, 58]],
  ['IT operations', [9, 8, 6], [31, 29, 24]],
  ['Retail lending', [18, 15, 12], [46, 41, 37]],
  ['Data science', [7, 6, 6], [22, 21, 19]],
  ['Underwriters', [21, 19, 16], [52, 49, 44]],
  ['Engineering', [12, 11, 9], [38, 35, 33]],
  ['Security', [3, 2, 2], [12, 11, 10]],
  ['Finance operations', [31, 33, 35], [78, 81, 84]],
];

const people: [string, string, boolean][] = [
  ['a.moreau@northwind.example', 'Customer service', true],
  ['j.silva@northwind.example', 'Customer service', false],
  ['k.osei@northwind.example', 'Finance operations', false],
  ['l.novak@northwind.example', 'Finance operations', false],
  ['r.iyer@northwind.example', 'Engineering', true],
  ['t.berg@northwind.example', 'Underwriters', true],
];

export function sampleHumanRiskFigures(today: string, pseudonymise: (v: string) => string): MetricInput[] {
  const months = [addDays(today, -60), addDays(today, -30), today];
  const base = { valueText: null, label: null, source: 'knowbe4', externalId: null } as const;
  const out: MetricInput[] = [];
  months.forEach((day, i) => {
    for (const [group, ppp, risk] of groups) {
      out.push({ ...base, subjectKind: 'group', subject: group, group, metric: 'phish_prone_pct', value: ppp[i]!, measuredOn: day, control: 'HUM-04' });
      out.push({ ...base, subjectKind: 'group', subject: group, group, metric: 'risk_score', value: risk[i]!, measuredOn: day, control: 'HUM-05' });
    }
    out.push({ ...base, subjectKind: 'organisation', subject: '', group: null, metric: 'risk_score', value: [44, 40, 37][i]!, measuredOn: day, control: 'HUM-05' });
  });
  for (const [address, group, passed] of people)
    out.push({ ...base, subjectKind: 'person', subject: pseudonymise(address), group, metric: 'training_status', value: passed ? 1 : 0, valueText: passed ? 'Passed' : 'Not Started', measuredOn: today, label: 'AI tools and data: what not to paste', control: 'HUM-02' });
  return out;
}

/** Writes the sample figures (people pseudonymised with the assessment's own key). */
export function addSampleHumanRisk(a: Assessment, actor: string, today: string): number {
  const writes: MetricWrite[] = sampleHumanRiskFigures(today, pseudonymiser(a)).map((input) => ({ input }));
  return recordMetrics(a, writes, actor, { batchId: null }).length;
}
