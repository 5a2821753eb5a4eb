import { z } from 'zod';
import { ControlId } from '../catalog/schema';
import { ControlState, justificationProblem } from './control-state';
import { IsoDate, isPast } from './dates';
import { MaturityLevel } from './maturity';

/** People are referenced by id (electron/store/people.ts gives every person a UUID), never by name. */
export const PersonId = z.uuid('a person is referenced by id');
export type PersonId = string;

/** A system in the inventory; ids are opaque to the rules. */
export const SystemId = z.string().trim().min(1, 'a system id is required').max(100);

/**
 * How one control stands: for the whole organisation (systemId null) or for one system, where the
 * control is applied system by system; a system's entry then overrides the organisation's.
 */
export const ControlEntry = z
  .object({
    controlId: ControlId,
    systemId: SystemId.nullable(),
    state: ControlState,
    /** Why the control is not applicable; required for that state. */
    justification: z.string().trim().max(2000).nullable(),
    owner: PersonId.nullable(),
    dueDate: IsoDate.nullable(),
    maturity: MaturityLevel.nullable(),
    notes: z.string().max(10_000).nullable(),
    lastReview: IsoDate.nullable(),
    nextReview: IsoDate.nullable(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const problem = justificationProblem(entry.state, entry.justification ?? undefined);
    if (problem) ctx.addIssue({ code: 'custom', path: ['justification'], message: problem });
    if (entry.lastReview && entry.nextReview && entry.nextReview < entry.lastReview)
      ctx.addIssue({ code: 'custom', path: ['nextReview'], message: 'the next review cannot be before the last review' });
  });
export type ControlEntry = z.infer<typeof ControlEntry>;

/** A control is finished with when implemented or justified as not applicable; a due date then no longer runs. */
export function isSettled(entry: Pick<ControlEntry, 'state'>): boolean {
  return entry.state === 'implemented' || entry.state === 'not_applicable';
}

export type OverdueReason = 'due' | 'review';

/**
 * Why an entry is overdue on `today` (both dates count until the end of their day):
 * - due: the due date has passed and the control is neither implemented nor justified as not applicable;
 * - review: the next review date has passed, whatever the state (a not-applicable claim is reviewed too).
 */
export function overdueReasons(
  entry: Pick<ControlEntry, 'state' | 'dueDate' | 'nextReview'>,
  today: string,
): OverdueReason[] {
  const reasons: OverdueReason[] = [];
  if (entry.dueDate && !isSettled(entry) && isPast(entry.dueDate, today)) reasons.push('due');
  if (entry.nextReview && isPast(entry.nextReview, today)) reasons.push('review');
  return reasons;
}

export function isOverdue(entry: Pick<ControlEntry, 'state' | 'dueDate' | 'nextReview'>, today: string): boolean {
  return overdueReasons(entry, today).length > 0;
}

/**
 * What a change to a control entry may set besides its state: undefined keeps the current value,
 * null clears it. The owner is given by name and stored as a person id.
 */
export const ControlEntryChanges = z
  .object({
    owner: z.string().trim().min(1, 'an owner needs a name').max(120).nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    maturity: MaturityLevel.nullable().optional(),
    notes: z.string().trim().max(10_000).nullable().optional(),
    lastReview: IsoDate.nullable().optional(),
    nextReview: IsoDate.nullable().optional(),
  })
  .strict();
export type ControlEntryChanges = z.infer<typeof ControlEntryChanges>;

/** The entry's details as the log records them (owner as a person id). */
export const ControlEntryDetails = z.object({
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  maturity: z.number().int().nullable(),
  notes: z.string().nullable(),
  lastReview: z.string().nullable(),
  nextReview: z.string().nullable(),
});
export type ControlEntryDetails = z.infer<typeof ControlEntryDetails>;
