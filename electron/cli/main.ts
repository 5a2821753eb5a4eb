import { registerReportCommands } from './commands/reports';
import { registerReviewCommands } from './commands/reviews';
import { registerPackageCommands } from './commands/packages';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { type CommandName, type CommandOutput, commandNames, commands } from '../../shared/commands';
import { AssayError, type AssayErrorShape } from '../../shared/errors';
import { assertRegularFile } from '../files/read-input';
import { registerCheckCommands } from './commands/checks';
import { registerSampleCommands } from './commands/sample';
import { registerIncidentCommands } from './commands/incidents';
import { registerRiskCommands } from './commands/risks';
import { registerControlCommands } from './commands/controls';
import { registerImportCommands } from './commands/imports';
import { registerEvidenceCommands } from './commands/evidence';
import { registerSystemCommands } from './commands/systems';
import { registerThreatCommands } from './commands/threats';
import { registerOwnControlCommands } from './commands/own-controls';
import { registerComponentCommands } from './commands/components';
import { registerFindingCommands } from './commands/findings';
import { registerHumanRiskCommands } from './commands/human-risk';
import { registerCopyCommands } from './commands/copies';
import { registerSignoffCommands, trustedFingerprints } from './commands/signoff';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_OK, EXIT_USAGE, type Io, collect } from './kit';
import { runJob } from '../jobs/await-job';
import { progressLine } from '../jobs/progress-line';
import { dispatch } from '../dispatch';
import { defaultContext } from '../handlers/context';
import { signatureOptions } from '../handlers/audit';
import { closeAll } from '../handlers/open-files';
import { setBusyTimeout } from '../store/sqlite';
import { APP_VERSION } from '../version';
import { escapeControls, formatAudit, formatCatalog, formatCatalogUpdate, formatStatus, formatSummary, formatVerify, textTable } from './format';

export { EXIT_FAILED_CHECK, EXIT_OK, EXIT_USAGE } from './kit';

// Output piped into a reader that stops early (| head) ends the command quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Everything the command line prints passes here: names in a file must not drive the terminal. */
function escapingIo(io: Io): Io {
  return { out: (text) => io.out(escapeControls(text)), err: (text) => io.err(escapeControls(text)) };
}

