import { z } from 'zod';
import { Catalog, FrameworkId } from './catalog/schema';
import { CatalogSummary } from './catalog/summary';
import { ControlState } from './domain/control-state';
import type { ApplicableObligation, ClassificationResult } from './domain/classification';
import { AiSystem, AiSystemChanges, AiSystemInput } from './domain/systems';
import { JobId, JobInfo, JobKind } from './jobs';
import { AssessmentFile, FileOnly, IsoDate, command } from './command-kit';
import { checkCommands } from './command-groups/checks';
import { dashboardCommands } from './command-groups/dashboard';
import { sampleCommands } from './command-groups/sample';
import { incidentCommands } from './command-groups/incidents';
import { riskCommands } from './command-groups/risks';
import { ControlRow, ListedControl, StateCountsSchema, controlCommands } from './command-groups/controls';
import { ownControlCommands } from './command-groups/own-controls';
import { threatCommands } from './command-groups/threats';
import { evidenceCommands } from './command-groups/evidence';
import { importCommands } from './command-groups/imports';
import { reportCommands } from './command-groups/reports';
import { reviewCommands } from './command-groups/reviews';
import { componentCommands } from './command-groups/components';
import { findingCommands } from './command-groups/findings';
import { humanRiskCommands } from './command-groups/human-risk';
import { copyCommands } from './command-groups/copies';
import { Fingerprint, SignoffStatus, signoffCommands } from './command-groups/signoff';
import { packageCommands } from './command-groups/packages';

export { AssessmentFile } from './command-kit';
export { ControlRow, ListedControl };

/**
 * The one command table. Every door (Electron IPC, the loopback bridge, the command line)
 * validates a call against `input` before a handler runs; handlers return `output`.
 */


const NewAssessmentFile = AssessmentFile.refine((p) => p.toLowerCase().endsWith('.assay'), {
  message: 'an assessment file name must end in .assay',
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
  /** The head of the audit chain: the anchor to keep outside the file. */
  head: z.object({ count: z.number().int(), hash: z.string() }),
  /** Opened for reading only: every editing command refuses. */
  readOnly: z.boolean(),
  /** How the file is being read when not in place (older format, crash leftovers). */
  readNote: z.string().optional(),
  /** What the quick integrity check found: the file is not written, reading is best effort. */
  damage: z.string().optional(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;


export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** A person id (or, in entries written before format 3, the name itself). */
  actor: z.string(),
  actorName: z.string(),
  actorDigest: z.string().optional(),
  /** What happened, for a person: "Control state changed". */
  label: z.string(),
  /** The item as a person names it: "GOV-01 AI governance policy". */
  item: z.string(),
  /** Before → after. */
  change: z.string(),
  command: z.string(),
  entity: z.string(),
  entityId: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `warning`: the check passed but says something the reader must weigh (a sign-off by a key they do not trust). */
export const VerifyCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string(), warning: z.boolean().optional() });
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  file: z.string(),
  entries: z.number().int(),
  headHash: z.string(),
  /** "count:hash", the form `--expect-head` takes. */
  head: z.string(),
  /** The first entry whose stored hash or link does not match, when the chain is broken. */
  brokenAt: z.number().int().optional(),
  /** The first place where replaying the log disagrees with a state table. */
  difference: z
    .object({ table: z.string(), row: z.string(), field: z.string(), log: z.union([z.string(), z.number(), z.null()]), file: z.union([z.string(), z.number(), z.null()]) })
    .optional(),
  /** The entry replay starts from (an adoption entry for files written before format 3). */
  replayFrom: z.number().int(),
  adopted: z.boolean(),
  /** Entries naming people whose data was erased on request: reported, not counted as tampering. */
  erasedEntries: z.number().int(),
  /** Each sign-off judged against the keys the verifier trusts (present when the file has any). */
  signoffs: z.array(SignoffStatus).optional(),
  checks: z.array(VerifyCheck),
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


const DisplayName = z
  .string()
  .trim()
  .min(1, 'a display name is required')
  .max(120, 'a display name has at most 120 characters')
  .refine((n) => ![...n].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f)), 'a display name cannot contain control characters');

const AppSettings = z.object({
  displayName: z.string().nullable(),
  /** Who the log names for changes made here now, and where that name comes from. */
  actor: z.string(),
  actorSource: z.enum(['environment', 'settings', 'system']),
});

const HeadText = z
  .string()
  .trim()
  .regex(/^\d{1,12}:[0-9a-fA-F]{64}$/, 'the expected head must be <count>:<64 hex digits>, as verify prints it');


