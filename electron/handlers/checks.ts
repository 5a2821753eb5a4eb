import { checkRules, countBySeverity, runChecks } from '../../shared/domain/checks';
import { buildAssessmentModel } from '../store/assessment-model';
import { useForReading } from './open-files';
import type { Handlers } from './types';

export const checkHandlers: Pick<Handlers, 'assessment.check'> = {
  'assessment.check': (input) => {
    const a = useForReading(input.file);
    const asOf = (input.asOf ?? new Date().toISOString()).slice(0, 10);
    const findings = runChecks(buildAssessmentModel(a, asOf)).map((f) => ({ ...f, title: checkRules[f.rule].title }));
    return { file: a.file, asOf, findings, counts: countBySeverity(findings) };
  },
};
