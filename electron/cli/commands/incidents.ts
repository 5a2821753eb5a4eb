import { resolve } from 'node:path';
import type { Command } from 'commander';
import { incidentSeverities, reportingDeadline, seriousCases } from '../../../shared/domain/incidents';
import { formatIncidents } from '../format-risks';
import { type CliKit, EXIT_USAGE, collect } from '../kit';

interface IncidentOptions {
  system: string;
  title: string;
  aware: string;
  severity: string;
  occurred?: string;
  description?: string;
  serious: string[];
  reported?: string;
  evidence: string[];
  json?: boolean;
}

export function registerIncidentCommands(program: Command, kit: CliKit): void {
  const { io, run, emit } = kit;
  const incidents = program
    .command('incidents')
    .description('print the incident register with the Art. 73 reporting deadlines, and the post-market monitoring plans (read-only)')
    .argument('[file]', 'an .assay file')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      if (!file) {
        io.err('assay: incidents: name the .assay file (assay incidents <file>), or record one with assay incidents add <file> --system … --title …');
        throw kit.exit(EXIT_USAGE);
      }
      const register = run('incidents.list', { file: resolve(file) });
      emit(opts.json, register, formatIncidents(register));
    });

  incidents
    .command('add')
    .description('record an incident; name what made it serious to get its Art. 73 deadline')
    .argument('<file>', 'an .assay file')
    .requiredOption('--system <id-or-name>', 'the AI system involved')
    .requiredOption('--title <text>', 'what happened, in a line')
    .requiredOption('--aware <YYYY-MM-DD>', 'when the organisation became aware (the deadlines run from here)')
    .requiredOption('--severity <level>', incidentSeverities.join(' | '))
    .option('--occurred <YYYY-MM-DD>', 'when it happened')
    .option('--description <text>', 'more detail')
    .option('--serious <case>', `what makes it a serious incident, repeatable: ${seriousCases.join(', ')}`, collect, [])
    .option('--reported <YYYY-MM-DD>', 'when the report was sent')
    .option('--evidence <id-or-sha256>', "the report's evidence: an evidence id or the report's SHA-256, repeatable", collect, [])
    .option('--json', 'print JSON')
    .action((file: string, o: IncidentOptions) => {
      const incident = {
        system: o.system,
        title: o.title,
        awareOn: o.aware,
        severity: o.severity,
        cases: o.serious.map((c) => c.replaceAll('-', '_')),
        reportEvidence: o.evidence,
        ...(o.occurred ? { occurredOn: o.occurred } : {}),
        ...(o.description ? { description: o.description } : {}),
        ...(o.reported ? { reportedOn: o.reported } : {}),
      };
      const { incident: added } = run('incidents.add', { file: resolve(file), incident });
      const deadline = reportingDeadline(added);
      emit(o.json, added, `recorded ${added.id} ${added.title}${deadline ? `; serious: report by ${deadline.dueOn} (${deadline.basis})` : '; not serious: no Art. 73 report'}`);
    });

  incidents
    .command('report')
    .description("record that an incident's report was sent, with the report's evidence")
    .argument('<file>', 'an .assay file')
    .argument('<incident-id>', 'e.g. INC-001')
    .requiredOption('--on <YYYY-MM-DD>', 'when the report was sent')
    .option('--evidence <id-or-sha256>', 'an evidence id or the SHA-256 of the report sent, repeatable', collect, [])
    .option('--json', 'print JSON')
    .action((file: string, id: string, o: { on: string; evidence: string[]; json?: boolean }) => {
      const changes = { reportedOn: o.on, ...(o.evidence.length ? { reportEvidence: o.evidence } : {}) };
      const { incident } = run('incidents.update', { file: resolve(file), incident: id, changes });
      emit(o.json, incident, `${incident.id} ${incident.title}: report sent on ${incident.reportedOn}`);
    });

  incidents
    .command('plan')
    .description('set the post-market monitoring plan (Art. 72) of a system the organisation provides')
    .argument('<file>', 'an .assay file')
    .requiredOption('--system <id-or-name>', 'the AI system')
    .requiredOption('--title <text>', "the plan document's title")
    .requiredOption('--reference <text>', 'where the plan is: an evidence id, a document number or a link')
    .requiredOption('--review <YYYY-MM-DD>', 'when the plan is next reviewed')
    .option('--json', 'print JSON')
    .action((file: string, o: { system: string; title: string; reference: string; review: string; json?: boolean }) => {
      const { plan } = run('incidents.setPlan', { file: resolve(file), system: o.system, plan: { title: o.title, reference: o.reference, reviewDate: o.review } });
      emit(o.json, plan, `post-market monitoring plan of ${plan.systemId} ${plan.systemName}: ${plan.title}; review by ${plan.reviewDate}`);
    });
}
