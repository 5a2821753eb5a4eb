import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatCorrelation } from '../format-human-risk';
import type { CliKit } from '../kit';

export function registerHumanRiskCommands(program: Command, kit: CliKit): void {
  program
    .command('human-risk')
    .description("each AI system with the human-risk figures of the groups that own, operate or use it, and the likelihood they suggest for people-driven threats (read-only)")
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const result = kit.run('humanRisk.correlation', { file: resolve(file) });
      kit.emit(opts.json, result, formatCorrelation(result));
    });
}
