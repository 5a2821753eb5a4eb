import { z } from 'zod';

/** What packing and unpacking answer with (as the job's result): shared by every door and the app. */

export const PackResult = z.object({
  package: z.string(),
  bytes: z.number().int(),
  chunks: z.number().int(),
  /** The audit head of what was packed, "count:hash": what `assay verify --expect-head` takes after unpacking. */
  head: z.string(),
  includesSecret: z.boolean(),
  /** The assessment had a pseudonymisation key and it was left out of the package. */
  secretLeftOut: z.boolean(),
});
export type PackResult = z.infer<typeof PackResult>;

export const UnpackResult = z.object({
  file: z.string(),
  bytes: z.number().int(),
  head: z.string(),
  includesSecret: z.boolean(),
});
export type UnpackResult = z.infer<typeof UnpackResult>;
