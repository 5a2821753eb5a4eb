import { z } from 'zod';
import { AssessmentFile, command } from '../command-kit';

export const sampleCommands = {
  'assessment.sample': command(
    'Write the sample assessment (a fictional lender with four AI systems, control entries, classifications and their history) to a new file, through the same commands the app uses.',
    z
      .object({
        file: AssessmentFile.refine((p) => p.toLowerCase().endsWith('.assay'), { message: 'an assessment file name must end in .assay' }),
      })
      .strict(),
    z.object({ file: z.string(), name: z.string(), systems: z.number().int(), entries: z.number().int(), auditEntries: z.number().int() }),
  ),
} as const;
