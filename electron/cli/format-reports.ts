import { reportTitles } from '../../shared/reports/model';
import { checkLine } from './format';
import type { IssuedReport, ReportResult, ReportVerification } from '../../shared/reports/results';

export function formatReportResult(r: ReportResult): string {
  return [
    `${r.format === 'oscal' ? 'OSCAL assessment results of the whole assessment' : reportTitles[r.type]} (${r.format}) written: ${r.path}`,
    `  manifest  ${r.manifestPath}`,
    `  SHA-256   ${r.sha256} (${r.size} bytes)`,
    `  cites     audit head ${r.head.count}:${r.head.hash}, generated ${r.generatedAt}`,
    r.issued ? `  issued    ${r.issued.id}, recorded in the register and the audit log` : '  (generated only: not issued; --issue records it)',
  ].join('\n');
}

export function formatReportVerification(v: ReportVerification): string {
  return [`${v.ok ? 'OK' : 'FAILED'}: ${v.report}`, ...v.checks.map((c) => checkLine(c))].join('\n');
}

export function formatIssuedReports(reports: readonly IssuedReport[]): string {
  if (reports.length === 0) return 'No reports issued yet (assay report … --issue).';
  return reports
    .map((r) => `${r.id}  ${r.issuedAt.slice(0, 16).replace('T', ' ')}  ${reportTitles[r.type]} (${r.format})  ${r.fileName}\n      SHA-256 ${r.sha256}  head ${r.head.count}  ${r.label}  ${r.audience}  by ${r.issuedBy ?? 'unknown'}`)
    .join('\n');
}
