import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AssayError } from '../../../shared/errors';
import type { PackResult, UnpackResult } from '../../../shared/packages/results';
import { formatBytes } from '../../../shared/format-bytes';
import { followJob, resultOf } from '../follow-job';
import { PASSPHRASE_ENV, obtainPassphrase } from '../passphrase';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE } from '../kit';

export const PASSPHRASE_HELP = `read the passphrase from this file (one line); else ${PASSPHRASE_ENV} is used, else it is asked for on the terminal`;

export function formatPackResult(r: PackResult): string {
  return [
    `packed into ${r.package} (${formatBytes(r.bytes)}, ${r.chunks} encrypted chunk${r.chunks === 1 ? '' : 's'})`,
    `head: ${r.head}  (after unpacking, assay verify <file> --expect-head ${r.head} checks the copy)`,
    r.includesSecret
      ? 'the pseudonymisation key is included: whoever opens the package can match pseudonyms to people they can name'
      : r.secretLeftOut
        ? 'the pseudonymisation key was left out (--include-secret carries it): imports into the unpacked copy pseudonymise under a new key'
        : 'the assessment has no pseudonymisation key',
  ].join('\n');
}

export function formatUnpackResult(r: UnpackResult): string {
  return [`unpacked into ${r.file} (${formatBytes(r.bytes)})`, `head: ${r.head}`, r.includesSecret ? 'the pseudonymisation key came with it' : 'without a pseudonymisation key'].join('\n');
}

/** The steps pack, unpack and review share: the passphrase (never from an argument), and following a job with progress and Ctrl-C. */
export function packageSteps(kit: CliKit) {
  const { io, run } = kit;

  async function passphrase(command: string, passphraseFile: string | undefined, confirm: boolean): Promise<string> {
    try {
      return await obtainPassphrase({ passphraseFile, confirm, command });
    } catch (error) {
      io.err(`assay: ${error instanceof Error ? error.message : String(error)}`);
      throw kit.exit(error instanceof AssayError && error.code !== 'usage' ? EXIT_FAILED_CHECK : EXIT_USAGE);
    }
  }

  // Ctrl-C cancels the job, so its temporary files are removed before we leave.
  const follow = (jobId: string, what: string) => followJob(kit, jobId, what, { afterCancel: 'nothing was written' });

  /** Opens a package into a new assessment file: asks for the passphrase, runs the unpack job, and hands back its result. */
  async function unpack(pkg: string, out: string, passphraseFile: string | undefined): Promise<UnpackResult> {
    const secret = await passphrase('unpack', passphraseFile, false);
    const { jobId } = run('package.unpack', { package: pkg, out, passphrase: secret });
    return resultOf(await follow(jobId, `unpacking ${pkg}`), 'unpack', 'unpack').value;
  }

  return { passphrase, follow, unpack };
}

export function registerPackageCommands(program: Command, kit: CliKit): void {
  const { run, emit } = kit;
  const { passphrase, follow, unpack } = packageSteps(kit);

  program
    .command('pack')
    .description('pack an assessment with its evidence into one encrypted file (AES-256-GCM, key from a passphrase with scrypt); never writes over a file')
    .argument('<file>', 'an .assay file')
    .requiredOption('--out <pkg>', 'the package to write, ending in .assaypkg')
    .option('--passphrase-file <path>', PASSPHRASE_HELP)
    .option('--include-secret', 'also carry the pseudonymisation key (left out by default)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { out: string; passphraseFile?: string; includeSecret?: boolean; json?: boolean }) => {
      const path = resolve(file);
      kit.requireAssessmentPath(path);
      const secret = await passphrase('pack', o.passphraseFile, true);
      const { jobId } = run('package.pack', { file: path, out: resolve(o.out), passphrase: secret, includeSecret: o.includeSecret ?? false });
      const packed = resultOf(await follow(jobId, `packing ${path}`), 'pack', 'pack').value;
      emit(o.json, packed, formatPackResult(packed));
    });

  program
    .command('unpack')
    .description('open an encrypted package into a new assessment file; a wrong passphrase, a truncated or an altered package write nothing (exit 1)')
    .argument('<pkg>', 'an .assaypkg file')
    .requiredOption('--out <file>', 'the assessment to write, ending in .assay')
    .option('--passphrase-file <path>', PASSPHRASE_HELP)
    .option('--json', 'print JSON')
    .action(async (pkg: string, o: { out: string; passphraseFile?: string; json?: boolean }) => {
      const result = await unpack(resolve(pkg), resolve(o.out), o.passphraseFile);
      emit(o.json, result, formatUnpackResult(result));
    });
}