const AuditListInput = z
  .object({
    file: AssessmentFile,
    limit: z.number().int().min(1).max(100000).default(200),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    actor: z.string().max(200).optional(),
    kinds: z.array(z.string().max(60)).max(20).optional(),
  })
  .strict();

const RequirementRef = z.object({ ref: z.string(), framework: z.string(), id: z.string(), title: z.string() });
const CatalogUpdateResult = z.object({
  fromVersion: z.string(),
  toVersion: z.string(),
  upToDate: z.boolean(),
  applied: z.boolean(),
  backup: z.string().optional(),
  controls: z.object({
    added: z.array(z.object({ id: z.string(), name: z.string() })),
    retired: z.array(z.object({ id: z.string(), name: z.string(), mergedInto: z.string().optional(), reason: z.string() })),
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  }),
  requirements: z.object({ added: z.array(RequirementRef), removed: z.array(RequirementRef) }),
  mappings: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  states: z.array(
    z.object({
      control: z.string(),
      before: ControlState.nullable(),
      after: ControlState.nullable(),
      justification: z.string().nullable(),
      why: z.string(),
      conflicts: z.array(z.object({ control: z.string(), state: ControlState })),
    }),
  ),
});
export type CatalogUpdateResult = z.infer<typeof CatalogUpdateResult>;

const CoverageSummaryRow = z.object({
  framework: z.string(),
  name: z.string(),
  assessable: z.number().int(),
  satisfied: z.number().int(),
  partly: z.number().int(),
  not_satisfied: z.number().int(),
  not_applicable: z.number().int(),
  governance_only: z.number().int(),
});

const ControlImpact = z.object({ control: z.string(), name: z.string(), closesAlone: z.number().int(), inSets: z.number().int(), partly: z.number().int(), requirements: z.array(z.string()) });
/** The gaps with the controls that would close them, for the organisation and per system. */
const CoverageDetail = z.object({
  gaps: z.array(
    z.object({
      requirement: z.string(),
      framework: z.string(),
      item: z.string(),
      title: z.string(),
      status: z.enum(['not_satisfied', 'partly']),
      unmapped: z.boolean(),
      closers: z.array(z.object({ control: z.string(), name: z.string(), relationship: z.string(), closes: z.enum(['alone', 'with_set', 'partly']), set: z.object({ id: z.string(), missing: z.number().int() }).optional() })),
    }),
  ),
  closeFirst: z.array(ControlImpact),
  systemCoverage: z.array(
    z.object({ systemId: z.string(), name: z.string(), frameworks: z.array(CoverageSummaryRow), ownEntries: z.number().int(), gaps: z.number().int(), closeFirst: z.array(ControlImpact) }),
  ),
});

const AssessmentStatus = z.object({
  name: z.string(),
  catalogVersion: z.string(),
  head: z.string(),
  controls: StateCountsSchema,
  systems: z.object({ total: z.number().int(), classified: z.number().int(), highRisk: z.number().int(), prohibited: z.number().int() }),
  coverage: z.array(CoverageSummaryRow),
  ...CoverageDetail.shape,
  /** How coverage is derived, in words: the README and the app show this text. */
  coverageRule: z.string(),
});
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;


const OptionalFile = z.object({ file: AssessmentFile.optional() }).strict();
const Nothing = z.object({}).strict();

