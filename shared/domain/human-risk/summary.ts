import { z } from 'zod';
import { type HumanMetric, type HumanRiskControl, MetricKind, gradeOf, humanRiskControls, metricInfo } from './model';

/**
 * Human-risk figures as the controls and groups show them. Per control and kind of figure: the
 * value per month, its latest value and which way it moved. Within a month each subject counts
 * with its latest value; the organisation's own figure wins over groups', groups' over people's
 * (the platform's aggregate is better than ours). Per group: the latest phish-prone percentage,
 * risk score, training completion and SafeScore grade, from the group's own figures or its people.
 */

export const TrendPoint = z.object({ period: z.string(), value: z.number() });
export const ControlFigure = z.object({
  metric: MetricKind,
  label: z.string(),
  unit: z.string(),
  better: z.enum(['higher', 'lower']),
  series: z.array(TrendPoint),
  latest: z.number().nullable(),
  latestPeriod: z.string().nullable(),
  previous: z.number().nullable(),
  direction: z.enum(['better', 'worse', 'same']).nullable(),
  /** People, groups or the organisation the latest value covers. */
  subjects: z.number().int(),
});
export type ControlFigure = z.infer<typeof ControlFigure>;

export const ControlSummary = z.object({ control: z.string(), name: z.string(), figures: z.array(ControlFigure), count: z.number().int() });
export type ControlSummary = z.infer<typeof ControlSummary>;

export const GroupFigures = z.object({
  group: z.string(),
  /** Pseudonymised people with figures in the group. */
  people: z.number().int(),
  phishPronePct: z.number().nullable(),
  riskScore: z.number().nullable(),
  trainingCompletionPct: z.number().nullable(),
  grade: z.string().nullable(),
  gradePoints: z.number().nullable(),
  asOf: z.string().nullable(),
});
export type GroupFigures = z.infer<typeof GroupFigures>;

export const HumanRiskSummary = z.object({
  controls: z.array(ControlSummary),
  groups: z.array(GroupFigures),
  figures: z.number().int(),
  people: z.number().int(),
  sources: z.array(z.string()),
});
export type HumanRiskSummary = z.infer<typeof HumanRiskSummary>;

type Figure = Pick<HumanMetric, 'subjectKind' | 'subject' | 'group' | 'metric' | 'value' | 'valueText' | 'measuredOn' | 'control' | 'source'>;

const round = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const periodOf = (date: string) => date.slice(0, 7);
const rank = { organisation: 0, group: 1, person: 2 } as const;

/** The latest figure per subject among `figures` (ties: the later in the list). */
function latestPerSubject(figures: readonly Figure[]): Figure[] {
  const by = new Map<string, Figure>();
  for (const f of figures) {
    const key = `${f.subjectKind}:${f.subject}`;
    const seen = by.get(key);
    if (!seen || seen.measuredOn <= f.measuredOn) by.set(key, f);
  }
  return [...by.values()];
}

/** One number for many subjects' figures of one kind: a sum of counts, a share of completions, else a mean. */
function aggregate(metric: MetricKind, figures: readonly Figure[]): number | null {
  const values = figures.map((f) => f.value).filter((v): v is number => v !== null);
  if (!values.length) return null;
  const unit = metricInfo[metric].unit;
  if (unit === 'count') return values.reduce((s, v) => s + v, 0);
  if (unit === 'status') return round((values.filter((v) => v >= 1).length / values.length) * 100);
  return round(mean(values)!);
}

