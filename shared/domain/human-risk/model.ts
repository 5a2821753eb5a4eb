import { z } from 'zod';
import { IsoDate } from '../dates';

/**
 * Human-risk figures as Assay keeps them: one measured value of one kind about a person (by
 * pseudonym), a group (department, business unit: kept in clear, they are what AI systems are
 * matched with) or the whole organisation, on a date, from a platform, for the human-risk
 * control it measures. People's names and e-mail addresses are never part of a figure.
 */

export const metricKinds = [
  'risk_score',
  'phish_prone_pct',
  'phish_delivered',
  'phish_opened',
  'phish_clicked',
  'phish_reported',
  'phish_data_entered',
  'training_status',
  'training_completion_pct',
  'awareness_score',
  'grade_risk',
  'grade_human_error',
  'grade_sentiment',
  'grade_engagement',
  'grade_knowledge',
] as const;
export const MetricKind = z.enum(metricKinds);
export type MetricKind = z.infer<typeof MetricKind>;

/** The human-risk controls figures are evidence for. */
export const humanRiskControls = ['HUM-02', 'HUM-04', 'HUM-05'] as const;
export const HumanRiskControl = z.enum(humanRiskControls);
export type HumanRiskControl = z.infer<typeof HumanRiskControl>;

interface KindInfo {
  label: string;
  /** The control the figure measures: training (HUM-02), phishing simulation (HUM-04), behaviour (HUM-05). */
  control: HumanRiskControl;
  /** Which way is better, for trends. */
  better: 'higher' | 'lower';
  unit: '%' | 'count' | 'score' | 'grade' | 'status';
}

export const metricInfo: Record<MetricKind, KindInfo> = {
  risk_score: { label: 'Risk score', control: 'HUM-05', better: 'lower', unit: 'score' },
  phish_prone_pct: { label: 'Phish-prone %', control: 'HUM-04', better: 'lower', unit: '%' },
  phish_delivered: { label: 'Phishing tests delivered', control: 'HUM-04', better: 'higher', unit: 'count' },
  phish_opened: { label: 'Phishing tests opened', control: 'HUM-04', better: 'lower', unit: 'count' },
  phish_clicked: { label: 'Phishing tests clicked', control: 'HUM-04', better: 'lower', unit: 'count' },
  phish_reported: { label: 'Phishing tests reported', control: 'HUM-04', better: 'higher', unit: 'count' },
  phish_data_entered: { label: 'Data entered on phishing pages', control: 'HUM-04', better: 'lower', unit: 'count' },
  training_status: { label: 'Training completed', control: 'HUM-02', better: 'higher', unit: 'status' },
  training_completion_pct: { label: 'Training completion %', control: 'HUM-02', better: 'higher', unit: '%' },
  awareness_score: { label: 'Awareness score', control: 'HUM-02', better: 'higher', unit: 'score' },
  grade_risk: { label: 'SafeScore risk grade', control: 'HUM-05', better: 'higher', unit: 'grade' },
  grade_human_error: { label: 'SafeScore human-error grade', control: 'HUM-05', better: 'higher', unit: 'grade' },
  grade_sentiment: { label: 'SafeScore sentiment grade', control: 'HUM-05', better: 'higher', unit: 'grade' },
  grade_engagement: { label: 'SafeScore engagement grade', control: 'HUM-02', better: 'higher', unit: 'grade' },
  grade_knowledge: { label: 'SafeScore knowledge grade', control: 'HUM-02', better: 'higher', unit: 'grade' },
};

/** Letter grades as points (A best), so grades average and trend like numbers. */
export const gradePoints: Record<string, number> = { A: 4, B: 3, C: 2, D: 1, E: 0.5, F: 0 };
export function gradeOf(points: number): string {
  return points >= 3.5 ? 'A' : points >= 2.5 ? 'B' : points >= 1.5 ? 'C' : points >= 0.75 ? 'D' : 'F';
}

export const SubjectKind = z.enum(['person', 'group', 'organisation']);
export type SubjectKind = z.infer<typeof SubjectKind>;

/** A pseudonym as the assessment's keyed hash gives it. */
export const PSEUDONYM = /^p-[0-9a-f]{16}$/;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** One figure as a reader or a person gives it (no id yet). */
export const MetricInput = z
  .object({
    subjectKind: SubjectKind,
    /** A pseudonym (p-…), an identity when the user chose to keep them, a group name, or '' for the organisation. */
    subject: z.string().trim().max(320),
    /** The person's group (department) when the source gives it; a group's own name for group figures. */
    group: Text(200).nullable(),
    metric: MetricKind,
    value: z.number().finite().nullable(),
    /** A grade letter or a training status, as the source wrote it. */
    valueText: Text(100).nullable(),
    measuredOn: IsoDate,
    /** What the figure is about: a campaign, a training module. */
    label: Text(300).nullable(),
    source: Text(100),
    control: HumanRiskControl,
    externalId: Text(500).nullable(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.value === null && m.valueText === null) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a figure needs a value or a grade/status' });
    if (m.subjectKind === 'organisation' && m.subject !== '') ctx.addIssue({ code: 'custom', path: ['subject'], message: "the organisation's figures have no subject" });
    if (m.subjectKind !== 'organisation' && m.subject === '') ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a person or group figure names its subject' });
  });
export type MetricInput = z.infer<typeof MetricInput>;

/** As stored and logged. */
export const HumanMetric = z.object({
  id: z.string().regex(/^HRM-\d{6,}$/),
  subjectKind: SubjectKind,
  subject: z.string(),
  group: z.string().nullable(),
  metric: MetricKind,
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  measuredOn: z.string(),
  label: z.string().nullable(),
  source: z.string(),
  control: HumanRiskControl,
  externalId: z.string().nullable(),
  batchId: z.string().nullable(),
});
export type HumanMetric = z.infer<typeof HumanMetric>;

/** The fields that make two versions of a figure the same (an unchanged re-import). */
export function sameFigure(a: MetricInput, b: MetricInput): boolean {
  const keys = ['subjectKind', 'subject', 'group', 'metric', 'value', 'valueText', 'measuredOn', 'label', 'source', 'control'] as const;
  return keys.every((k) => a[k] === b[k]);
}
