import { resolve } from 'node:path';
import type { Command } from 'commander';
import { operatorRoles } from '../../../shared/catalog/schema';
import { deployments, lifecycleStages, modelTypes } from '../../../shared/domain/systems';
import { AssayError } from '../../../shared/errors';
import { readInputText } from '../../files/read-input';
import { formatClassification, formatSystems } from '../format';
import { type CliKit, EXIT_FAILED_CHECK, EXIT_USAGE, collect } from '../kit';

interface SystemAddOptions {
  name: string;
  role: string[];
  purpose?: string;
  owner?: string;
  businessUnit?: string;
  lifecycle?: string;
  deployment?: string;
  modelType: string[];
  interactsWithPeople?: boolean;
  decidesAboutPeople?: boolean;
  generatesSyntheticContent?: boolean;
  publicBodyOrService?: boolean;
  json?: boolean;
}

export function registerSystemCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const systems = program
    .command('systems')
    .description('list the AI systems of an assessment (read-only); "systems add" adds one')
    .argument('[file]', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      if (!file) {
        io.err('assay: systems: name the .assay file (assay systems <file>), or add one with assay systems add <file> --name … --role …');
        throw kit.exit(EXIT_USAGE);
      }
      const list = run('systems.list', { file: resolve(file) });
      emit(opts.json, list.systems, formatSystems(list.systems));
    });

  systems
    .command('add')
    .description('add an AI system to the inventory')
    .argument('<file>', 'an .assay file')
    .requiredOption('--name <text>', 'the name of the system')
    .option('--role <role>', `the organisation's EU AI Act role for it, repeatable (${operatorRoles.join(', ')})`, collect, [])
    .option('--purpose <text>', 'what it is for')
    .option('--owner <name>', 'who is accountable for it')
    .option('--business-unit <text>', 'the business unit it belongs to')
    .option('--lifecycle <stage>', lifecycleStages.join(' | '))
    .option('--deployment <kind>', deployments.join(' | '))
    .option('--model-type <type>', `repeatable: ${modelTypes.join(', ')}`, collect, [])
    .option('--interacts-with-people', 'it interacts with natural persons')
    .option('--decides-about-people', 'it makes or supports decisions about natural persons')
    .option('--generates-synthetic-content', 'it generates synthetic audio, image, video or text')
    .option('--public-body-or-service', 'the organisation deploying it is a public body or provides public services (Art. 27: a fundamental-rights impact assessment is due for high-risk use)')
    .option('--json', 'print JSON')
    .action((file: string, o: SystemAddOptions) => {
      const system = {
        name: o.name,
        roles: o.role.map((r) => r.replaceAll('-', '_')),
        ...(o.purpose !== undefined ? { purpose: o.purpose } : {}),
        ...(o.owner !== undefined ? { owner: o.owner } : {}),
        ...(o.businessUnit !== undefined ? { businessUnit: o.businessUnit } : {}),
        ...(o.lifecycle !== undefined ? { lifecycle: o.lifecycle } : {}),
        ...(o.deployment !== undefined ? { deployment: o.deployment.replaceAll('-', '_') } : {}),
        modelTypes: o.modelType.map((t) => t.replaceAll('-', '_')),
        interactsWithPeople: Boolean(o.interactsWithPeople),
        decidesAboutPeople: Boolean(o.decidesAboutPeople),
        generatesSyntheticContent: Boolean(o.generatesSyntheticContent),
        ...(o.publicBodyOrService ? { publicBodyOrService: true } : {}),
      };
      const { system: added } = run('systems.add', { file: resolve(file), system });
      emit(o.json, added, `added ${added.id} ${added.name} (${added.roles.join(', ')}${added.owner ? `; owner ${added.owner}` : ''})`);
    });


  program
    .command('classify')
    .description("answer an AI system's EU AI Act questionnaire from a JSON file: the class with its reasoning and the obligations that apply")
    .argument('<file>', 'an .assay file')
    .argument('<system>', 'the system id (e.g. SYS-001) or its exact name')
    .requiredOption('--answers <answers.json>', 'the answers, one field per question (see examples/classification-credit-scoring.json)')
    .option('--json', 'print JSON')
    .action((file: string, system: string, opts: { answers: string; json?: boolean }) => {
      const source = resolve(opts.answers);
      let answers: unknown;
      try {
        answers = JSON.parse(readInputText(source, { what: 'answers files', maxBytes: 1024 * 1024 }));
      } catch (error) {
        io.err(`assay: ${error instanceof AssayError ? error.message : `${source}: is not valid JSON (${(error as Error).message})`}`);
        throw kit.exit(EXIT_FAILED_CHECK);
      }
      const result = run('systems.classify', { file: resolve(file), system, answers });
      emit(opts.json, result, formatClassification(result));
    });

}
