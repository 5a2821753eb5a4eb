import { z } from 'zod';

/**
 * Maturity of a control's implementation on the common six-level scale (0–5) used by CMMI-style
 * capability models, so a compliance officer can say how well a control works, not only whether it exists.
 */
export const maturityLevels = [0, 1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof maturityLevels)[number];
export const MaturityLevel = z.literal(maturityLevels, { error: 'maturity must be a whole number from 0 to 5' });

export const maturityNames: Record<MaturityLevel, string> = {
  0: 'Non-existent',
  1: 'Initial',
  2: 'Repeatable',
  3: 'Defined',
  4: 'Managed',
  5: 'Optimised',
};

/** One line per level, in our own words, for tooltips and reports. */
export const maturityDescriptions: Record<MaturityLevel, string> = {
  0: 'Not in place at all.',
  1: 'Done ad hoc, depending on individuals; results vary.',
  2: 'Done the same way each time, but not written down as a standard.',
  3: 'Documented, approved and followed as the standard way of working.',
  4: 'Measured and monitored; deviations are noticed and acted on.',
  5: 'Improved continually from measurements and lessons learned.',
};

/** "3 Defined": the label shown wherever a level is displayed. */
export function maturityLabel(level: MaturityLevel): string {
  return `${level} ${maturityNames[level]}`;
}
