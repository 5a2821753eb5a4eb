import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { EvidenceLinkInput, EvidenceMetaChanges } from '../../../shared/domain/evidence/model';
import { followJob, resultOf } from '../follow-job';
import { formatEvidenceAdded, formatEvidenceItem, formatEvidenceList } from '../format-evidence';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE, collect } from '../kit';

interface LinkOptions {
  control: string[];
  system?: string;
  requirement: string[];
}
interface DetailOptions {
  title?: string;
  description?: string;
  source?: string;
  effective?: string;
  validUntil?: string;
}

/** --control (repeatable, each for --system when given) and --requirement (repeatable) as links. */
function linksFrom(o: LinkOptions): EvidenceLinkInput[] {
  return [
    ...o.control.map((target): EvidenceLinkInput => ({ kind: 'control', target, system: o.system ?? null })),
    ...o.requirement.map((target): EvidenceLinkInput => ({ kind: 'requirement', target })),
  ];
}

/** --effective takes a date (2026-03-31) or a period (2026-01-01..2026-03-31); "" clears it. */
function detailsFrom(o: DetailOptions): EvidenceMetaChanges {
  const d: Record<string, string | null> = {};
  if (o.title !== undefined) d.title = o.title;
  if (o.description !== undefined) d.description = o.description || null;
  if (o.source !== undefined) d.source = o.source || null;
  if (o.validUntil !== undefined) d.validUntil = o.validUntil || null;
  if (o.effective !== undefined) {
    const [from, to] = o.effective.split('..');
    d.effectiveFrom = from || null;
    d.effectiveTo = to || null;
  }
  return d as EvidenceMetaChanges;
}

const withLinks = (c: Command) =>
  c
    .option('--control <id>', 'link to this control, repeatable', collect, [])
    .option('--system <id>', 'the --control links are for this AI system (id or exact name)')
    .option('--requirement <ref>', 'link to this requirement (framework-id:item-id), repeatable', collect, []);
const withDetails = (c: Command) =>
  c
    .option('--title <text>', 'the title (default: the file name)')
    .option('--description <text>', 'what it shows')
    .option('--source <text>', 'where it comes from')
    .option('--effective <date>', 'the date it speaks for, or the period it covers: 2026-01-01..2026-03-31')
    .option('--valid-until <date>', 'the last day it counts as evidence');

export function registerEvidenceCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  async function addFiles(file: string, input: Record<string, unknown>, json: boolean | undefined): Promise<void> {
    const { jobId } = run('evidence.add', { file, ...input });
    const added = resultOf(await followJob(kit, jobId, `adding evidence to ${file}`, { afterCancel: `files added before the cancel stay (assay evidence ${file} lists them)` }), 'evidence add', 'evidence.add').value;
    emit(json, added, formatEvidenceAdded(added));
    for (const f of added.failed) io.err(`assay: not added: ${f.message}`);
    if (added.failed.length) throw kit.exit(EXIT_FAILED_CHECK);
  }

  const evidence = program
    .command('evidence')
    .description('list the evidence of an assessment with each file\'s SHA-256 (read-only); "evidence add" adds files')
    .argument('[file]', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      if (!file) {
        io.err('assay: evidence: name the .assay file (assay evidence <file>), or add files with assay evidence add <file> <files...>');
        throw kit.exit(EXIT_USAGE);
      }
      const { evidence: items } = run('evidence.list', { file: resolve(file) });
      emit(opts.json, items, formatEvidenceList(items));
    });

  withDetails(withLinks(evidence.command('add').description('store files as evidence inside the assessment (hashed, deduplicated); unreadable files are named, the others added')))
    .argument('<file>', 'an .assay file')
    .argument('<files...>', 'the files to add')
    .option('--json', 'print JSON')
    .action(async (file: string, files: string[], o: LinkOptions & DetailOptions & { json?: boolean }) => {
      const details = detailsFrom(o);
      const links = linksFrom(o);
      await addFiles(resolve(file), { paths: files.map((f) => resolve(f)), ...(Object.keys(details).length ? { details } : {}), ...(links.length ? { links } : {}) }, o.json);
    });

  evidence
    .command('revise')
    .description('replace the file of an evidence item by a new revision; the earlier revisions and their hashes are kept')
    .argument('<file>', 'an .assay file')
    .argument('<evidence-id>', 'e.g. EV-001')
    .argument('<new-file>', 'the new file')
    .option('--json', 'print JSON')
    .action(async (file: string, id: string, newFile: string, o: { json?: boolean }) => {
      await addFiles(resolve(file), { paths: [resolve(newFile)], revise: id }, o.json);
    });

  evidence
    .command('show')
    .description('one evidence item with every revision and its links')
    .argument('<file>', 'an .assay file')
    .argument('<evidence-id>', 'e.g. EV-001')
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: { json?: boolean }) => {
      const { evidence: item } = run('evidence.get', { file: resolve(file), evidenceId: id });
      emit(o.json, item, formatEvidenceItem(item));
    });

  for (const [name, verb] of [
    ['link', 'link an evidence item to controls and requirements'],
    ['unlink', 'remove links of an evidence item'],
  ] as const)
    withLinks(evidence.command(name).description(verb))
      .argument('<file>', 'an .assay file')
      .argument('<evidence-id>', 'e.g. EV-001')
      .option('--json', 'print JSON')
      .action((file: string, id: string, o: LinkOptions & { json?: boolean }) => {
        const { evidence: item } = run(name === 'link' ? 'evidence.link' : 'evidence.unlink', { file: resolve(file), evidenceId: id, links: linksFrom(o) });
        emit(o.json, item, formatEvidenceItem(item));
      });

  withDetails(evidence.command('update').description("change an evidence item's title, description, source, effective date or period, valid-until date"))
    .argument('<file>', 'an .assay file')
    .argument('<evidence-id>', 'e.g. EV-001')
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: DetailOptions & { json?: boolean }) => {
      const { evidence: item } = run('evidence.update', { file: resolve(file), evidenceId: id, changes: detailsFrom(o) });
      emit(o.json, item, formatEvidenceItem(item));
    });

  evidence
    .command('export')
    .description('save a copy of a stored file (checked against its SHA-256); an existing file is never replaced')
    .argument('<file>', 'an .assay file')
    .argument('<evidence-id>', 'e.g. EV-001')
    .argument('<out>', 'the new file')
    .option('--rev <n>', 'an earlier revision')
    .option('--json', 'print JSON')
    .action((file: string, id: string, out: string, o: { rev?: string; json?: boolean }) => {
      const rev = o.rev === undefined ? undefined : Number(o.rev);
      const saved = run('evidence.export', { file: resolve(file), evidenceId: id, out: resolve(out), ...(rev !== undefined ? { rev } : {}) });
      emit(o.json, saved, `saved ${saved.out} (${saved.size} bytes, SHA-256 ${saved.sha256})`);
    });
}
