import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type ImportOptions, type ImportPreview, type ImportResult } from '../../../shared/imports/model';
import { parseMapPairs, unmatchedMessage } from '../../../shared/imports/column-mapping';
import { followJob, resultOf } from '../follow-job';
import { formatBatches, formatImportPreview, formatImportResult } from '../format-imports';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE, collect } from '../kit';

interface ImportFlags {
  format?: string;
  mapping?: string;
  map: string[];
  saveMapping?: string;
  system?: string;
  sheet?: string;
  matchSystem: string[];
  matchThreat: string[];
  keepIdentities?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** "a=b" pairs of a repeatable option (parsed as --map is); a pair without "=" is a usage error naming the option. */
function pairs(values: string[], option: string, form: string, kit: CliKit): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  try {
    return parseMapPairs(values, option, form);
  } catch (error) {
    kit.io.err(`assay: import: ${(error as Error).message}`);
    throw kit.exit(EXIT_USAGE);
  }
}

export function registerImportCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;

  program
    .command('import')
    .description('import a risk register, control list, AI-BOM, red-team or scanner result, OSCAL file or human-risk export into an assessment (previewed, one batch, all or nothing)')
    .argument('<file>', 'an .assay file')
    .argument('<input>', 'the file to import')
    .option('--format <format>', 'auto (from the content), csv, xlsx, json, cyclonedx, spdx, garak, promptfoo, avid, sarif, trivy, grype, oscal, knowbe4 or mimecast', 'auto')
    .option('--mapping <saved-mapping>', 'use a saved column mapping (tables)')
    .option('--map <column>=<field>', 'map a column to a field, repeatable (tables)', collect, [])
    .option('--save-mapping <name>', 'save the column mapping used, for the next file from the same source')
    .option('--system <id>', 'the AI system the data is about (id or exact name)')
    .option('--sheet <name>', 'the worksheet to read (workbooks)')
    .option('--match-system <name>=<decision>', 'for a system the file names: create, skip, or an existing system id; repeatable', collect, [])
    .option('--match-threat <text>=<threat>', 'for a threat the file names: a catalog threat id or none; repeatable', collect, [])
    .option('--keep-identities', "human-risk data: keep people's identifiers instead of pseudonymising them")
    .option('--dry-run', 'only show what would be imported; nothing is written')
    .option('--json', 'print JSON')
    .action(async (file: string, input: string, o: ImportFlags) => {
      const options: ImportOptions = {
        format: o.format as ImportOptions['format'],
        ...(o.mapping ? { mapping: o.mapping } : {}),
        ...(o.saveMapping ? { saveMapping: o.saveMapping } : {}),
        ...(o.system ? { system: o.system } : {}),
        ...(o.sheet ? { sheet: o.sheet } : {}),
        ...(o.keepIdentities ? { keepIdentities: true } : {}),
      };
      const map = pairs(o.map, '--map', '<column>=<field>', kit);
      const systems = pairs(o.matchSystem, '--match-system', '<name>=<create|skip|system id>', kit);
      const threats = pairs(o.matchThreat, '--match-threat', '<text>=<threat id|none>', kit);
      if (map) options.map = map;
      if (systems) options.systems = systems;
      if (threats) options.threats = threats;
      const path = resolve(file);
      const { jobId } = run(o.dryRun ? 'imports.preview' : 'imports.run', { file: path, source: resolve(input), options });
      const result = resultOf(await followJob(kit, jobId, `importing ${input} into ${file}`, { command: 'import', afterCancel: 'nothing was imported' }), 'import', 'import', 'import.preview');
      const value: ImportPreview | ImportResult = result.value;
      emit(o.json, value, result.kind === 'import' ? formatImportResult(result.value) : formatImportPreview(value) + '\n\nDry run: nothing was written.');
      const unmatched = value.mapping ? unmatchedMessage(value.mapping, value.source.name) : null;
      if (unmatched) io.err(`assay: import: ${unmatched}`);
      if (value.blocked) throw kit.exit(EXIT_FAILED_CHECK);
    });

  program
    .command('imports')
    .description('list the import batches of an assessment: source, SHA-256, format, counts, problems, who and when (read-only)')
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, o: { json?: boolean }) => {
      const { batches } = run('imports.list', { file: resolve(file) });
      emit(o.json, batches, formatBatches(batches));
    });
}
