import { join } from 'node:path';
import { type ReportFormat, reportFormats, reportTitles, reportTypes, tabularReports } from '../../shared/reports/model';
import { startJob } from '../jobs/runner';
import { generationTime, parseReportOptions } from '../reports/options';
import { issueWrittenReport } from '../reports/issue';
import { verifyReport } from '../reports/verify-report';
import { listIssuedReports } from '../store/reports';
import { reportsFolderOf } from '../reports/write';
import { actorOf } from './context';
import { trustedKeys } from './signoff';
import { normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

export const reportExtensions: Record<ReportFormat, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', csv: 'csv', oscal: 'oscal.json' };

/** Beside the assessment, in "<name> reports/", named by type and generation time (never over an earlier one). */
function defaultOut(file: string, type: string, format: ReportFormat): string {
  const stamp = generationTime().slice(0, 23).replace(/[-:]/g, '').replace('T', '-').replace('.', '-');
  return join(reportsFolderOf(file), `${type}-${stamp}.${reportExtensions[format]}`);
}

type ReportHandlers = Pick<Handlers, 'reports.types' | 'reports.generate' | 'reports.issue' | 'reports.list' | 'reports.verify'>;

export const reportHandlers: ReportHandlers = {
  'reports.types': () => ({
    reports: reportTypes.map((type) => ({ type, title: reportTitles[type], formats: reportFormats.filter((f) => f === 'pdf' || f === 'docx' || f === 'oscal' || tabularReports.includes(type)) })),
  }),

  'reports.generate': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Options and the file are checked here, so a bad request is refused before any job starts;
    // issuing needs the file writable, generating only readable.
    const options = parseReportOptions(input.options);
    const assessment = input.issue ? useForWriting(input.file, actor).assessment : useForReading(input.file);
    const out = input.out ? normalisePath(input.out) : defaultOut(assessment.file, options.type, options.format);
    return startJob('report', assessment.file, { report: { options: input.options, out, issue: input.issue ?? false, actor } });
  },

  'reports.issue': (input, ctx) => {
    const { actor } = actorOf(ctx);
    const { assessment } = useForWriting(input.file, actor);
    return issueWrittenReport(assessment, normalisePath(input.report), actor);
  },

  'reports.list': (input) => ({ reports: listIssuedReports(useForReading(input.file)) }),

  'reports.verify': (input, ctx) => verifyReport(normalisePath(input.report), { ...(input.file ? { assessment: normalisePath(input.file) } : {}), trusted: trustedKeys(ctx, input.trust) }),
};
