import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliKit } from '../kit';

export function registerSampleCommands(program: Command, kit: CliKit): void {
  program
    .command('sample')
    .description('write the sample assessment (a fictional lender: four AI systems, classifications, control entries and their history) to a new file')
    .argument('<file>', 'the new file, ending in .assay')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const r = kit.run('assessment.sample', { file: resolve(file) });
      kit.emit(opts.json, r, `wrote ${r.name} to ${r.file}: ${r.systems} AI systems, ${r.entries} control entries, ${r.auditEntries} audit entries`);
    });
}