/** Thrown inside actions to leave with an exit code once the output is written. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function exitCodeFor(error: AssayErrorShape): number {
  return error.code === 'usage' ? EXIT_USAGE : EXIT_FAILED_CHECK;
}

function buildProgram(io: Io): Command {
  const ctx = defaultContext({ recordRecent: false });
  // The command line has nothing else to answer meanwhile: it may wait for another writer's lock.
  setBusyTimeout(5000);

  // The command line as typed ("set-state"), so errors name what the user ran, not the table entry behind it.
  let typed: string | undefined;

  function run<N extends CommandName>(name: N, input: unknown): CommandOutput<N> {
    const result = dispatch(name, input, ctx);
    if (!result.ok) {
      const message = typed ? result.error.message.replace(`input of ${name}`, `the input of assay ${typed}`) : result.error.message;
      io.err(`assay: ${message}`);
      throw new Exit(exitCodeFor(result.error));
    }
    return result.value as CommandOutput<N>;
  }

  /**
   * On a terminal, verify runs as a job so its progress can be shown on stderr; the input is
   * checked against the same schema first, and the worker calls the same verify.
   */
  async function verifyWithProgress(raw: { file: string; expectHead?: string; trust?: string[]; requireTrusted?: boolean }): Promise<CommandOutput<'audit.verify'>> {
    const parsed = commands['audit.verify'].input.safeParse(raw);
    if (!parsed.success) return run('audit.verify', raw); // reports the problems as every door does
    requireAssessmentPath(parsed.data.file);
    const line = progressLine();
    try {
      const result = await runJob('verify', parsed.data.file, { onProgress: line.update, expectHead: parsed.data.expectHead, signatures: signatureOptions(ctx, parsed.data) });
      if (result.kind !== 'verify') throw new AssayError('internal', `verify: the job answered with a ${result.kind} result`);
      return result.value;
    } catch (error) {
      const shape = error instanceof AssayError ? error.toShape() : { code: 'internal' as const, message: String(error) };
      io.err(`assay: ${shape.message}`);
      throw new Exit(exitCodeFor(shape));
    } finally {
      line.finish();
    }
  }

  function requireAssessmentPath(file: string): void {
    try {
      assertRegularFile(file);
    } catch (error) {
      if (!(error instanceof AssayError)) throw error;
      io.err(`assay: ${error.message}`);
      throw new Exit(exitCodeFor(error.toShape()));
    }
  }

  const emit = (json: boolean | undefined, value: unknown, text: string) => io.out(json ? JSON.stringify(value, null, 2) : text);
  const kit: CliKit = { io, run, emit, exit: (code) => new Exit(code), requireAssessmentPath };

  const program = new Command('assay')
    .description('Assay: offline workbench for AI compliance (EU AI Act, NIST AI RMF, OWASP).')
    .version(APP_VERSION, '-V, --version')
    .showHelpAfterError('(run assay --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride()
    .hook('preAction', (_program, action) => {
      const path: string[] = [];
      for (let c: Command | null = action; c && c.parent; c = c.parent) path.unshift(c.name());
      typed = path.join(' ');
    })
    // A command's options stop at its subcommand, so `controls unset … --system` reaches `unset`.
    .enablePositionalOptions();

  program
    .command('new')
    .description('create a new assessment file with a snapshot of the bundled catalog')
    .argument('<file>', 'the new file, ending in .assay')
    .requiredOption('--name <text>', 'the name of the assessment')
    .option('--json', 'print JSON')
    .action((file: string, opts: { name: string; json?: boolean }) => {
      const summary = run('assessment.create', { file: resolve(file), name: opts.name });
      emit(opts.json, summary, `created ${formatSummary(summary)}`);
    });

  program
    .command('verify')
    .description('check every page, the audit chain and, by replaying the log, every state table (exit 1 on any problem); read-only')
    .argument('<file>', 'an .assay file')
    .option('--expect-head <count:hash>', 'the head you hold from outside the file (a report, a manifest); a shorter or different chain fails')
    .option('--trust <key>', 'check sign-offs against this public key file or fingerprint too, besides the keys you trust (repeatable)', collect, [])
    .option('--require-trusted', 'fail unless there is a sign-off and every one is by a trusted key (by default a key you do not trust is reported, not failed)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean; expectHead?: string; trust: string[]; requireTrusted?: boolean }) => {
      const input = {
        file: resolve(file),
        ...(opts.expectHead !== undefined ? { expectHead: opts.expectHead } : {}),
        ...(opts.trust.length ? { trust: trustedFingerprints(kit, opts.trust) } : {}),
        ...(opts.requireTrusted ? { requireTrusted: true } : {}),
      };
      const result = process.stderr.isTTY ? await verifyWithProgress(input) : run('audit.verify', input);
      if (opts.json) io.out(JSON.stringify(result, null, 2));
      else io.out(formatVerify(result));
      if (!result.ok) {
        io.err(`assay: ${resolve(file)}: verification failed: ${result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
        throw new Exit(EXIT_FAILED_CHECK);
      }
    });

  program
    .command('upgrade')
    .description('upgrade an assessment written by an earlier version of Assay (a backup copy is kept beside it; the upgrade is logged)')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const summary = run('assessment.upgrade', { file: resolve(file) });
      emit(opts.json, summary, summary.backup ? `upgraded ${formatSummary(summary)}` : `already at the current file format: ${formatSummary(summary)}`);
    });

  program
    .command('audit')
    .description('print the audit log, oldest first (read-only); --csv or --json export it whole with the head hash')
    .argument('<file>', 'an .assay file')
    .addOption(new Option('--json', 'the whole log as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'the whole log as CSV').conflicts('json'))
    .action((file: string, opts: { json?: boolean; csv?: boolean }) => {
      if (opts.json || opts.csv) {
        const exported = run('audit.export', { file: resolve(file), format: opts.json ? 'json' : 'csv' });
        io.out(exported.content.trimEnd());
        return;
      }
      const list = run('audit.list', { file: resolve(file), limit: 100000 });
      io.out(formatAudit(list.entries.slice().reverse(), list.head));
    });

  program
    .command('people')
    .description('list the people named in an assessment, with their ids (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const { people } = run('people.list', { file: resolve(file) });
      emit(opts.json, people, textTable(['ID', 'NAME'], people.map((p) => [p.id, p.name])));
    });

  program
    .command('erase-person')
    .description("erase a person's personal data on request (a data-protection erasure); the log keeps its chain and records the erasure")
    .argument('<file>', 'an .assay file')
    .argument('<person-id>', 'the id shown by assay people')
    .action((file: string, personId: string) => {
      run('people.erase', { file: resolve(file), personId });
      io.out(`erased person ${personId}; their entries now show as erased`);
    });

  program
    .command('catalog')
    .description("print the catalog version and counts: the bundled catalog, or an assessment's snapshot")
    .argument('[file]', 'an .assay file (default: the bundled catalog)')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const summary = run('catalog.summary', file ? { file: resolve(file) } : {});
      emit(opts.json, summary, formatCatalog(summary));
    });

  program
    .command('catalog-update')
    .description("move an assessment to this version's bundled catalog: --dry-run shows what changes for it; a backup copy is kept, every control state is carried over, and the update is logged")
    .argument('<file>', 'an .assay file')
    .option('--dry-run', 'show what would change; change nothing')
    .option('--json', 'print JSON')
    .action((file: string, opts: { dryRun?: boolean; json?: boolean }) => {
      const result = run('catalog.update', { file: resolve(file), dryRun: Boolean(opts.dryRun) });
      emit(opts.json, result, formatCatalogUpdate(result));
    });

  program
    .command('status')
    .description('where the assessment stands: coverage per framework, controls by state, AI systems and their classes (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const status = run('assessment.status', { file: resolve(file) });
      emit(opts.json, status, formatStatus(status));
    });

  // Each domain's commands live in electron/cli/commands/<domain>.ts.
  registerSystemCommands(program, kit);
  registerCheckCommands(program, kit);
  registerSampleCommands(program, kit);
  registerRiskCommands(program, kit);
  registerIncidentCommands(program, kit);
  const controlsCommand = registerControlCommands(program, kit);
  registerThreatCommands(program, kit);
  registerOwnControlCommands(controlsCommand, kit);
  registerEvidenceCommands(program, kit);
  registerImportCommands(program, kit);
  registerComponentCommands(program, kit);
  registerFindingCommands(program, kit);
  registerHumanRiskCommands(program, kit);
  registerReportCommands(program, kit);
  registerReviewCommands(program, kit);
  registerCopyCommands(program, kit);
  registerSignoffCommands(program, kit);
  registerPackageCommands(program, kit);

  program
    .command('import-framework')
    .description("import a framework into an assessment (Assay's simple YAML/JSON format or a CISO Assistant library)")
    .argument('<file>', 'an .assay file')
    .argument('<source>', 'the framework file')
    .option('--json', 'print JSON')
    .action((file: string, source: string, opts: { json?: boolean }) => {
      const r = run('catalog.importFramework', { file: resolve(file), source: resolve(source) });
      emit(
        opts.json,
        r,
        `${r.replaced ? 'replaced' : 'imported'} ${r.framework.id} (${r.framework.name}): ${r.framework.items} items, ${r.framework.assessable} assessable, from a ${r.format} file`,
      );
    });

  program
    .command('call')
    .description('call any command of the command table with JSON input (for scripts and pipelines)')
    .argument('<command>', `one of: ${commandNames.join(', ')}`)
    .argument('[input]', "the input as JSON; '-' reads it from standard input", '{}')
    .action((name: string, inputText: string) => {
      const fromStdin = inputText === '-';
      let input: unknown;
      try {
        input = JSON.parse(fromStdin ? readFileSync(0, 'utf8') : inputText);
      } catch (error) {
        io.err(`assay: call ${name}: the input is not valid JSON (${(error as Error).message})`);
        throw new Exit(EXIT_USAGE);
      }
      // An argument is visible to every user of the machine (ps, shell history): passphrases never go there.
      const secret = fromStdin ? undefined : passphraseField(input);
      if (secret) {
        io.err(`assay: call ${name}: the input names ${secret}, and a passphrase is never put on a command line; give the input on standard input (assay call ${name} - < input.json), or use the command made for it (assay pack, unpack, keys create, signoff) with --passphrase-file or ASSAY_PASSPHRASE`);
        throw new Exit(EXIT_USAGE);
      }
      io.out(JSON.stringify(run(name as CommandName, input), null, 2));
    });

  program
    .command('commands')
    .description('list the command table')
    .addOption(new Option('--json', 'print JSON'))
    .action((opts: { json?: boolean }) => {
      const list = commandNames.map((n) => ({ name: n, summary: commands[n].summary }));
      emit(opts.json, list, list.map((c) => `${c.name.padEnd(20)} ${c.summary}`).join('\n'));
    });

  return program;
}

/** The first field anywhere in the input whose name says it holds a passphrase, or undefined. */
function passphraseField(input: unknown, path = ''): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  for (const [key, value] of Object.entries(input)) {
    const here = path ? `${path}.${key}` : key;
    if (/passphrase|password/i.test(key)) return here;
    const inner = passphraseField(value, here);
    if (inner) return inner;
  }
  return undefined;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  const io = escapingIo(rawIo);
  const program = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.err(`assay: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED_CHECK;
  } finally {
    closeAll();
  }
}
