import { ReportResult } from './reports/results';
import { PackResult, UnpackResult } from './packages/results';
import { z } from 'zod';
import { VerifyResult } from './commands';
import { EvidenceAddResult } from './domain/evidence/model';
import { BackupTaken, RestoreResult } from './backups';
import { JobId, JobKind } from './jobs';
import { ImportPreview, ImportResult } from './imports/model';

/**
 * The one channel from the Node side to the UI: things the UI did not ask for (another program
 * changed a file, progress of long work). Typed like the command table; each door delivers the
 * same objects (IPC events in Electron, a text/event-stream on the bridge).
 */

/** What a finished job hands back, by kind: the same shape the matching command would return. */
export const JobResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify'), value: VerifyResult }),
  z.object({ kind: z.literal('evidence.add'), value: EvidenceAddResult }),
  z.object({ kind: z.literal('import.preview'), value: ImportPreview }),
  z.object({ kind: z.literal('import'), value: ImportResult }),
  z.object({ kind: z.literal('report'), value: ReportResult }),
  z.object({ kind: z.literal('pack'), value: PackResult }),
  z.object({ kind: z.literal('unpack'), value: UnpackResult }),
  z.object({ kind: z.literal('backup'), value: BackupTaken }),
  z.object({ kind: z.literal('restore'), value: RestoreResult }),
]);
export type JobResult = z.infer<typeof JobResult>;

export const JobError = z.object({ code: z.string(), message: z.string() });

export const AssayEvent = z.discriminatedUnion('type', [
  /** Another process committed a change to an open assessment; cached state was dropped. */
  z.object({ type: z.literal('assessment.changed'), file: z.string(), byJob: z.boolean().optional() }),
  z.object({
    type: z.literal('job.progress'),
    jobId: JobId,
    kind: JobKind,
    file: z.string(),
    /** What is being done now, in words a person reads. */
    phase: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  z.object({ type: z.literal('job.finished'), jobId: JobId, kind: JobKind, file: z.string(), result: JobResult }),
  z.object({ type: z.literal('job.failed'), jobId: JobId, kind: JobKind, file: z.string(), error: JobError }),
  z.object({ type: z.literal('job.cancelled'), jobId: JobId, kind: JobKind, file: z.string() }),
]);
export type AssayEvent = z.infer<typeof AssayEvent>;
export type AssayEventType = AssayEvent['type'];

export type EventListener = (event: AssayEvent) => void;
