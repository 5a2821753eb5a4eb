import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyResult } from '../../shared/commands';
import type { ReportVerification } from '../../shared/reports/results';
import { verifyReport } from '../reports/verify-report';
import { reportsFolderOf } from '../reports/write';
import type { Assessment } from '../store/assessment';
import { verifyAssessment } from '../store/verify';

/**
 * The auditor's one action: the audit chain (against the head they hold from a report, when they
 * have one), every state table by replay, every evidence hash, and every report found beside the
 * assessment (or named) against its manifest and this assessment.
 */
export interface ReviewVerification {
  ok: boolean;
  assessment: VerifyResult;
  reports: ReportVerification[];
  /** Where reports were looked for when none were named. */
  reportsFolder: string | null;
}

/** Reports in the default folder: every file with a manifest beside it. */
export function reportsBeside(file: string): string[] {
  const folder = reportsFolderOf(file);
  if (!existsSync(folder)) return [];
  const names = new Set(readdirSync(folder));
  return [...names].filter((n) => !n.endsWith('.manifest.json') && names.has(`${n}.manifest.json`)).sort().map((n) => join(folder, n));
}

export function verifyForReview(a: Assessment, options: { expectHead?: string; reports?: readonly string[] } = {}): ReviewVerification {
  const assessment = verifyAssessment(a, options.expectHead !== undefined ? { expectHead: options.expectHead } : {});
  const named = options.reports !== undefined && options.reports.length > 0;
  const reports = (named ? options.reports! : reportsBeside(a.file)).map((r) => verifyReport(r, { assessment: a.file }));
  return { ok: assessment.ok && reports.every((r) => r.ok), assessment, reports, reportsFolder: named ? null : reportsFolderOf(a.file) };
}
