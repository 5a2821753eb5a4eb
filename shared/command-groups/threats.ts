import { z } from 'zod';
import { AssessmentFile, SystemRef, command } from '../command-kit';
import { SystemThreat, ThreatDecisionInput } from '../domain/threats/decision';

const SystemThreats = z.object({ system: z.object({ id: z.string(), name: z.string() }), threats: z.array(SystemThreat) });

/** Threats per AI system: suggested from its properties, then confirmed, dismissed or added by the user. */
export const threatCommands = {
  'systems.threats': command(
    'The threats of an AI system: those suggested from its properties (with the reasons) and those the user confirmed, dismissed or added.',
    z.object({ file: AssessmentFile, system: SystemRef }).strict(),
    SystemThreats,
  ),
  'systems.decideThreat': command(
    'Confirm a suggested threat for an AI system, dismiss one with a reason, or add one the rules did not suggest (with a reason).',
    z.object({ file: AssessmentFile, system: SystemRef, decision: ThreatDecisionInput }).strict(),
    z.object({ threat: SystemThreat }),
  ),
} as const;
