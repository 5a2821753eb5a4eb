import { humanRiskCorrelation, humanRiskSummary } from '../store/human-risk-views';
import { useForReading } from './open-files';
import type { Handlers } from './types';

export const humanRiskHandlers: Pick<Handlers, 'humanRisk.summary' | 'humanRisk.correlation'> = {
  'humanRisk.summary': (input) => humanRiskSummary(useForReading(input.file)),
  'humanRisk.correlation': (input) => humanRiskCorrelation(useForReading(input.file)),
};
