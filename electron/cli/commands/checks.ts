import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CheckFindingRow, CheckReport } from '../../../shared/command-groups/checks';
import { countOf } from '../../../shared/plural';
import { type CliKit, EXIT_FAILED_CHECK } from '../kit';

/** Where a finding is fixed, as the app names it. */
export function findingPlace(f: CheckFindingRow): string {
  const t = f.target;
  const scope = 'systemId' in t && t.systemId ? ` for ${t.systemId}` : '';
  switch (t.kind) {
    case 'control':
      return `control ${t.id}${scope || ' (organisation-wide)'}`;
    case 'requirement':
      return `requirement ${t.id}${scope}`;
    default:
      return `${t.kind} ${t.id}`;
  }
}

export function formatCheck(report: CheckReport): string {
  const { error, warning, info } = report.counts;
  const head = `${report.file}: ${countOf(error, 'error')}, ${countOf(warning, 'warning')}, ${countOf(info, 'note')} (as of ${report.asOf})`;
  if (report.findings.length === 0) return `${head}\nnothing an auditor would flag`;
  const lines = report.findings.map((f) => `${f.severity.toUpperCase().padEnd(7)} ${f.title}\n        ${f.message}\n        fix at: ${findingPlace(f)}`);
  return [head, '', ...lines].join('\n');
}

export function registerCheckCommands(program: Command, kit: CliKit): void {
  program
    .command('check')
    .description('list what an auditor would find (errors, warnings, notes), each with where to fix it; exits 1 when any finding is an error (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--as-of <YYYY-MM-DD>', 'judge dates as of this day (default: today)')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean; asOf?: string }) => {
      const report = kit.run('assessment.check', { file: resolve(file), ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}) });
      kit.emit(opts.json, report, formatCheck(report));
      if (report.counts.error > 0) throw kit.exit(EXIT_FAILED_CHECK);
    });
}
