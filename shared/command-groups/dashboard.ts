import { z } from 'zod';
import type { AssessmentStatus } from '../commands';
import { FileOnly, command } from '../command-kit';
import type { RiskRegister } from '../domain/risk-register/register';
import { CheckFindingRow } from './checks';

const isObject = (v: unknown) => typeof v === 'object' && v !== null;

export const Dashboard = z.object({
  /** Coverage per framework and per system, controls by state, systems: as `assessment.status` reports them. */
  status: z.custom<AssessmentStatus>(isObject),
  checks: z.object({
    counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    /** The most severe findings first. */
    top: z.array(CheckFindingRow),
    /** Overdue due dates, reviews and incident reports. */
    overdue: z.array(CheckFindingRow),
  }),
  /** The open controls that would close the most organisation-wide gaps. */
  topGaps: z.array(
    z.object({ control: z.string(), name: z.string(), closesAlone: z.number().int(), inSets: z.number().int(), partly: z.number().int(), requirements: z.array(z.string()) }),
  ),
  /** The 5×5 heat maps of inherent and residual risk, and how many risks there are. */
  risks: z.object({
    total: z.number().int(),
    heatMap: z.custom<RiskRegister['heatMap']>(isObject),
  }),
  /** Evidence that expires within 60 days or has expired while still linked, soonest first. */
  evidenceExpiring: z.array(z.object({ id: z.string(), title: z.string(), validUntil: z.string(), daysLeft: z.number().int(), links: z.number().int() })),
  /** The latest audited changes. */
  recent: z.array(z.object({ seq: z.number().int(), at: z.string(), actorName: z.string(), label: z.string(), item: z.string(), change: z.string() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardCommands = {
  'assessment.dashboard': command(
    'Where do we stand: coverage per framework and system, controls by state, top gaps, check findings and overdue items, recent activity.',
    FileOnly,
    Dashboard,
  ),
} as const;
