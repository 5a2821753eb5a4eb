import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type ReportFormat, type ReportOptions, type ReportType, audiences, paperSizes, reportFormats, reportTypes, tabularReports } from '../../../shared/reports/model';
import type { ReportResult } from '../../../shared/reports/results';
import { reportExtensions } from '../../handlers/reports';
import { followJob, resultOf } from '../follow-job';
import { formatIssuedReports, formatReportResult, formatReportVerification } from '../format-reports';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE, collect } from '../kit';
import { trustedFingerprints } from './signoff';
import { regeneratedCheck, withCheck } from '../../reports/regenerate-check';

interface ReportFlags {
  type?: string;
  format: string;
  out: string;
  frameworks?: string;
  systems?: string;
  paper?: string;
  label?: string;
  audience?: string;
  issue?: boolean;
  json?: boolean;
}

const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function registerReportCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  const usage = (message: string) => {
    io.err(`assay: report: ${message}`);
    return kit.exit(EXIT_USAGE);
  };

  async function one(file: string, options: ReportOptions, out: string, issue: boolean): Promise<ReportResult> {
    const { jobId } = run('reports.generate', { file, options, out, issue });
    return resultOf(await followJob(kit, jobId, `the ${options.type} report of ${file}`, { command: 'report', afterCancel: 'it was not written' }), 'report', 'report').value;
  }

  program
    .command('report')
    .description('write a report and its manifest (<out>.manifest.json); the assessment is only read (SOURCE_DATE_EPOCH fixes the generation time)')
    .argument('<file>', 'an .assay file')
    .option('--type <type>', `${reportTypes.join('|')}, or all (then --out is a folder); not needed with --format oscal`)
    .requiredOption('--format <format>', `${reportFormats.join('|')} (xlsx and csv for the tabular reports; oscal: assessment results for the whole assessment)`)
    .requiredOption('--out <path>', 'the report file to write (a folder with --type all)')
    .option('--frameworks <ids>', 'framework ids to cover, comma-separated (default: all)')
    .option('--systems <ids>', 'AI systems to cover, ids or exact names, comma-separated (default: all)')
    .option('--paper <size>', 'A4 or Letter', 'A4')
    .option('--label <label>', 'the classification on every page, e.g. TLP:AMBER', 'TLP:AMBER')
    .option('--audience <audience>', 'internal, or external (personal names redacted)', 'internal')
    .option('--issue', 'also record the report in the register of issued reports and the audit log')
    .option('--json', 'print JSON')
    .action(async (file: string, o: ReportFlags) => {
      if (!(reportFormats as readonly string[]).includes(o.format)) throw usage(`--format must be one of ${reportFormats.join(', ')} (got "${o.format}")`);
      // OSCAL assessment results always cover the whole assessment: no report type to choose.
      if (o.format === 'oscal') o.type ??= 'executive';
      if (o.type === undefined) throw usage(`--type is required: one of ${reportTypes.join(', ')} or all`);
      if (o.type !== 'all' && !(reportTypes as readonly string[]).includes(o.type)) throw usage(`--type must be one of ${reportTypes.join(', ')} or all (got "${o.type}")`);
      // Paper sizes are names, not codes: "letter" and "a4" are meant as Letter and A4.
      const paper = paperSizes.find((p) => p.toLowerCase() === (o.paper ?? 'A4').toLowerCase());
      if (!paper) throw usage(`--paper must be ${paperSizes.join(' or ')} (got "${o.paper}")`);
      if (!(audiences as readonly string[]).includes(o.audience ?? 'internal')) throw usage(`--audience must be ${audiences.join(' or ')} (got "${o.audience}")`);
      if (o.type === 'all' && existsSync(o.out) && !statSync(o.out).isDirectory()) throw usage(`--out must be a folder with --type all; ${o.out} is a file`);
      const format = o.format as ReportFormat;
      const base = {
        format,
        ...(list(o.frameworks) ? { frameworks: list(o.frameworks) } : {}),
        ...(list(o.systems) ? { systems: list(o.systems) } : {}),
        paper,
        label: o.label,
        audience: o.audience as ReportOptions['audience'],
      };
      const path = resolve(file);
      if (o.type !== 'all') {
        const result = await one(path, { ...base, type: o.type as ReportType }, resolve(o.out), o.issue ?? false);
        emit(o.json, result, formatReportResult(result));
        return;
      }
      // Every report in the format; the tabular formats only for the reports that are tables, OSCAL once.
      const types: ReportType[] = format === 'oscal' ? ['executive'] : format === 'xlsx' || format === 'csv' ? [...tabularReports] : [...reportTypes];
      const untabular = format === 'xlsx' || format === 'csv' ? reportTypes.filter((t) => !tabularReports.includes(t)) : [];
      if (untabular.length) io.err(`assay: report: not written as ${format.toUpperCase()}, as they are not tables: ${untabular.join(', ')} (write them as pdf or docx)`);
      const results: ReportResult[] = [];
      for (const type of types) {
        const name = format === 'oscal' ? `assessment-results.${reportExtensions.oscal}` : `${type}.${reportExtensions[format]}`;
        results.push(await one(path, { ...base, type }, join(resolve(o.out), name), false));
      }
      // Issued only once all are written, so every report of the set cites the same head.
      if (o.issue) for (const r of results) r.issued = run('reports.issue', { file: path, report: r.path });
      emit(o.json, results, results.map(formatReportResult).join('\n\n'));
    });

  program
    .command('verify-report')
    .description('check a report against its manifest and, given the assessment, against the state at the head it cites and its register, and make it again to compare its content; exit 1 naming the first mismatch')
    .argument('<report>', 'a report written by assay report (its .manifest.json beside it)')
    .option('--assessment <file>', 'the .assay file the report was made from')
    .option('--trust <key>', 'a public key file or fingerprint to check a manifest signature (<manifest>.sig) against, besides the keys you trust (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action(async (report: string, o: { assessment?: string; trust: string[]; json?: boolean }) => {
      const trust = o.trust.length ? { trust: trustedFingerprints(kit, o.trust) } : {};
      let result = run('reports.verify', { report: resolve(report), ...(o.assessment ? { file: resolve(o.assessment) } : {}), ...trust });
      if (o.assessment) result = withCheck(result, await regeneratedCheck(resolve(report), resolve(o.assessment)));
      emit(o.json, result, formatReportVerification(result));
      if (!result.ok) throw kit.exit(EXIT_FAILED_CHECK);
    });

  program
    .command('reports')
    .description('list the issued reports of an assessment: type, format, file, SHA-256, the head each cites (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, o: { json?: boolean }) => {
      const { reports } = run('reports.list', { file: resolve(file) });
      emit(o.json, reports, formatIssuedReports(reports));
    });
}
