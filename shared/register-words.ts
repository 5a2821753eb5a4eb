import { countOf } from './plural';
import { daysBetween } from './domain/dates';
import { type Rating, type RiskLevel, impactLabels, likelihoodLabels, ratingBands } from './domain/risk';

/** How the registers say scores and deadlines to a person, the same in the app and on the command line. */

export const ratingLabel = (rating: Rating) => ratingBands.find((b) => b.rating === rating)!.label;

/** "4×5 = 20 Critical (Likely × Severe)". */
export function scoreWords(likelihood: RiskLevel, impact: RiskLevel, withLabels = true): string {
  const score = likelihood * impact;
  const band = ratingBands.find((b) => score >= b.min && score <= b.max)!;
  return `${likelihood}×${impact} = ${score} ${band.label}${withLabels ? ` (${likelihoodLabels[likelihood]} × ${impactLabels[impact]})` : ''}`;
}

/** "in 3 days", "today", "2 days overdue". */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  return daysLeft > 0 ? `in ${countOf(daysLeft, 'day')}` : `${countOf(-daysLeft, 'day')} overdue`;
}

/** The same for a date: "2027-01-31 (in 64 days)". */
export function dateWithDaysLeft(date: string, today: string): string {
  return `${date} (${daysLeftWords(daysBetween(today, date))})`;
}
