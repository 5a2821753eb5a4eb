import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatBackups, formatDiff } from '../format-diff';
import { followJob, resultOf } from '../follow-job';
import type { CliKit } from '../kit';

/** `assay diff`, `assay backups`, `assay restore`: comparing copies of an assessment and going back to one. */
export function registerCopyCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  // Backups and restores do not stop early: Ctrl-C ends the process, which leaves the file whole.
  const follow = (jobId: string, what: string) => followJob(kit, jobId, what, { cancelOnInterrupt: false });

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
        const taken = resultOf(await follow(jobId, `the backup of ${file}`), 'backups', 'backup').value;
        if (!opts.json) io.out(`took a backup: ${taken.path}`);
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
      const r = resultOf(await follow(jobId, `restoring ${file}`), 'restore', 'restore').value;
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
