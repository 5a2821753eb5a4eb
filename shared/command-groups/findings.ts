import { z } from 'zod';
import { AssessmentFile, IsoDate, command } from '../command-kit';
import { Finding, FindingChanges, FindingFilter, FindingRow, PlanItem } from '../domain/findings/model';

const FindingRef = z.string().trim().min(1, 'a finding id is required (e.g. FND-001)').max(100);

export const findingCommands = {
  'findings.list': command(
    'The findings register (imported red-team and scanner results, and recorded ones), most severe first, with overdue and expired acceptances flagged; filter by status, severity, system or threat.',
    z.object({ file: AssessmentFile, filter: FindingFilter.optional(), asOf: IsoDate.optional() }).strict(),
    z.object({ today: z.string(), findings: z.array(FindingRow) }),
  ),
  'findings.get': command(
    'One finding with what its source said (prompt and response of a red-team failure) and its lifecycle.',
    z.object({ file: AssessmentFile, finding: FindingRef, asOf: IsoDate.optional() }).strict(),
    z.object({ finding: FindingRow }),
  ),
  'findings.update': command(
    "Change a finding's lifecycle (fixed needs evidence or a note, risk accepted an approver and an expiry, false positive a reason), owner, due date, or its links to controls and risks.",
    z.object({ file: AssessmentFile, finding: FindingRef, changes: FindingChanges }).strict(),
    z.object({ finding: Finding }),
  ),
  'findings.plan': command(
    'The plan of action: for each finding, what, who, by when and its status, overdue items flagged, soonest due first.',
    z.object({ file: AssessmentFile, asOf: IsoDate.optional() }).strict(),
    z.object({ today: z.string(), items: z.array(PlanItem) }),
  ),
} as const;
