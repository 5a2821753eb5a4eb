import { resolve } from 'node:path';
import type { Command } from 'commander';
import { controlTypes, relationships } from '../../../shared/catalog/schema';
import { formatMapping, formatOwnControl } from '../format-threats';
import { type CliKit, collect } from '../kit';

/** `controls` itself takes --json: a subcommand sees it among the global options. */
const wantsJson = (cmd: Command) => Boolean((cmd.optsWithGlobals() as { json?: boolean }).json);

interface AddOptions {
  id: string;
  name: string;
  objective: string;
  type: string;
  guidance?: string;
  evidence: string[];
  json?: boolean;
}

interface MapOptions {
  requirement?: string;
  threat?: string;
  relationship?: string;
  rationale: string;
  json?: boolean;
}

/** The organisation's own controls, as subcommands of `assay controls`. */
export function registerOwnControlCommands(controls: Command, kit: CliKit): void {
  const { run, emit } = kit;

  controls
    .command('own')
    .description("list the organisation's own controls (retired ones too) and the mappings users drew")
    .argument('<file>', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string, _o: unknown, cmd: Command) => {
      const r = run('ownControls.list', { file: resolve(file) });
      const text = r.controls.length === 0 ? 'no own controls yet (add one with assay controls add <file> --id ORG-01 …)' : r.controls.map((c) => formatOwnControl(c, r.mappings)).join('\n');
      const others = r.mappings.filter((m) => !r.controls.some((c) => c.id === m.control));
      emit(wantsJson(cmd), r, [text, ...others.map(formatMapping)].join('\n'));
    });

  controls
    .command('add')
    .description("add one of the organisation's own controls")
    .argument('<file>', 'an .assay file')
    .requiredOption('--id <id>', 'its id: 2–4 capital letters, a hyphen and two digits (e.g. ORG-01)')
    .requiredOption('--name <text>', 'its name')
    .requiredOption('--objective <text>', 'what it achieves')
    .requiredOption('--type <type>', controlTypes.join(' | '))
    .option('--guidance <text>', 'how to carry it out')
    .option('--evidence <text>', 'evidence expected to show it works, repeatable', collect, [])
    .option('--json', 'print JSON')
    .action((file: string, o: AddOptions, cmd: Command) => {
      const control = { id: o.id, name: o.name, objective: o.objective, type: o.type, evidence: o.evidence, ...(o.guidance !== undefined ? { guidance: o.guidance } : {}) };
      const r = run('ownControls.add', { file: resolve(file), control });
      emit(wantsJson(cmd), r.control, `added ${formatOwnControl(r.control)}`);
    });

  controls
    .command('map')
    .description('map a control (own or from the catalog) to a requirement of any framework, imported ones too, or to a threat')
    .argument('<file>', 'an .assay file')
    .argument('<control-id>', 'a control id, e.g. ORG-01 or GOV-01')
    .option('--requirement <framework:id>', 'a requirement, e.g. iso-42001-annex-a:A.2.2')
    .option('--threat <id>', 'a threat id, e.g. THR-08')
    .option('--relationship <rel>', `with --requirement: ${relationships.join(' | ')}`)
    .requiredOption('--rationale <text>', 'why the control meets it')
    .option('--json', 'print JSON')
    .action((file: string, control: string, o: MapOptions, cmd: Command) => {
      const mapping = {
        control,
        rationale: o.rationale,
        ...(o.requirement !== undefined ? { requirement: o.requirement } : {}),
        ...(o.threat !== undefined ? { threat: o.threat } : {}),
        ...(o.relationship !== undefined ? { relationship: o.relationship } : {}),
      };
      const r = run('ownControls.map', { file: resolve(file), mapping });
      emit(wantsJson(cmd), r.mapping, formatMapping(r.mapping));
    });

  controls
    .command('unmap')
    .description('remove a mapping a user drew from a control to a requirement or threat')
    .argument('<file>', 'an .assay file')
    .argument('<control-id>', 'a control id')
    .argument('<target>', 'the requirement (framework:id) or threat id it was mapped to')
    .action((file: string, control: string, target: string) => {
      run('ownControls.unmap', { file: resolve(file), control, mappedTo: target });
      emit(false, null, `removed the mapping ${control} → ${target}`);
    });

  controls
    .command('retire')
    .description("retire one of the organisation's own controls; it leaves the control list and stays on record")
    .argument('<file>', 'an .assay file')
    .argument('<control-id>', 'an own control id')
    .requiredOption('--reason <text>', 'why it is retired')
    .option('--json', 'print JSON')
    .action((file: string, control: string, o: { reason: string }, cmd: Command) => {
      const r = run('ownControls.retire', { file: resolve(file), control, reason: o.reason });
      emit(wantsJson(cmd), r.control, `retired ${r.control.id} ${r.control.name}: ${o.reason}`);
    });
}
