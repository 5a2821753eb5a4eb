import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findingSeverities, findingStatuses } from '../../../shared/imports/finding-data';
import { formatFinding, formatFindings, formatPlan } from '../format-findings';
import { type CliKit, EXIT_USAGE, collect } from '../kit';

interface ListOptions {
  status: string[];
  severity: string[];
  system?: string;
  threat?: string;
  json?: boolean;
}

interface UpdateOptions {
  status?: string;
  owner?: string;
  due?: string;
  reason?: string;
  approver?: string;
  expires?: string;
  evidence: string[];
  control: string[];
  risk: string[];
  json?: boolean;
}

const clearable = (v: string | undefined) => (v === undefined ? undefined : v === '' || v === 'none' ? null : v);

export function registerFindingCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const findings = program
    .command('findings')
    .description('list the findings (imported red-team and scanner results): id, severity, status, system, threat, title, owner, due (read-only)')
    .argument('[file]', 'an .assay file')
    .option('--status <status>', `only these, repeatable: ${findingStatuses.join(', ')}`, collect, [])
    .option('--severity <level>', `only these, repeatable: ${findingSeverities.join(', ')}`, collect, [])
    .option('--system <id-or-name>', "only this system's")
    .option('--threat <id>', 'only those demonstrating this threat (THR-08)')
    .option('--json', 'print JSON')
    .action((file: string | undefined, o: ListOptions) => {
      if (!file) {
        io.err('assay: findings: name the .assay file (assay findings <file>)');
        throw kit.exit(EXIT_USAGE);
      }
      const filter = {
        ...(o.status.length ? { status: o.status.map((s) => s.replaceAll('-', '_')) } : {}),
        ...(o.severity.length ? { severity: o.severity } : {}),
        ...(o.system ? { system: o.system } : {}),
        ...(o.threat ? { threat: o.threat } : {}),
      };
      const list = run('findings.list', { file: resolve(file), filter });
      emit(o.json, list, formatFindings(list.findings, list.today));
    });

  findings
    .command('show')
    .description('one finding in full: what the source said (prompt and response), its lifecycle and links')
    .argument('<file>', 'an .assay file')
    .argument('<id>', 'e.g. FND-001')
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: { json?: boolean }) => {
      const { finding } = run('findings.get', { file: resolve(file), finding: id });
      emit(o.json, finding, formatFinding(finding));
    });

  findings
    .command('plan')
    .description('the plan of action: what, who, by when, status; late items flagged')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, o: { json?: boolean }) => {
      const plan = run('findings.plan', { file: resolve(file) });
      emit(o.json, plan, formatPlan(plan.items, plan.today));
    });

  findings
    .command('update')
    .description('change a finding: its status (fixed needs --evidence or --reason; risk-accepted needs --approver and --expires; false-positive needs --reason), owner, due date, links')
    .argument('<file>', 'an .assay file')
    .argument('<id>', 'e.g. FND-001')
    .option('--status <status>', findingStatuses.map((s) => s.replaceAll('_', '-')).join(' | '))
    .option('--owner <name>', 'who remediates it ("none" clears)')
    .option('--due <YYYY-MM-DD>', 'by when ("none" clears)')
    .option('--reason <text>', "why: a false positive's reason, a note on the fix, an acceptance's rationale")
    .option('--approver <name>', 'who accepted the risk')
    .option('--expires <YYYY-MM-DD>', 'when the acceptance runs out')
    .option('--evidence <id>', 'an evidence item that shows the fix (EV-001), repeatable', collect, [])
    .option('--control <id>', 'a control it concerns (replaces the list), repeatable', collect, [])
    .option('--risk <id>', 'a risk it concerns (replaces the list), repeatable', collect, [])
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: UpdateOptions) => {
      const changes = {
        ...(o.status ? { status: o.status.replaceAll('-', '_') } : {}),
        ...(o.owner !== undefined ? { owner: clearable(o.owner) } : {}),
        ...(o.due !== undefined ? { dueDate: clearable(o.due) } : {}),
        ...(o.reason !== undefined ? { reason: o.reason } : {}),
        ...(o.approver !== undefined ? { approver: o.approver } : {}),
        ...(o.expires !== undefined ? { expiresOn: o.expires } : {}),
        ...(o.evidence.length ? { evidence: o.evidence } : {}),
        ...(o.control.length ? { controls: o.control } : {}),
        ...(o.risk.length ? { risks: o.risk } : {}),
      };
      if (Object.keys(changes).length === 0) {
        io.err('assay: findings update: say what changes (--status, --owner, --due, --reason, --approver, --expires, --evidence, --control, --risk)');
        throw kit.exit(EXIT_USAGE);
      }
      const { finding } = run('findings.update', { file: resolve(file), finding: id, changes });
      emit(o.json, finding, `${finding.id} ${finding.title}: ${finding.status.replaceAll('_', ' ')}${finding.dueDate ? `, due ${finding.dueDate}` : ''}`);
    });
}
