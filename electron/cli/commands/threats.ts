import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatThreat, formatThreats } from '../format-threats';
import { type CliKit, EXIT_USAGE } from '../kit';

interface DecideOptions {
  confirm?: boolean;
  dismiss?: boolean;
  add?: boolean;
  reason?: string;
  json?: boolean;
}

export function registerThreatCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const threats = program
    .command('threats')
    .description('the threats of an AI system: suggested from its properties (with the reasons) and decided by you (read-only); "threats decide" records a decision')
    .argument('[file]', 'an .assay file')
    .argument('[system]', 'the system id (e.g. SYS-001) or its exact name')
    .option('--json', 'print JSON')
    .action((file: string | undefined, system: string | undefined, opts: { json?: boolean }) => {
      if (!file || !system) {
        io.err('assay: threats: name the .assay file and the system (assay threats <file> <system>)');
        throw kit.exit(EXIT_USAGE);
      }
      const result = run('systems.threats', { file: resolve(file), system });
      emit(opts.json, result.threats, formatThreats(result));
    });

  threats
    .command('decide')
    .description('confirm a suggested threat, dismiss one with a reason, or add one the rules did not suggest (with a reason)')
    .argument('<file>', 'an .assay file')
    .argument('<system>', 'the system id (e.g. SYS-001) or its exact name')
    .argument('<threat-id>', 'a catalog threat id, e.g. THR-08')
    .option('--confirm', 'the suggested threat applies')
    .option('--dismiss', 'the suggested threat does not apply (needs --reason)')
    .option('--add', 'a threat the rules did not suggest applies (needs --reason)')
    .option('--reason <text>', 'why (required to dismiss or add)')
    .option('--json', 'print JSON')
    .action((file: string, system: string, threat: string, o: DecideOptions, cmd: Command) => {
      const chosen = (['confirm', 'dismiss', 'add'] as const).filter((k) => o[k]);
      if (chosen.length !== 1) {
        io.err('assay: threats decide: give exactly one of --confirm, --dismiss or --add');
        throw kit.exit(EXIT_USAGE);
      }
      const decision = { confirm: 'confirmed', dismiss: 'dismissed', add: 'added' }[chosen[0]!];
      const result = run('systems.decideThreat', { file: resolve(file), system, decision: { threat, decision, ...(o.reason !== undefined ? { reason: o.reason } : {}) } });
      emit(Boolean((cmd.optsWithGlobals() as { json?: boolean }).json), result.threat, formatThreat(result.threat));
    });
}