function controlFigure(metric: MetricKind, figures: readonly Figure[]): ControlFigure {
  const periods = new Map<string, Figure[]>();
  for (const f of figures) periods.set(periodOf(f.measuredOn), [...(periods.get(periodOf(f.measuredOn)) ?? []), f]);
  const series: z.infer<typeof TrendPoint>[] = [];
  let lastCount = 0;
  for (const period of [...periods.keys()].sort()) {
    const latest = latestPerSubject(periods.get(period)!);
    const top = Math.min(...latest.map((f) => rank[f.subjectKind]));
    const chosen = latest.filter((f) => rank[f.subjectKind] === top);
    const value = aggregate(metric, chosen);
    if (value !== null) {
      series.push({ period, value });
      lastCount = chosen.length;
    }
  }
  const info = metricInfo[metric];
  const latest = series.at(-1) ?? null;
  const previous = series.at(-2) ?? null;
  const direction = latest && previous ? (latest.value === previous.value ? 'same' : (latest.value > previous.value) === (info.better === 'higher') ? 'better' : 'worse') : null;
  return {
    metric,
    label: info.unit === 'status' ? `${info.label} (% of people)` : info.label,
    unit: info.unit === 'status' ? '%' : info.unit,
    better: info.better,
    series,
    latest: latest?.value ?? null,
    latestPeriod: latest?.period ?? null,
    previous: previous?.value ?? null,
    direction,
    subjects: lastCount,
  };
}

/** A person's group: the latest group any of their figures names (a training record rarely carries it). */
function groupsOfPeople(figures: readonly Figure[]): Map<string, string> {
  const out = new Map<string, { group: string; on: string }>();
  for (const f of figures)
    if (f.subjectKind === 'person' && f.group) {
      const seen = out.get(f.subject);
      if (!seen || seen.on <= f.measuredOn) out.set(f.subject, { group: f.group, on: f.measuredOn });
    }
  return new Map([...out].map(([p, g]) => [p, g.group]));
}

function groupValue(metric: MetricKind, own: readonly Figure[], people: readonly Figure[]): { value: number | null; on: string | null } {
  const mine = latestPerSubject(own.filter((f) => f.metric === metric && f.value !== null));
  const source = mine.length ? mine : latestPerSubject(people.filter((f) => f.metric === metric && f.value !== null));
  return { value: aggregate(metric, source), on: source.map((f) => f.measuredOn).sort().at(-1) ?? null };
}

export function groupFigures(figures: readonly Figure[]): GroupFigures[] {
  const groupOf = groupsOfPeople(figures);
  const names = new Map<string, string>();
  for (const f of figures) {
    const g = f.subjectKind === 'group' ? f.subject : f.subjectKind === 'person' ? (f.group ?? groupOf.get(f.subject)) : undefined;
    if (g && !names.has(g.toLowerCase())) names.set(g.toLowerCase(), g);
  }
  return [...names.entries()]
    .map(([key, group]) => {
      const own = figures.filter((f) => f.subjectKind === 'group' && f.subject.toLowerCase() === key);
      const people = figures.filter((f) => f.subjectKind === 'person' && (f.group ?? groupOf.get(f.subject))?.toLowerCase() === key);
      const ppp = groupValue('phish_prone_pct', own, people);
      const risk = groupValue('risk_score', own, people);
      const trainingShare = groupValue('training_completion_pct', own, []);
      const training = trainingShare.value !== null ? trainingShare : groupValue('training_status', [], people);
      const grade = groupValue('grade_risk', own, people);
      const dates = [ppp.on, risk.on, training.on, grade.on].filter((d): d is string => d !== null).sort();
      return {
        group,
        people: new Set(people.map((f) => f.subject)).size,
        phishPronePct: ppp.value,
        riskScore: risk.value,
        trainingCompletionPct: training.value,
        grade: grade.value === null ? null : gradeOf(grade.value),
        gradePoints: grade.value,
        asOf: dates.at(-1) ?? null,
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}

export function summarise(figures: readonly Figure[], controlNames: Record<string, string>): HumanRiskSummary {
  const controls = humanRiskControls.map((control: HumanRiskControl) => {
    const mine = figures.filter((f) => f.control === control);
    const kinds = [...new Set(mine.map((f) => f.metric))].sort((a, b) => MetricKind.options.indexOf(a) - MetricKind.options.indexOf(b));
    return { control, name: controlNames[control] ?? control, figures: kinds.map((k) => controlFigure(k, mine.filter((f) => f.metric === k))), count: mine.length };
  });
  return {
    controls,
    groups: groupFigures(figures),
    figures: figures.length,
    people: new Set(figures.filter((f) => f.subjectKind === 'person').map((f) => f.subject)).size,
    sources: [...new Set(figures.map((f) => f.source))].sort(),
  };
}
