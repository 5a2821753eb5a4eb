import { z } from 'zod';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { Fingerprint } from './signoff';
import { JobId } from '../jobs';
import { ReportOptions, reportFormats, reportTypes } from '../reports/model';
import { IssuedReport, ReportVerification } from '../reports/results';

/**
 * Reports: generated as a job (progress, cancel) that only reads the assessment; issuing one also
 * records its SHA-256 and the head it cites in the register of issued reports and the audit log.
 */

export const reportCommands = {
  'reports.types': command(
    'The reports Assay writes, with the formats each comes in.',
    z.object({}).strict(),
    z.object({ reports: z.array(z.object({ type: z.enum(reportTypes), title: z.string(), formats: z.array(z.enum(reportFormats)) })) }),
  ),
  'reports.generate': command(
    'Generate one report and its manifest (<out>.manifest.json) as a job; without out, into "<assessment> reports/" beside the assessment. With issue, also record it in the register of issued reports. The result (path, SHA-256, head cited) comes as the job event.',
    z.object({ file: AssessmentFile, options: ReportOptions, out: AssessmentFile.optional(), issue: z.boolean().optional() }).strict(),
    z.object({ jobId: JobId }),
  ),
  'reports.issue': command(
    'Issue a report already written (with its manifest beside it): once it checks out against this assessment, record its SHA-256 and the head it cites in the register of issued reports and the audit log.',
    z.object({ file: AssessmentFile, report: AssessmentFile }).strict(),
    IssuedReport,
  ),
  'reports.list': command('The register of issued reports: type, format, file name, SHA-256, the head each cites, who issued it and when.', FileOnly, z.object({ reports: z.array(IssuedReport) })),
  'reports.verify': command(
    "Check a report against the manifest beside it and, given the assessment, that the head it cites is on the assessment's chain and the state at that head gives the report's figures; a signature beside the manifest (<manifest>.sig) is checked against the keys the user trusts and those in trust.",
    z.object({ report: AssessmentFile, file: AssessmentFile.optional(), trust: z.array(Fingerprint).max(100).optional() }).strict(),
    ReportVerification,
  ),
} as const;
