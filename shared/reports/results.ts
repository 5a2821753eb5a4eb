import { z } from 'zod';
import { reportFormats, reportTypes } from './model';

/** What the report commands and the report job answer with: shared by every door and the app. */

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Head = z.object({ count: z.number().int().min(0), hash: Sha256 });

export const IssuedReport = z.object({
  id: z.string(),
  type: z.enum(reportTypes),
  format: z.enum(reportFormats),
  fileName: z.string(),
  sha256: Sha256,
  size: z.number().int(),
  head: Head,
  label: z.string(),
  audience: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
});
export type IssuedReport = z.infer<typeof IssuedReport>;

export const ReportResult = z.object({
  path: z.string(),
  manifestPath: z.string(),
  type: z.enum(reportTypes),
  format: z.enum(reportFormats),
  sha256: Sha256,
  size: z.number().int(),
  head: Head,
  generatedAt: z.string(),
  /** The register entry when the report was issued; null when it was only generated. */
  issued: IssuedReport.nullable(),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const ReportCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string(), warning: z.boolean().optional() });
export const ReportVerification = z.object({ ok: z.boolean(), report: z.string(), manifest: z.string(), checks: z.array(ReportCheck), message: z.string() });
export type ReportVerification = z.infer<typeof ReportVerification>;