const coreCommands = {
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
  'assessment.open': command(
    "Open an assessment file, upgrading an older one after a backup; with readOnly (an auditor's review), open it for reading only: nothing upgrades it and every editing command refuses until it is closed.",
    z.object({ file: AssessmentFile, readOnly: z.boolean().optional() }).strict(),
    AssessmentSummary,
  ),
  'assessment.close': command('Close an open assessment file.', FileOnly, z.object({ closed: z.boolean() })),
  'assessment.upgrade': command(
    'Upgrade an assessment in an older file format (a backup copy is kept beside it); the upgrade is logged.',
    FileOnly,
    AssessmentSummary,
  ),
  'audit.list': command(
    'Audit log entries, newest first, filtered by date, actor and kind.',
    AuditListInput,
    z.object({
      entries: z.array(AuditEntry),
      total: z.number().int(),
      head: z.string(),
      actors: z.array(z.object({ id: z.string(), name: z.string() })),
      kinds: z.array(z.object({ command: z.string(), label: z.string() })),
    }),
  ),
  'audit.export': command(
    'The whole audit log as CSV or JSON, with the head hash, for an auditor.',
    z.object({ file: AssessmentFile, format: z.enum(['csv', 'json']) }).strict(),
    z.object({ fileName: z.string(), mediaType: z.string(), content: z.string(), head: z.string() }),
  ),
  'audit.verify': command(
    'Check every page, the audit chain, an expected head, that replaying the log rebuilds every state table, and every sign-off signature against the keys the user trusts (plus the fingerprints in trust).',
    z.object({ file: AssessmentFile, expectHead: HeadText.optional(), trust: z.array(Fingerprint).max(100).optional(), requireTrusted: z.boolean().optional() }).strict(),
    VerifyResult,
  ),
  'people.list': command(
    'People named in the assessment (actors, later owners and approvers).',
    FileOnly,
    z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), erased: z.boolean() })) }),
  ),
  'people.erase': command(
    "Erase a person's personal data on request: it becomes a tombstone; the log keeps the chain and records the erasure.",
    z.object({ file: AssessmentFile, personId: z.string().min(1).max(100) }).strict(),
    z.object({ erased: z.literal(true) }),
  ),
  'app.settings': command('The settings of this app on this machine (the display name recorded in the audit log).', Nothing, AppSettings),
  'app.setDisplayName': command(
    'Set the name recorded on every audit entry made from this app.',
    z.object({ displayName: DisplayName }).strict(),
    AppSettings,
  ),
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
  'catalog.update': command(
    "Move an assessment to the bundled catalog: what changes for it (dry run), or apply it (backup first, states kept, logged).",
    z.object({ file: AssessmentFile, dryRun: z.boolean().default(false) }).strict(),
    CatalogUpdateResult,
  ),
  'catalog.removeFramework': command(
    'Remove an imported framework from an assessment.',
    z.object({ file: AssessmentFile, frameworkId: FrameworkId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  'systems.list': command('The AI systems of the assessment, with their owners and EU AI Act roles.', FileOnly, z.object({ systems: z.array(AiSystem) })),
  'systems.add': command(
    'Add an AI system to the inventory (its owner is recorded as a person).',
    z.object({ file: AssessmentFile, system: AiSystemInput }).strict(),
    z.object({ system: AiSystem }),
  ),
  'systems.update': command(
    "Change an AI system's fields; those left out keep their value.",
    z.object({ file: AssessmentFile, system: z.string().trim().min(1, 'a system id or name is required').max(200), changes: AiSystemChanges }).strict(),
    z.object({ system: AiSystem }),
  ),
  'systems.classify': command(
    "Answer a system's EU AI Act questionnaire: the result (a set of findings with reasoning) and the obligations it selects for the system's roles.",
    z.object({ file: AssessmentFile, system: z.string().trim().min(1, 'a system id or name is required').max(200), answers: z.unknown() }).strict(),
    z.object({
      system: AiSystem,
      result: z.custom<ClassificationResult>((v) => typeof v === 'object' && v !== null),
      labels: z.array(z.string()),
      obligations: z.array(z.custom<ApplicableObligation>((v) => typeof v === 'object' && v !== null)),
    }),
  ),
  'assessment.status': command(
    'Where the assessment stands: coverage per framework (derived from control states), controls by state, AI systems and their classes.',
    FileOnly,
    AssessmentStatus,
  ),
  'jobs.start': command(
    'Start long work (verify a file) off the thread that answers commands; progress and the result arrive as events.',
    z.object({ kind: JobKind, file: AssessmentFile, expectHead: HeadText.optional() }).strict(),
    z.object({ jobId: JobId }),
  ),
  'jobs.cancel': command('Cancel a running job; it ends with a job.cancelled event.', z.object({ jobId: JobId }).strict(), z.object({ cancelled: z.boolean() })),
  'jobs.list': command('Jobs of this process, running and recently ended.', Nothing, z.object({ jobs: z.array(JobInfo) })),
} as const;

// Each further domain's commands live in shared/command-groups/<domain>.ts and join the one table here.
export const commands = {
  ...coreCommands,
  ...controlCommands,
  ...checkCommands,
  ...dashboardCommands,
  ...sampleCommands,
  ...riskCommands,
  ...incidentCommands,
  ...threatCommands,
  ...ownControlCommands,
  ...evidenceCommands,
  ...importCommands,
  ...reportCommands,
  ...reviewCommands,
  ...componentCommands,
  ...findingCommands,
  ...humanRiskCommands,
  ...copyCommands,
  ...signoffCommands,
  ...packageCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

/** Input fields that name a file on disk: the doors confine them (bridge folders, Electron's user-chosen paths). */
export const PATH_FIELDS = ['file', 'source', 'paths', 'out', 'report', 'review', 'package', 'reports', 'other', 'backup'] as const;

/** The file paths a raw command input names, whatever the command. */
export function pathsIn(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const record = input as Record<string, unknown>;
  return PATH_FIELDS.flatMap((field) => [record[field]].flat()).filter((v): v is string => typeof v === 'string');
}

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

/** The API object the renderer talks to, whichever door is behind it. */
export interface AssayApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}
