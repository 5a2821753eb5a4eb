import { z } from 'zod';
import { AssessmentFile, FileOnly, SystemRef, command } from '../command-kit';
import { Incident } from '../domain/incidents';
import { IncidentChanges, IncidentInput, IncidentRegister, MonitoringPlan, PlanRow } from '../domain/incident-register/register';

const IncidentId = z.string().trim().min(1, 'an incident id is required (e.g. INC-001)').max(100);

export const incidentCommands = {
  'incidents.list': command(
    'The incident register with the EU AI Act Art. 73 reporting deadline and report state of each serious incident, and the post-market monitoring plans (Art. 72).',
    FileOnly,
    IncidentRegister,
  ),
  'incidents.add': command(
    'Record an incident of an AI system: what happened, when the organisation became aware, severity, and what made it serious (if it is).',
    z.object({ file: AssessmentFile, incident: IncidentInput }).strict(),
    z.object({ incident: Incident }),
  ),
  'incidents.update': command(
    "Change an incident's fields (for example the date its report was sent and the report's evidence); those left out keep their value.",
    z.object({ file: AssessmentFile, incident: IncidentId, changes: IncidentChanges }).strict(),
    z.object({ incident: Incident }),
  ),
  'incidents.setPlan': command(
    'Set the post-market monitoring plan (Art. 72) of a system the organisation provides: a linked document with a review date.',
    z.object({ file: AssessmentFile, system: SystemRef, plan: MonitoringPlan }).strict(),
    z.object({ plan: PlanRow }),
  ),
} as const;
