import { z } from 'zod';
import { checkRules, checkSeverities } from '../domain/checks';
import { AssessmentFile, IsoDate, command } from '../command-kit';

const CheckTarget = z.union([
  z.object({ kind: z.literal('control'), id: z.string(), systemId: z.string().nullable() }),
  z.object({ kind: z.literal('system'), id: z.string() }),
  z.object({ kind: z.literal('risk'), id: z.string() }),
  z.object({ kind: z.literal('incident'), id: z.string() }),
  z.object({ kind: z.literal('finding'), id: z.string() }),
  z.object({ kind: z.literal('requirement'), id: z.string(), systemId: z.string().nullable() }),
]);

export const CheckFindingRow = z.object({
  id: z.string(),
  rule: z.enum(Object.keys(checkRules) as [keyof typeof checkRules, ...(keyof typeof checkRules)[]]),
  /** The rule's title, for a person: "Human oversight not implemented". */
  title: z.string(),
  severity: z.enum(checkSeverities),
  message: z.string(),
  target: CheckTarget,
});
export type CheckFindingRow = z.infer<typeof CheckFindingRow>;

export const CheckReport = z.object({
  file: z.string(),
  asOf: z.string(),
  findings: z.array(CheckFindingRow),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
});
export type CheckReport = z.infer<typeof CheckReport>;

export const checkCommands = {
  'assessment.check': command(
    'The standing list of what an auditor would find (missing evidence, oversight, overdue items, …), errors first; each names the place to fix it.',
    z.object({ file: AssessmentFile, asOf: IsoDate.optional() }).strict(),
    CheckReport,
  ),
} as const;
