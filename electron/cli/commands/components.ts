import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatComponents } from '../format-components';
import { type CliKit, EXIT_USAGE } from '../kit';

export function registerComponentCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const components = program
    .command('components')
    .description("AI systems' components from imported AI-BOMs: models, datasets, services and libraries (read-only); \"components remove\" takes one off a list")
    .argument('[file]', 'an .assay file')
    .argument('[system]', 'only this system: its id (e.g. SYS-001) or exact name')
    .option('--json', 'print JSON')
    .action((file: string | undefined, system: string | undefined, opts: { json?: boolean }) => {
      if (!file) {
        io.err('assay: components: name the .assay file (assay components <file> [<system>])');
        throw kit.exit(EXIT_USAGE);
      }
      const result = run('components.list', { file: resolve(file), ...(system !== undefined ? { system } : {}) });
      emit(opts.json, result.components, formatComponents(result.components, system));
    });

  components
    .command('remove')
    .description("remove a component from its system's list")
    .argument('<file>', 'an .assay file')
    .argument('<component-id>', 'e.g. CMP-004')
    .option('--reason <text>', 'why, for the audit log')
    .option('--json', 'print JSON')
    .action((file: string, component: string, o: { reason?: string }, cmd: Command) => {
      const result = run('components.remove', { file: resolve(file), component, ...(o.reason !== undefined ? { reason: o.reason } : {}) });
      emit(Boolean((cmd.optsWithGlobals() as { json?: boolean }).json), result.removed, `removed ${result.removed.id} ${result.removed.name} from ${result.removed.systemId}`);
    });
}
