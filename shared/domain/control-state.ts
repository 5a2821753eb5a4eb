import { z } from 'zod';

export const controlStates = ['not_started', 'in_progress', 'implemented', 'not_applicable'] as const;
export const ControlState = z.enum(controlStates);
export type ControlState = z.infer<typeof ControlState>;

export const controlStateLabels: Record<ControlState, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};

/** An auditor reads "not applicable" as a claim; it must carry its reason. */
export const MIN_JUSTIFICATION = 10;

export function justificationProblem(state: ControlState, justification: string | undefined): string | null {
  if (state !== 'not_applicable') return null;
  const text = (justification ?? '').trim();
  if (text.length === 0) return 'a justification is required when a control is not applicable';
  if (text.length < MIN_JUSTIFICATION)
    return `the justification must say why in at least ${MIN_JUSTIFICATION} characters`;
  return null;
}

export type StateCounts = Record<ControlState, number> & { total: number };

export function emptyCounts(): StateCounts {
  return { not_started: 0, in_progress: 0, implemented: 0, not_applicable: 0, total: 0 };
}

/** Share of applicable controls that are implemented; null when nothing is applicable. */
export function implementationRate(counts: StateCounts): number | null {
  const applicable = counts.total - counts.not_applicable;
  return applicable === 0 ? null : counts.implemented / applicable;
}
