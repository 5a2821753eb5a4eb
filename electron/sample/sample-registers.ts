import { people } from './sample-data';

/** The sample's risk register and incidents; dates are days from the day the sample is built. */

type SystemKey = 'support' | 'credit' | 'coding' | 'agent';

export interface SampleRisk {
  actor: string;
  system: SystemKey;
  risk: Record<string, unknown> & { title: string };
  review?: number;
  /** Accepted by this approver, expiring after this many days. */
  accept?: { approver: string; expires: number; rationale: string };
}

export const sampleRisks: SampleRisk[] = [
  {
    actor: people.security,
    system: 'support',
    risk: { threat: 'THR-08', title: 'Customers steer the assistant into disclosing other customers’ data', likelihood: 4, impact: 4, treatment: 'mitigate', controls: ['MOD-01', 'MOD-03', 'MOD-04'], residualLikelihood: 2, residualImpact: 4, owner: people.security, status: 'in_treatment' },
    review: 45,
  },
  {
    actor: people.ml,
    system: 'credit',
    risk: { threat: 'THR-24', title: 'Scores disadvantage applicants of protected groups', likelihood: 3, impact: 5, treatment: 'mitigate', controls: ['MOD-11', 'DAT-06', 'HUM-01'], residualLikelihood: 2, residualImpact: 4, owner: people.ml, status: 'in_treatment' },
    review: 30,
  },
  {
    actor: people.ml,
    system: 'credit',
    risk: { threat: 'THR-26', title: 'Accuracy degrades as the economy shifts', likelihood: 3, impact: 3, treatment: 'accept', controls: ['MON-04'], residualLikelihood: 2, residualImpact: 3, owner: people.ml, status: 'accepted' },
    review: 90,
    accept: { approver: people.lead, expires: 180, rationale: 'Quarterly revalidation and drift alerts keep it within appetite.' },
  },
  {
    actor: people.security,
    system: 'coding',
    risk: { threat: 'THR-13', title: 'Suggested code introduces vulnerabilities', likelihood: 4, impact: 3, treatment: 'mitigate', controls: ['MOD-15', 'DEV-01'], residualLikelihood: 2, residualImpact: 3, owner: people.security, status: 'in_treatment' },
    review: -10,
  },
  {
    actor: people.ops,
    system: 'agent',
    risk: { threat: 'THR-18', title: 'The agent books orders nobody asked for', likelihood: 3, impact: 4, treatment: 'mitigate', controls: ['ACC-03', 'ACC-06', 'MON-02', 'HUM-01'], owner: people.ops, status: 'open' },
    review: 20,
  },
];

export interface SampleIncident {
  actor: string;
  system: SystemKey;
  /** Days from today the organisation became aware. */
  aware: number;
  incident: Record<string, unknown> & { title: string };
}

export const sampleIncidents: SampleIncident[] = [
  {
    actor: people.ops,
    system: 'support',
    aware: -20,
    incident: { title: 'Assistant quoted a wrong early-repayment fee', description: 'A dozen customers were told a fee of 0% instead of 1%; corrected by staff the same day.', severity: 'low' },
  },
  {
    actor: people.ml,
    system: 'credit',
    aware: -6,
    incident: {
      title: 'Scoring refused applicants from one region after a feature pipeline error',
      description: 'A postcode mapping error lowered scores for one region for three days; decisions are under review.',
      severity: 'high',
      cases: ['fundamental_rights_infringement'],
    },
  },
];

export const samplePlan = { system: 'credit' as const, title: 'Post-market monitoring plan, credit scoring model', reference: 'DOC-PMM-007 v1.2', review: 120 };
