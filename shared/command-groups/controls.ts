import { z } from 'zod';
import { ControlId, ControlType } from '../catalog/schema';
import { AssessmentFile, SystemRef, command } from '../command-kit';
import { ControlEntryChanges, ControlEntryDetails } from '../domain/control-entry';
import { ControlState, justificationProblem } from '../domain/control-state';

/** Control entries: the organisation's, and a system's own where a control is applied system by system. */

export const StateCountsSchema = z.object({
  not_started: z.number().int(),
  in_progress: z.number().int(),
  implemented: z.number().int(),
  not_applicable: z.number().int(),
  total: z.number().int(),
});

export const ControlRow = z.object({
  id: ControlId,
  name: z.string(),
  objective: z.string(),
  type: ControlType,
  guidance: z.string(),
  evidence: z.array(z.string()),
  state: ControlState,
  justification: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Owner (by name here; a person id in the file), due date, maturity, notes and reviews. */
  ...ControlEntryDetails.shape,
});
export type ControlRow = z.infer<typeof ControlRow>;

/** A control with the entry that counts where it was asked for, and where that entry comes from. */
export const ListedControl = ControlRow.extend({ source: z.enum(['organisation', 'system']) });
export type ListedControl = z.infer<typeof ListedControl>;

const Justification = z.string().trim().max(2000);

const SetStateInput = z
  .object({
    file: AssessmentFile,
    controlId: ControlId,
    state: ControlState,
    justification: Justification.optional(),
    /** Owner, due date, maturity, notes and reviews: left out keeps them, null clears them. */
    details: ControlEntryChanges.optional(),
    /** Set the entry of this system (id or exact name), which overrides the organisation's for it. */
    system: SystemRef.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const problem = justificationProblem(input.state, input.justification);
    if (problem) ctx.addIssue({ code: 'custom', path: ['justification'], message: problem });
  });

const SetManyInput = z
  .object({
    file: AssessmentFile,
    controlIds: z.array(ControlId).min(1, 'choose at least one control').max(10_000),
    system: SystemRef.optional(),
    /** Left out: each control keeps its own state. */
    state: ControlState.optional(),
    justification: Justification.optional(),
    details: ControlEntryChanges.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.state === undefined && input.justification === undefined && !Object.keys(input.details ?? {}).length)
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'say what to change: a state, a justification or details' });
    if (input.state === 'not_applicable') {
      const problem = justificationProblem(input.state, input.justification);
      if (problem) ctx.addIssue({ code: 'custom', path: ['justification'], message: problem });
    }
    const seen = new Set<string>();
    input.controlIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['controlIds', i], message: `control ${id} is listed twice` });
      seen.add(id);
    });
  });

export const controlCommands = {
  'controls.list': command(
    "Controls of the assessment with the entry that counts: the organisation's, or a system's own where it has one.",
    z.object({ file: AssessmentFile, system: SystemRef.optional() }).strict(),
    z.object({ controls: z.array(ListedControl), system: z.object({ id: z.string(), name: z.string() }).nullable().default(null) }),
  ),
  'controls.setState': command(
    "Set a control's entry (a justification is required for not applicable), for the organisation or for one system.",
    SetStateInput,
    z.object({ control: ListedControl, counts: StateCountsSchema }),
  ),
  'controls.setMany': command(
    'Make the same change to many controls at once, in one transaction: all or nothing, one audit entry per control changed.',
    SetManyInput,
    z.object({ changed: z.array(z.string()), unchanged: z.array(z.string()), counts: StateCountsSchema }),
  ),
  'controls.removeSystemEntry': command(
    "Remove a system's own entry for a control: the system follows the organisation's entry again.",
    z.object({ file: AssessmentFile, controlId: ControlId, system: SystemRef }).strict(),
    z.object({ control: ListedControl }),
  ),
} as const;
