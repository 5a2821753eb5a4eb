import { z } from 'zod';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { ImportBatch, ImportFormat, ImportOptions, RecordKind } from '../imports/model';
import { JobId } from '../jobs';

/**
 * Imports: other tools' data (risk registers, control lists, AI-BOMs, red-team and scanner
 * results, OSCAL, human-risk exports) read, previewed and written as one batch. Both the preview
 * and the import are jobs: progress, cancel, and the result (ImportPreview / ImportResult) as job events.
 */

const Request = z.object({ file: AssessmentFile, source: AssessmentFile, options: ImportOptions.optional() }).strict();

export const importCommands = {
  'imports.formats': command(
    'The formats Assay imports, with what their records become.',
    z.object({}).strict(),
    z.object({ formats: z.array(z.object({ format: ImportFormat, label: z.string(), kinds: z.array(RecordKind) })) }),
  ),
  'imports.preview': command(
    'Read a file and show, without writing anything, what importing it would create, update and skip, with every problem (file, row or JSON path, field), the column mapping and the systems and threats it names. Runs as a job.',
    Request,
    z.object({ jobId: JobId }),
  ),
  'imports.run': command(
    'Import a file in one transaction as a batch (source kept as evidence, one audit entry); an error in the file, a failure or a cancel leaves the assessment exactly as it was. Runs as a job.',
    Request,
    z.object({ jobId: JobId }),
  ),
  'imports.list': command('The import batches: source file, SHA-256, format, counts, problems, who and when.', FileOnly, z.object({ batches: z.array(ImportBatch) })),
} as const;
