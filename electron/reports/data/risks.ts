import type { RiskRegister } from '../../../shared/domain/risk-register/register';
import type { ReportScope } from '../../../shared/reports/scope';
import { inScope } from '../../../shared/reports/build/in-scope';
import type { Assessment } from '../../store/assessment';
import { listRisks } from '../../store/risks';

/** The risk register as `risks.list` shows it on the report's day, narrowed to the systems in scope. */
export function gatherRisks(a: Assessment, scope: ReportScope): RiskRegister {
  const register = listRisks(a, scope.today);
  const risks = register.risks.filter((r) => inScope(scope, r.systemId));
  const ids = new Set(risks.map((r) => r.id));
  return { ...register, risks, acceptances: register.acceptances.filter((x) => ids.has(x.riskId)) };
}
