import { z } from 'zod';
import { AssessmentFile, FileOnly, command } from '../command-kit';
import { AcceptRiskInput, RiskChanges, RiskInput, RiskRegister } from '../domain/risk-register/register';
import { Risk, RiskAcceptance } from '../domain/risk';

const RiskId = z.string().trim().min(1, 'a risk id is required (e.g. RSK-001)').max(100);

export const riskCommands = {
  'risks.list': command(
    'The risk register: each risk with its inherent and residual scores, owner, review date and whether its acceptance is current; and the 5×5 heat maps.',
    FileOnly,
    RiskRegister,
  ),
  'risks.add': command(
    'Add a risk for an AI system and a threat: likelihood and impact 1–5, treatment, linked controls, residual likelihood and impact, owner, review date.',
    z.object({ file: AssessmentFile, risk: RiskInput }).strict(),
    z.object({ risk: Risk }),
  ),
  'risks.update': command("Change a risk's fields; those left out keep their value, null clears one.", z.object({ file: AssessmentFile, risk: RiskId, changes: RiskChanges }).strict(), z.object({ risk: Risk })),
  'risks.accept': command(
    'Record the acceptance of a risk as it stands now: the approver, the date, an expiry; a later material change makes it no longer current.',
    z.object({ file: AssessmentFile, risk: RiskId, acceptance: AcceptRiskInput }).strict(),
    z.object({ risk: Risk, acceptance: RiskAcceptance }),
  ),
} as const;
