import { z } from 'zod';
import { reportFormats, reportTypes } from './model';

/**
 * The manifest written beside every report (`<report>.manifest.json`): what an auditor needs to
 * check the report without the assessment (its SHA-256), and against it when they have it (the
 * head must be on the assessment's chain, and the state at that head, rebuilt by replay, must give
 * the same state digest and figures).
 */

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const MANIFEST_SCHEMA = 'assay-report-manifest/1';

export const ReportManifest = z
  .object({
    schema: z.literal(MANIFEST_SCHEMA),
    report: z.object({
      fileName: z.string().min(1),
      sha256: Sha256,
      size: z.number().int().min(0),
      type: z.enum(reportTypes),
      format: z.enum(reportFormats),
      title: z.string(),
      paper: z.string(),
      label: z.string(),
      audience: z.string(),
      frameworks: z.array(z.string()),
      systems: z.array(z.string()),
    }),
    assessment: z.object({
      id: z.string().min(1),
      name: z.string(),
      head: z.object({ count: z.number().int().min(0), hash: Sha256 }),
      /** SHA-256 over every replayed state table at that head (see stateDigest). */
      stateSha256: Sha256,
      /** A few figures a person can compare by eye; rebuilt from the state at the head. */
      figures: z.record(z.string(), z.number()),
    }),
    catalogVersion: z.string(),
    assayVersion: z.string(),
    generatedAt: z.string(),
    generatedBy: z.string(),
    /** Every evidence file the report cites, by evidence-index id. */
    evidence: z.array(z.object({ id: z.string(), sha256: Sha256 })),
  })
  .strict();
export type ReportManifest = z.infer<typeof ReportManifest>;
