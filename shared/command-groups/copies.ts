import { z } from 'zod';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { BackupInfo, BackupSchedule } from '../backups';
import { JobId } from '../jobs';
import { AssessmentDiff } from '../domain/diff/model';

/**
 * Copies of one assessment: comparing two of them (the version sent to the auditor and today's),
 * and its backups: listing, taking one now, restoring one (logged with the head it discards).
 */
export const copyCommands = {
  'assessment.diff': command(
    'Compare two copies of an assessment (read-only): systems, control entries, evidence, risks, findings, own controls and components added, removed or changed (old -> new), and where the two audit chains diverge.',
    z.object({ file: AssessmentFile, other: AssessmentFile }).strict(),
    AssessmentDiff,
  ),
  'backups.list': command('The backups of an assessment, newest first: when, why (label), size and the audit head each ends at (read-only).', FileOnly, z.object({ backups: z.array(BackupInfo) })),
  'backups.create': command(
    'Take a backup of the assessment now, into "<name> backups/" beside it, as a job (a consistent copy of a large file takes seconds); the path of the copy and what was pruned arrive with job.finished.',
    z.object({ file: AssessmentFile, label: z.enum(['manual', 'scheduled']).optional(), keep: BackupSchedule.shape.keep.optional() }).strict(),
    z.object({ jobId: JobId }),
  ),
  'backups.restore': command(
    "Replace the assessment with a backup's content (a backup of the current state is kept first), and log the restore with the head it discards and the backup restored; runs as a job (the backup is verified and copied), during which the file refuses other commands. The result arrives with job.finished.",
    z.object({ file: AssessmentFile, backup: AssessmentFile }).strict(),
    z.object({ jobId: JobId }),
  ),
  'backups.schedule': command('The app\'s backup schedule: every N minutes while an assessment is open for editing (0 = off), keeping the newest K.', z.object({}).strict(), BackupSchedule),
  'backups.setSchedule': command('Change the app\'s backup schedule (kept in the settings of this machine).', BackupSchedule.strict(), BackupSchedule),
} as const;
