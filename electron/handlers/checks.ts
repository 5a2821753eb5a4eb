import type { CheckReport } from '../../shared/command-groups/checks';
import { checkRules, countBySeverity, runChecks } from '../../shared/domain/checks';
import type { Assessment } from '../store/assessment';
import { buildAssessmentModel } from '../store/assessment-model';
import { useForReading } from './open-files';
import type { Handlers } from './types';

export function checkReport(a: Assessment, asOf: string): CheckReport {
  const findings = runChecks(buildAssessmentModel(a, asOf)).map((f) => ({ ...f, title: checkRules[f.rule].title }));
  return { file: a.file, asOf, findings, counts: countBySeverity(findings) };
}

export const checkHandlers: Pick<Handlers, 'assessment.check'> = {
  'assessment.check': (input) => checkReport(useForReading(input.file), (input.asOf ?? new Date().toISOString()).slice(0, 10)),
};
