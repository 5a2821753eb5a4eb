import { z } from 'zod';

/**
 * A finding as every reader of test and scanner results hands it to the findings sink: garak,
 * promptfoo, AVID, SARIF, Trivy, Grype and OSCAL results all become this one shape, so the
 * findings register, the plan of action and the reports treat them alike.
 */

export const findingSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const FindingSeverity = z.enum(findingSeverities);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

/** The lifecycle of a finding; imported ones start open unless the source says otherwise. */
export const findingStatuses = ['open', 'in_remediation', 'fixed', 'risk_accepted', 'false_positive'] as const;
export const FindingStatus = z.enum(findingStatuses);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const FindingData = z.object({
  /** The tool and version that found it: "garak 0.13.0", "Trivy", "SARIF: ESLint". */
  tool: z.string().min(1).max(200),
  severity: FindingSeverity,
  description: z.string().max(20000).nullable(),
  /** Identifiers it carries: OWASP LLM ids (LLM01:2025), CWE-79, CVE-2021-1234, the rule or probe id. */
  references: z.array(z.string().max(300)).max(100),
  /** The state the source implies when it says one (a SARIF suppression, a closed POA&M item); else null. */
  status: FindingStatus.nullable(),
  statusReason: z.string().max(4000).nullable(),
  /** Red-team results: the prompt sent and the response that failed, where the source has them (trimmed). */
  prompt: z.string().max(20000).nullable(),
  response: z.string().max(20000).nullable(),
  /** Where: a file and line, a package and version, a probe and detector. */
  where: z.string().max(1000).nullable(),
  /** Catalog controls it is evidence for or concerns (MOD-02 for red-teaming, SUP-03 and DEV-01 for scanners). */
  controls: z.array(z.string()).max(50),
  detectedAt: z.string().nullable(),
  owner: z.string().max(120).nullable(),
  dueDate: z.string().nullable(),
  /** Red-team runs: how many attempts were made and how many failed. */
  attempts: z.object({ total: z.number().int().min(0), failed: z.number().int().min(0) }).nullable(),
});
export type FindingData = z.infer<typeof FindingData>;
