import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseTarget, ReviewGrade, reviewGrades, ReviewStatus, reviewStatuses } from '../../../shared/domain/review/model';
import { AssayError } from '../../../shared/errors';
import { formatMerge, formatReviewDoc, formatReviewEntry, formatReviewItems, formatReviewVerification } from '../format-reviews';
import { type CliKit, collect, EXIT_FAILED_CHECK, EXIT_USAGE } from '../kit';
import { isPackage } from '../../package/format';
import type { UnpackResult } from '../../../shared/packages/results';
import { PASSPHRASE_HELP, formatUnpackResult, packageSteps } from './packages';

/** "client.assaypkg" opens into "client.assay" beside it. */
function defaultUnpackPath(pkg: string): string {
  return /\.assaypkg$/i.test(pkg) ? pkg.replace(/\.assaypkg$/i, '.assay') : `${pkg}.assay`;
}

/**
 * The auditor's review on the command line: `assay review <file>` verifies everything read-only;
 * `review add-finding|list|pack` keep the auditor's review file; `merge-review` brings a review
 * package into the assessment, and `review items|set-status` follow up on what arrived.
 */
export function registerReviewCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const usage = (command: string, message: string) => {
    io.err(`assay: ${command}: ${message}`);
    return kit.exit(EXIT_USAGE);
  };
  const target = (command: string, text: string) => {
    try {
      return parseTarget(text);
    } catch (error) {
      throw usage(command, `--on ${(error as AssayError).message}`);
    }
  };

  const review = program
    .command('review')
    .description("the auditor's review: verify an assessment read-only (chain, replay, evidence hashes, reports), keep graded findings in a review file, send it back")
    .argument('[file]', 'an .assay file, or an .assaypkg package (opened into a new .assay file first): open it read-only and verify everything')
    .option('--expect-head <count:hash>', 'the head you hold from a report or manifest')
    .option('--out <file>', 'for a package: the assessment file to open it into (default: beside the package, named after it)')
    .option('--passphrase-file <path>', `for a package: ${PASSPHRASE_HELP}`)
    .option('--report <path>', `a report to check against its manifest and the assessment (repeatable; default: every report in "<name> reports/")`, collect, [])
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, o: { expectHead?: string; report: string[]; out?: string; passphraseFile?: string; json?: boolean }) => {
      if (!file) throw usage('review', 'give an .assay file to verify, or a subcommand (add-finding, list, pack, items, set-status)');
      kit.requireAssessmentPath(file);
      let path = resolve(file);
      let unpacked: UnpackResult | undefined;
      // A package is opened into an assessment file first (the auditor reviews, and keeps findings beside, that copy).
      if (isPackage(path)) {
        unpacked = await packageSteps(kit).unpack(path, resolve(o.out ?? defaultUnpackPath(path)), o.passphraseFile);
        path = unpacked.file;
      } else if (o.out || o.passphraseFile) throw usage('review', `--out and --passphrase-file are for a package; ${file} is not one`);
      const result = run('review.verify', { file: path, ...(o.expectHead ? { expectHead: o.expectHead } : {}), ...(o.report.length ? { reports: o.report.map((r) => resolve(r)) } : {}) });
      emit(o.json, unpacked ? { unpacked, ...result } : result, [...(unpacked ? [formatUnpackResult(unpacked), 'Reviewing that copy, read-only:'] : []), formatReviewVerification(result)].join('\n'));
      if (!result.ok) throw kit.exit(EXIT_FAILED_CHECK);
    });

  review
    .command('add-finding')
    .description('add a graded finding or a comment on a control, requirement, evidence item or risk to the review file (the assessment is only read)')
    .argument('<file>', 'the .assay file under review')
    .requiredOption('--on <kind:id>', 'what it concerns: control:<id>, requirement:<framework>:<item>, evidence:<id> or risk:<id>')
    .requiredOption('--grade <grade>', `${reviewGrades.join('|')} (major/minor nonconformity, observation, opportunity for improvement, or an ungraded comment)`)
    .requiredOption('--text <text>', 'the finding in words')
    .option('--review <path>', 'the review file (default: "<name>.assayreview" beside the assessment)')
    .option('--reviewer <name>', 'who reviews (default: ASSAY_ACTOR, else the display name, else the login name)')
    .option('--json', 'print JSON')
    .action((file: string, o: { on: string; grade: string; text: string; review?: string; reviewer?: string; json?: boolean }) => {
      const grade = ReviewGrade.safeParse(o.grade);
      if (!grade.success) throw usage('review add-finding', `--grade must be one of ${reviewGrades.join(', ')} (got "${o.grade}")`);
      const result = run('review.addEntry', {
        file: resolve(file),
        entry: { grade: grade.data, target: target('review add-finding', o.on), text: o.text },
        ...(o.review ? { review: resolve(o.review) } : {}),
        ...(o.reviewer ? { reviewer: o.reviewer } : {}),
      });
      emit(o.json, result, `${result.created ? 'started' : 'added to'} ${result.review}:\n${formatReviewEntry(result.entry)}`);
    });

  review
    .command('list')
    .description('the entries of the review file, after checking its hash chain')
    .argument('<file>', 'the .assay file under review')
    .option('--review <path>', 'the review file (default: "<name>.assayreview" beside the assessment)')
    .option('--json', 'print JSON')
    .action((file: string, o: { review?: string; json?: boolean }) => {
      const result = run('review.list', { file: resolve(file), ...(o.review ? { review: resolve(o.review) } : {}) });
      emit(o.json, result, formatReviewDoc(result.review, result.doc));
    });

  review
    .command('pack')
    .description('write the review package to send back to the assessor (never over an existing file)')
    .argument('<file>', 'the .assay file under review')
    .requiredOption('--out <path>', 'the package to write, e.g. review.assayreview')
    .option('--review <path>', 'the review file (default: "<name>.assayreview" beside the assessment)')
    .option('--json', 'print JSON')
    .action((file: string, o: { out: string; review?: string; json?: boolean }) => {
      const result = run('review.pack', { file: resolve(file), out: resolve(o.out), ...(o.review ? { review: resolve(o.review) } : {}) });
      emit(o.json, result, `wrote ${result.out}: ${result.entries} entries, SHA-256 ${result.sha256}`);
    });

  review
    .command('items')
    .description("the auditors' findings and comments merged into the assessment, with their status")
    .argument('<file>', 'an .assay file')
    .option('--on <kind:id>', 'only those on one item, e.g. control:GOV-01')
    .option('--json', 'print JSON')
    .action((file: string, o: { on?: string; json?: boolean }) => {
      const result = run('review.items', { file: resolve(file), ...(o.on ? { item: target('review items', o.on) } : {}) });
      emit(o.json, result, formatReviewItems(result.items));
    });

  review
    .command('set-status')
    .description('set the status of a merged review item: open, addressed (by you) or accepted (by the auditor)')
    .argument('<file>', 'an .assay file')
    .argument('<id>', 'the review item, e.g. RV-001')
    .requiredOption('--status <status>', reviewStatuses.join('|'))
    .option('--note <text>', 'what was done, or what the auditor said')
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: { status: string; note?: string; json?: boolean }) => {
      const status = ReviewStatus.safeParse(o.status);
      if (!status.success) throw usage('review set-status', `--status must be one of ${reviewStatuses.join(', ')} (got "${o.status}")`);
      const item = run('review.setStatus', { file: resolve(file), id, status: status.data, ...(o.note ? { note: o.note } : {}) });
      emit(o.json, item, formatReviewItems([item]));
    });

  program
    .command('merge-review')
    .description("merge an auditor's review package: shows what arrives, records the merge in the audit log, and adds the items next to what they concern")
    .argument('<file>', 'an .assay file')
    .argument('<package>', 'the review package the auditor sent (.assayreview)')
    .option('--dry-run', 'show what would arrive and write nothing')
    .option('--json', 'print JSON')
    .action((file: string, pkg: string, o: { dryRun?: boolean; json?: boolean }) => {
      const result = run('review.merge', { file: resolve(file), package: resolve(pkg), ...(o.dryRun ? { dryRun: true } : {}) });
      emit(o.json, result, formatMerge(result, resolve(pkg)));
    });
}
