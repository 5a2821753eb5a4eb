import { resolve } from 'node:path';
import type { Command } from 'commander';
import { riskStatuses, treatments } from '../../../shared/domain/risk';
import { formatRisks } from '../format-risks';
import { type CliKit, EXIT_USAGE, collect } from '../kit';

interface RiskOptions {
  system?: string;
  threat?: string;
  title?: string;
  description?: string;
  likelihood?: string;
  impact?: string;
  treatment?: string;
  control: string[];
  residualLikelihood?: string;
  residualImpact?: string;
  owner?: string;
  status?: string;
  review?: string;
  json?: boolean;
}

/** A level that is not a whole number is passed on as typed, so the schema names the field. */
const level = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);

function riskFields(o: RiskOptions): Record<string, unknown> {
  const given: [string, unknown][] = [
    ['system', o.system],
    ['threat', o.threat],
    ['title', o.title],
    ['description', o.description],
    ['likelihood', o.likelihood === undefined ? undefined : level(o.likelihood)],
    ['impact', o.impact === undefined ? undefined : level(o.impact)],
    ['treatment', o.treatment],
    ['controls', o.control.length ? o.control : undefined],
    ['residualLikelihood', o.residualLikelihood === undefined ? undefined : level(o.residualLikelihood)],
    ['residualImpact', o.residualImpact === undefined ? undefined : level(o.residualImpact)],
    ['owner', o.owner],
    ['status', o.status?.replaceAll('-', '_')],
    ['reviewDate', o.review],
  ];
  return Object.fromEntries(given.filter(([, v]) => v !== undefined));
}

function riskOptions(cmd: Command): Command {
  return cmd
    .option('--system <id-or-name>', 'the AI system the risk belongs to (e.g. SYS-001 or its exact name)')
    .option('--threat <id>', 'the threat from the catalog (e.g. THR-01)')
    .option('--title <text>', 'what could go wrong, in a line')
    .option('--description <text>', 'more detail')
    .option('--likelihood <1-5>', '1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain')
    .option('--impact <1-5>', '1 negligible, 2 minor, 3 moderate, 4 major, 5 severe')
    .option('--treatment <how>', treatments.join(' | '))
    .option('--control <id>', 'a control that treats it, repeatable', collect, [])
    .option('--residual-likelihood <1-5>', 'likelihood after treatment')
    .option('--residual-impact <1-5>', 'impact after treatment')
    .option('--owner <name>', 'who is accountable for the risk')
    .option('--status <status>', riskStatuses.join(' | '))
    .option('--review <YYYY-MM-DD>', 'when the risk is next reviewed')
    .option('--json', 'print JSON');
}

export function registerRiskCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const risks = program
    .command('risks')
    .description('print the risk register with scores, acceptances and the heat maps (read-only); "risks add", "risks update" and "risks accept" change it')
    .argument('[file]', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      if (!file) {
        io.err('assay: risks: name the .assay file (assay risks <file>), or add a risk with assay risks add <file> --system … --title …');
        throw kit.exit(EXIT_USAGE);
      }
      const register = run('risks.list', { file: resolve(file) });
      emit(opts.json, register, formatRisks(register));
    });

  riskOptions(risks.command('add').description('add a risk to the register').argument('<file>', 'an .assay file')).action((file: string, o: RiskOptions) => {
    const { risk } = run('risks.add', { file: resolve(file), risk: riskFields(o) });
    emit(o.json, risk, `added ${risk.id} ${risk.title} (inherent ${risk.likelihood * risk.impact}, ${risk.treatment})`);
  });

  riskOptions(risks.command('update').description("change a risk's fields; those not given keep their value").argument('<file>', 'an .assay file').argument('<risk-id>', 'e.g. RSK-001')).action(
    (file: string, id: string, o: RiskOptions) => {
      const { risk } = run('risks.update', { file: resolve(file), risk: id, changes: riskFields(o) });
      emit(o.json, risk, `changed ${risk.id} ${risk.title}`);
    },
  );

  risks
    .command('accept')
    .description('record the acceptance of a risk as it stands now, by a named approver, with an expiry')
    .argument('<file>', 'an .assay file')
    .argument('<risk-id>', 'e.g. RSK-001')
    .requiredOption('--approver <name>', 'who accepts the risk')
    .requiredOption('--expires <YYYY-MM-DD>', 'when the acceptance lapses')
    .option('--on <YYYY-MM-DD>', 'the day it was approved (default: today)')
    .option('--rationale <text>', 'why the risk is accepted')
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: { approver: string; expires: string; on?: string; rationale?: string; json?: boolean }) => {
      const acceptance = { approver: o.approver, expiresOn: o.expires, ...(o.on ? { approvedOn: o.on } : {}), ...(o.rationale ? { rationale: o.rationale } : {}) };
      const result = run('risks.accept', { file: resolve(file), risk: id, acceptance });
      emit(o.json, result, `accepted ${result.risk.id} ${result.risk.title}: approved by ${o.approver} on ${result.acceptance.approvedOn}, expires ${result.acceptance.expiresOn}`);
    });
}
