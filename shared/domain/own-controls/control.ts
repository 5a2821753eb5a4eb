import { z } from 'zod';
import { ControlId, ControlType, Relationship, RequirementRef, ThreatId } from '../../catalog/schema';

/**
 * The organisation's own controls, beside the catalog's, and the mappings a user draws from any
 * control (bundled or own) to requirements (with relationship and rationale, as the catalog
 * does) and to threats. Imported frameworks gain coverage through these mappings.
 */

const text = (what: string, min: number, max: number) =>
  z.string().trim().min(min, min <= 1 ? `${what} is required` : `${what} needs at least ${min} characters`).max(max, `${what} has at most ${max} characters`);

export const OwnControlInput = z
  .object({
    id: ControlId,
    name: text('the name', 3, 120),
    objective: text('the objective', 10, 400),
    type: ControlType,
    guidance: z.string().trim().max(1200, 'the guidance has at most 1200 characters').default(''),
    evidence: z.array(text('an expected evidence item', 3, 300)).max(50).default([]),
  })
  .strict();
export type OwnControlInput = z.input<typeof OwnControlInput>;
export type OwnControlRecord = z.output<typeof OwnControlInput>;

export const Rationale = text('the rationale', 10, 1000);
export const RetireReason = text('the reason', 5, 1000);

export const MappingInput = z
  .object({
    control: ControlId,
    requirement: RequirementRef.optional(),
    threat: ThreatId.optional(),
    relationship: Relationship.optional(),
    rationale: Rationale,
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((m.requirement === undefined) === (m.threat === undefined))
      ctx.addIssue({ code: 'custom', path: ['requirement'], message: 'name either a requirement (framework-id:item-id) or a threat (THR-nn), not both' });
    if (m.requirement !== undefined && m.relationship === undefined)
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'a mapping to a requirement needs a relationship (equal, subset, superset or intersects)' });
    if (m.threat !== undefined && m.relationship !== undefined)
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'a mapping to a threat has no relationship; leave it out' });
  });
export type MappingInput = z.input<typeof MappingInput>;

export const UserMapping = z.object({
  control: z.string(),
  target: z.string(),
  kind: z.enum(['requirement', 'threat']),
  relationship: Relationship.nullable(),
  rationale: z.string(),
  mappedAt: z.string(),
  mappedBy: z.string().nullable(),
});
export type UserMapping = z.infer<typeof UserMapping>;

export const OwnControl = z.object({
  id: z.string(),
  name: z.string(),
  objective: z.string(),
  type: ControlType,
  guidance: z.string(),
  evidence: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  retired: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() }).nullable(),
});
export type OwnControl = z.infer<typeof OwnControl>;

/** The log payloads: everything replay needs to rebuild the rows. */
export const payloads = {
  add: z.object({ control: z.object({ id: ControlId, name: z.string(), objective: z.string(), type: ControlType, guidance: z.string(), evidence: z.array(z.string()) }) }),
  map: z.object({ target: z.string(), kind: z.enum(['requirement', 'threat']), relationship: Relationship.nullable(), rationale: z.string() }),
  unmap: z.object({ target: z.string() }),
  retire: z.object({ reason: z.string(), name: z.string() }),
};
