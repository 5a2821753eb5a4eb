import { z } from 'zod';
import { Catalog, ControlId, ControlType, FrameworkId } from './catalog/schema';
import { CatalogSummary } from './catalog/summary';
import { ControlState, justificationProblem } from './domain/control-state';
import { JobId, JobInfo, JobKind } from './jobs';

/**
 * The one command table. Every door (Electron IPC, the loopback bridge, the command line)
 * validates a call against `input` before a handler runs; handlers return `output`.
 */

export const AssessmentFile = z
  .string()
  .trim()
  .min(1, 'a file path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'the path contains a NUL character');

const NewAssessmentFile = AssessmentFile.refine((p) => p.toLowerCase().endsWith('.assay'), {
  message: 'an assessment file name must end in .assay',
});

const StateCountsSchema = z.object({
  not_started: z.number().int(),
  in_progress: z.number().int(),
  implemented: z.number().int(),
  not_applicable: z.number().int(),
  total: z.number().int(),
});

export const AssessmentSummary = z.object({
  file: z.string(),
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  catalogVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: StateCountsSchema,
  /** Set when opening upgraded an older file: where the untouched copy was kept. */
  backup: z.string().optional(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const ControlRow = z.object({
  id: ControlId,
  name: z.string(),
  objective: z.string(),
  type: ControlType,
  guidance: z.string(),
  evidence: z.array(z.string()),
  state: ControlState,
  justification: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ControlRow = z.infer<typeof ControlRow>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  command: z.string(),
  entity: z.string(),
  entityId: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  /** The first entry whose stored hash or link does not match, when the chain is broken. */
  brokenAt: z.number().int().optional(),
  message: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const RecentFile = z.object({
  file: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFile>;

const SetStateInput = z
  .object({
    file: AssessmentFile,
    controlId: ControlId,
    state: ControlState,
    justification: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const problem = justificationProblem(input.state, input.justification);
    if (problem) ctx.addIssue({ code: 'custom', path: ['justification'], message: problem });
  });

function command<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) {
  return { summary, input, output };
}

const FileOnly = z.object({ file: AssessmentFile }).strict();
const OptionalFile = z.object({ file: AssessmentFile.optional() }).strict();
const Nothing = z.object({}).strict();

export const commands = {
  'app.info': command(
    'Versions of the application, its catalog and its file format.',
    Nothing,
    z.object({ appVersion: z.string(), catalogVersion: z.string(), schemaVersion: z.number().int(), defaultFolder: z.string() }),
  ),
  'app.recent': command('Assessments opened recently on this machine.', Nothing, z.object({ files: z.array(RecentFile) })),
  'assessment.create': command(
    'Create a new assessment file with a snapshot of the bundled catalog.',
    z.object({ file: NewAssessmentFile, name: z.string().trim().min(1, 'a name is required').max(200) }).strict(),
    AssessmentSummary,
  ),
  'assessment.open': command('Open an assessment file, upgrading an older one after a backup.', FileOnly, AssessmentSummary),
  'assessment.close': command('Close an open assessment file.', FileOnly, z.object({ closed: z.boolean() })),
  'controls.list': command('Controls of the assessment with their current state.', FileOnly, z.object({ controls: z.array(ControlRow) })),
  'controls.setState': command(
    "Set a control's implementation state (a justification is required for not applicable).",
    SetStateInput,
    z.object({ control: ControlRow, counts: StateCountsSchema }),
  ),
  'audit.list': command(
    'Audit log entries, newest first.',
    z.object({ file: AssessmentFile, limit: z.number().int().min(1).max(10000).default(200) }).strict(),
    z.object({ entries: z.array(AuditEntry) }),
  ),
  'audit.verify': command('Recompute the audit hash chain and report the first break.', FileOnly, VerifyResult),
  'catalog.get': command(
    "The whole catalog: an assessment's snapshot with its imported frameworks, or the bundled one when no file is named.",
    OptionalFile,
    Catalog,
  ),
  'catalog.summary': command('Catalog version and counts per framework, threat, control and mapping.', OptionalFile, CatalogSummary),
  'catalog.importFramework': command(
    "Import a framework into an assessment from a file (Assay's simple format or a CISO Assistant library).",
    z.object({ file: AssessmentFile, source: AssessmentFile }).strict(),
    z.object({
      framework: z.object({ id: z.string(), name: z.string(), shortName: z.string(), items: z.number().int(), assessable: z.number().int() }),
      format: z.enum(['assay', 'ciso-assistant']),
      replaced: z.boolean(),
    }),
  ),
  'catalog.removeFramework': command(
    'Remove an imported framework from an assessment.',
    z.object({ file: AssessmentFile, frameworkId: FrameworkId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  'jobs.start': command(
    'Start long work (verify a file) off the thread that answers commands; progress and the result arrive as events.',
    z.object({ kind: JobKind, file: AssessmentFile }).strict(),
    z.object({ jobId: JobId }),
  ),
  'jobs.cancel': command('Cancel a running job; it ends with a job.cancelled event.', z.object({ jobId: JobId }).strict(), z.object({ cancelled: z.boolean() })),
  'jobs.list': command('Jobs of this process, running and recently ended.', Nothing, z.object({ jobs: z.array(JobInfo) })),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

/** Input fields that name a file on disk: the doors confine them (bridge folders, Electron's user-chosen paths). */
export const PATH_FIELDS = ['file', 'source'] as const;

/** The file paths a raw command input names, whatever the command. */
export function pathsIn(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const record = input as Record<string, unknown>;
  return PATH_FIELDS.map((field) => record[field]).filter((v): v is string => typeof v === 'string');
}

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

/** The API object the renderer talks to, whichever door is behind it. */
export interface AssayApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}
