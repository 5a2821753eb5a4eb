import type { ReviewDoc, ReviewEntry, ReviewItem } from '../../shared/domain/review/model';
import { reviewGradeLabels, reviewStatusLabels, targetText } from '../../shared/domain/review/model';
import type { CommandOutput } from '../../shared/commands';
import { checkLine } from './format';

/** How review results read on a terminal. */

export function formatReviewVerification(v: CommandOutput<'review.verify'>): string {
  const lines = [`${v.ok ? 'OK' : 'FAILED'}: ${v.assessment.file} (head ${v.assessment.head})`];
  for (const c of v.assessment.checks) lines.push(checkLine(c));
  if (v.reports.length === 0) lines.push(`  reports: none found${v.reportsFolder ? ` in ${v.reportsFolder}` : ''} (name them with --report)`);
  for (const r of v.reports) {
    lines.push(`  ${r.ok ? 'ok  ' : 'FAIL'} report ${r.report}`);
    for (const c of r.checks.filter((x) => !x.ok)) lines.push(`         ${c.name}: ${c.detail}`);
  }
  return lines.join('\n');
}

export function formatReviewEntry(e: ReviewEntry): string {
  return `#${e.seq} ${reviewGradeLabels[e.grade]} on ${targetText(e.target)} (${e.by}, ${e.at.slice(0, 16).replace('T', ' ')})\n    ${e.text}`;
}

export function formatReviewDoc(path: string, doc: ReviewDoc): string {
  const head = doc.review.reviewedHead;
  return [
    `${path}: review ${doc.review.id} of ${doc.review.assessment.name} at head ${head.count}:${head.hash} by ${doc.review.reviewer}; chain intact`,
    ...(doc.entries.length ? doc.entries.map(formatReviewEntry) : ['  (no entries yet)']),
  ].join('\n');
}

export function formatReviewItems(items: readonly ReviewItem[]): string {
  if (items.length === 0) return 'No review items merged (assay merge-review <file> <package> brings them in).';
  return items
    .map(
      (i) =>
        `${i.id}  ${reviewStatusLabels[i.status]}  ${reviewGradeLabels[i.grade]} on ${targetText(i.target)} by ${i.reviewer} (head ${i.reviewedHead.count})\n    ${i.text}${i.statusNote ? `\n    status note: ${i.statusNote}${i.statusBy ? ` (${i.statusBy})` : ''}` : ''}`,
    )
    .join('\n');
}

export function formatMerge(m: CommandOutput<'review.merge'>, pkg: string): string {
  const lines = [
    `${pkg}: review ${m.review.id} by ${m.review.reviewer} of ${m.review.assessment.name} at head ${m.review.reviewedHead.count}; SHA-256 ${m.packageSha256}`,
    `  ${m.arriving.length} arriving, ${m.already} merged before`,
    ...m.arriving.map((e) => `  + ${formatReviewEntry(e).replace(/\n/g, '\n  ')}`),
    ...m.warnings.map((w) => `  warning: ${w}`),
  ];
  if (m.merged) lines.push(`merged: ${m.items.map((i) => i.id).join(', ')} (recorded in the audit log; status open)`);
  else lines.push(m.arriving.length ? 'dry run: nothing was written' : 'nothing new to merge');
  return lines.join('\n');
}
