import { z } from 'zod';
import { ControlId } from '../catalog/schema';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { MappingInput, OwnControl, OwnControlInput, RetireReason, UserMapping } from '../domain/own-controls/control';

/** The organisation's own controls and the mappings users draw from any control to requirements and threats. */
export const ownControlCommands = {
  'ownControls.list': command(
    "The organisation's own controls (retired ones too) and every mapping users drew.",
    FileOnly,
    z.object({ controls: z.array(OwnControl), mappings: z.array(UserMapping) }),
  ),
  'ownControls.add': command(
    "Add one of the organisation's own controls; it joins the control list, coverage and trace like a catalog control.",
    z.object({ file: AssessmentFile, control: OwnControlInput }).strict(),
    z.object({ control: OwnControl }),
  ),
  'ownControls.map': command(
    'Map a control (own or from the catalog) to a requirement of any framework, imported ones too (with relationship and rationale), or to a threat.',
    z.object({ file: AssessmentFile, mapping: MappingInput }).strict(),
    z.object({ mapping: UserMapping }),
  ),
  'ownControls.unmap': command(
    'Remove a mapping a user drew from a control to a requirement or threat.',
    z.object({ file: AssessmentFile, control: ControlId, mappedTo: z.string().trim().min(1, 'the requirement or threat it is mapped to is required').max(300) }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  'ownControls.retire': command(
    "Retire one of the organisation's own controls with a reason: it leaves the control list and stays on record.",
    z.object({ file: AssessmentFile, control: ControlId, reason: RetireReason }).strict(),
    z.object({ control: OwnControl }),
  ),
} as const;
