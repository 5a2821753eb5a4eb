import { z } from 'zod';
import { FileOnly, command } from '../command-kit';
import { SystemCorrelation } from '../domain/human-risk/correlation';
import { HumanRiskSummary } from '../domain/human-risk/summary';

export const humanRiskCommands = {
  'humanRisk.summary': command(
    'Human-risk figures on the awareness-training, phishing-simulation and behaviour-change controls (HUM-02/04/05): latest values and their trend per month, and per group.',
    FileOnly,
    HumanRiskSummary,
  ),
  'humanRisk.correlation': command(
    'For each AI system, the human-risk figures of the groups that own, operate or use it, and the likelihood they suggest for the threats that depend on people.',
    FileOnly,
    z.object({ systems: z.array(SystemCorrelation), groups: z.number().int() }),
  ),
} as const;
