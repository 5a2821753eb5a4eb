import { z } from 'zod';

/** What every command group is made of: the definition helper and the input pieces all doors share. */

export const AssessmentFile = z
  .string()
  .trim()
  .min(1, 'a file path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'the path contains a NUL character');

export const IsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/, 'a date must be written as YYYY-MM-DD (or a full ISO time)');

export function command<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) {
  return { summary, input, output };
}

export const FileOnly = z.object({ file: AssessmentFile }).strict();

/** A system named by id (SYS-001) or by its exact name. */
export const SystemRef = z.string().trim().min(1, 'a system id or name is required').max(200);
