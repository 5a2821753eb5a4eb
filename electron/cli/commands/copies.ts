import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatBackups, formatDiff } from '../format-diff';
import { waitForJob } from '../../jobs/await-job';
import { progressLine } from '../../jobs/progress-line';
import type { JobResult } from '../../../shared/events';
import type { CliKit } from '../kit';

/** `assay diff`, `assay backups`, `assay restore`: comparing copies of an assessment and going back to one. */
export function registerCopyCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  /** Waits for a backup or restore job, its steps shown on a terminal (or as lines, ASSAY_PROGRESS=lines). */
  async function follow(jobId: string, what: string): Promise<JobResult> {
    const line = progressLine();
    try {
      return await waitForJob(jobId, what, line.update);
    } finally {
      line.finish();
    }
  }

  program
    .command('diff')
    .description('compare two copies of an assessment (read-only): what changed from a to b, grouped by kind, and where their audit logs diverge')
    .argument('<a>', 'the earlier copy, e.g. the one sent to the auditor')
    .argument('<b>', 'the later copy, e.g. today\'s')
    .option('--json', 'print JSON')
    .action((a: string, b: string, opts: { json?: boolean }) => {
      const diff = run('assessment.diff', { file: resolve(a), other: resolve(b) });
      emit(opts.json, diff, formatDiff(diff));
    });

  program
    .command('backups')
    .description('list the backups of an assessment, newest first: time, label (why it was taken), size and audit head; --now takes one first')
    .argument('<file>', 'an .assay file')
    .option('--now', 'take a backup now (label "manual"), then list')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { now?: boolean; json?: boolean }) => {
      if (opts.now) {
        const { jobId } = run('backups.create', { file: resolve(file) });
        const result = await follow(jobId, `the backup of ${file}`);
        if (!opts.json && result.kind === 'backup') io.out(`took a backup: ${result.value.path}`);
      }
      const { backups } = run('backups.list', { file: resolve(file) });
      emit(opts.json, backups, formatBackups(resolve(file), backups));
    });

  program
    .command('restore')
    .description("replace an assessment with one of its backups: a backup of the current state is kept first, and the restore is logged with the head it discards")
    .argument('<file>', 'the .assay file to restore')
    .requiredOption('--from <backup>', 'the backup to restore (a path listed by assay backups <file>)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { from: string; json?: boolean }) => {
      const { jobId } = run('backups.restore', { file: resolve(file), backup: resolve(opts.from) });
      const result = await follow(jobId, `restoring ${file}`);
      if (result.kind !== 'restore') throw new Error(`restore: the job answered with a ${result.kind} result`);
      const r = result.value;
      emit(
        opts.json,
        r,
        [
          `restored ${r.file} from ${r.backup}`,
          `discarded the log ending at entry ${r.discarded.count} (${r.discarded.hash}); the state before the restore was kept as ${r.keptAs}`,
          `head now ${r.head.count}:${r.head.hash}`,
        ].join('\n'),
      );
    });
}
