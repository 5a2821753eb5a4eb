import { reportFormats, reportTitles, reportTypes, tabularReports } from '../../shared/reports/model';
import { startJob } from '../jobs/runner';
import { parseReportOptions } from '../reports/generate';
import { verifyReport } from '../reports/verify-report';
import { listIssuedReports } from '../store/reports';
import { actorOf } from './context';
import { normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type ReportHandlers = Pick<Handlers, 'reports.types' | 'reports.generate' | 'reports.list' | 'reports.verify'>;

export const reportHandlers: ReportHandlers = {
  'reports.types': () => ({
    reports: reportTypes.map((type) => ({ type, title: reportTitles[type], formats: reportFormats.filter((f) => f === 'pdf' || f === 'docx' || f === 'oscal' || tabularReports.includes(type)) })),
  }),

  'reports.generate': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Options and the file are checked here, so a bad request is refused before any job starts;
    // issuing needs the file writable, generating only readable.
    parseReportOptions(input.options);
    const assessment = input.issue ? useForWriting(input.file, actor).assessment : useForReading(input.file);
    return startJob('report', assessment.file, { report: { options: input.options, out: normalisePath(input.out), issue: input.issue ?? false, actor } });
  },

  'reports.list': (input) => ({ reports: listIssuedReports(useForReading(input.file)) }),

  'reports.verify': (input) => verifyReport(normalisePath(input.report), input.file ? { assessment: normalisePath(input.file) } : {}),
};
