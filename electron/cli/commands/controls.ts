import { resolve } from 'node:path';
import type { Command } from 'commander';
import { controlStates } from '../../../shared/domain/control-state';
import { formatControl, formatControls } from '../format-controls';
import { type CliKit, EXIT_USAGE } from '../kit';

interface SetStateOptions {
  justification?: string;
  owner?: string;
  due?: string;
  maturity?: string;
  notes?: string;
  lastReview?: string;
  nextReview?: string;
  system?: string;
  json?: boolean;
}

/**
 * `controls` lists the controls with the entry that counts (the organisation's, or a system's own);
 * `set-state` sets one entry. Returns the `controls` command so other modules can add subcommands
 * to it (e.g. `controls add` for the organisation's own controls).
 */
export function registerControlCommands(program: Command, kit: CliKit): Command {
  const { io, run, emit } = kit;
  const controls = program
    .command('controls')
    .description("list the controls of an assessment with their state; --system shows a system's entries, its own or the organisation's")
    .argument('[file]', 'an .assay file')
    .option('--system <id>', 'a system id (e.g. SYS-001) or its exact name')
    .option('--json', 'print JSON')
    // Options after a subcommand (controls unset … --system) belong to the subcommand.
    .enablePositionalOptions()
    .action((file: string | undefined, opts: { system?: string; json?: boolean }) => {
      if (!file) {
        io.err('assay: controls: name the .assay file (assay controls <file> [--system <id>])');
        throw kit.exit(EXIT_USAGE);
      }
      const list = run('controls.list', { file: resolve(file), ...(opts.system !== undefined ? { system: opts.system } : {}) });
      emit(opts.json, list.controls, formatControls(list.controls, list.system));
    });

  controls
    .command('unset')
    .description("remove a system's own entry for a control: the system follows the organisation's entry again")
    .argument('<file>', 'an .assay file')
    .argument('<control-id>', 'a control id, e.g. GOV-01')
    .requiredOption('--system <id>', 'a system id (e.g. SYS-001) or its exact name')
    .option('--json', 'print JSON')
    .action((file: string, controlId: string, opts: { system: string; json?: boolean }) => {
      const result = run('controls.removeSystemEntry', { file: resolve(file), controlId, system: opts.system });
      emit(opts.json, result, formatControl(result.control, opts.system));
    });

  program
    .command('set-state')
    .description(`set a control's state (${controlStates.join(', ')}), for the organisation or with --system for one system`)
    .argument('<file>', 'an .assay file')
    .argument('<control-id>', 'a control id, e.g. GOV-01')
    .argument('<state>', controlStates.join(' | '))
    .option('--justification <text>', 'why the control does not apply (required for not_applicable)')
    .option('--owner <name>', 'who is accountable for the control')
    .option('--due <YYYY-MM-DD>', 'when it is due')
    .option('--maturity <0-5>', 'maturity: 0 non-existent … 5 optimised')
    .option('--notes <text>', 'implementation notes')
    .option('--last-review <YYYY-MM-DD>', 'when it was last reviewed')
    .option('--next-review <YYYY-MM-DD>', 'when it is next reviewed')
    .option('--system <id>', "set this system's own entry (id, e.g. SYS-001, or exact name); it overrides the organisation's for that system")
    .option('--json', 'print JSON')
    .action((file: string, controlId: string, state: string, opts: SetStateOptions) => {
      const details = {
        ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
        ...(opts.due !== undefined ? { dueDate: opts.due } : {}),
        // A maturity that is not a whole number is passed on as typed, so the schema names the field.
        ...(opts.maturity !== undefined ? { maturity: /^\d+$/.test(opts.maturity) ? Number(opts.maturity) : opts.maturity } : {}),
        ...(opts.notes !== undefined ? { notes: opts.notes } : {}),
        ...(opts.lastReview !== undefined ? { lastReview: opts.lastReview } : {}),
        ...(opts.nextReview !== undefined ? { nextReview: opts.nextReview } : {}),
      };
      const input = {
        file: resolve(file),
        controlId,
        state: state.replaceAll('-', '_'),
        ...(opts.justification !== undefined ? { justification: opts.justification } : {}),
        ...(Object.keys(details).length ? { details } : {}),
        ...(opts.system !== undefined ? { system: opts.system } : {}),
      };
      const result = run('controls.setState', input);
      emit(opts.json, result, formatControl(result.control, opts.system ?? null));
    });

  return controls;
}
