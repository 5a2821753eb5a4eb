import { people } from './sample-data';

/** The sample's per-system entries, threat decisions, own control and evidence files. */

type SystemKey = 'support' | 'credit' | 'coding' | 'agent';

export const sampleSystemEntries: { actor: string; system: SystemKey; control: string; state: string; owner?: string; due?: number; justification?: string; maturity?: number }[] = [
  { actor: people.dpo, system: 'credit', control: 'GOV-07', state: 'in_progress', owner: people.dpo, due: 30, maturity: 1 },
  { actor: people.ml, system: 'credit', control: 'MOD-12', state: 'implemented', owner: people.ml, maturity: 3 },
  { actor: people.ops, system: 'agent', control: 'MON-02', state: 'in_progress', owner: people.ops, due: 21, maturity: 1 },
  { actor: people.ops, system: 'agent', control: 'ACC-06', state: 'implemented', owner: people.security, maturity: 2 },
  { actor: people.lead, system: 'coding', control: 'TRN-01', state: 'not_applicable', justification: 'Engineers use the assistant knowingly; no customer or affected person interacts with it.' },
];

export const sampleThreatDecisions: { actor: string; system: SystemKey; threat: string; decision: 'confirmed' | 'dismissed' | 'added'; reason?: string }[] = [
  { actor: people.security, system: 'support', threat: 'THR-08', decision: 'confirmed' },
  { actor: people.security, system: 'support', threat: 'THR-27', decision: 'confirmed' },
  { actor: people.security, system: 'support', threat: 'THR-36', decision: 'dismissed', reason: 'The assistant only answers from our own product documents and account data.' },
  { actor: people.ml, system: 'credit', threat: 'THR-24', decision: 'confirmed' },
  { actor: people.ml, system: 'credit', threat: 'THR-26', decision: 'confirmed' },
  { actor: people.ml, system: 'credit', threat: 'THR-34', decision: 'added', reason: 'Approved applicants feed next year’s training data, so refusals can reinforce themselves.' },
  { actor: people.security, system: 'coding', threat: 'THR-13', decision: 'confirmed' },
  { actor: people.security, system: 'coding', threat: 'THR-12', decision: 'added', reason: 'Engineers could paste customer data into prompts sent to the vendor.' },
  { actor: people.ops, system: 'agent', threat: 'THR-18', decision: 'confirmed' },
  { actor: people.ops, system: 'agent', threat: 'THR-19', decision: 'confirmed' },
];

export const sampleOwnControl = {
  actor: people.lead,
  control: {
    id: 'NW-01',
    name: 'Model release board',
    objective: 'Every new or retrained model is approved by the model release board before it goes live.',
    type: 'organisational',
    guidance: 'The board meets fortnightly; minutes record the validation results seen and the decision.',
    evidence: ['Board minutes with the decision per release'],
  },
  mappings: [
    { requirement: 'nist-ai-rmf:GOVERN 1.3', relationship: 'intersects', rationale: 'The board is where the level of risk management activity is decided for each release.' },
    { threat: 'THR-26', rationale: 'Retrained models are approved only after their drift and accuracy results are reviewed.' },
  ],
  state: { state: 'implemented', owner: people.ml, maturity: 3 },
};

/** Evidence files written for the sample (short, invented documents) and what each supports. */
export const sampleEvidence: { actor: string; name: string; title: string; text: string; controls: string[]; system?: SystemKey; validUntil?: number; effectiveFrom?: number }[] = [
  {
    actor: people.lead,
    name: 'ai-policy-v3.md',
    title: 'AI governance policy v3',
    text: '# Northwind Financial: AI governance policy (v3)\n\nApproved by the board risk committee. Defines roles, the AI inventory, classification and release approval.\n',
    controls: ['GOV-01', 'GOV-03', 'GOV-04'],
    validUntil: 300,
    effectiveFrom: -120,
  },
  {
    actor: people.lead,
    name: 'ai-inventory-export.csv',
    title: 'AI inventory export, Q4',
    text: 'id,name,owner\nSYS-001,Customer support assistant,Jonas Weber\nSYS-002,Credit scoring model,Tom Becker\n',
    controls: ['GOV-02'],
    validUntil: 20,
  },
  {
    actor: people.ml,
    name: 'credit-model-validation-2026.md',
    title: 'Credit model validation report 2026',
    text: '# Validation report, credit scoring model 3.2\n\nAUC 0.81 on the hold-out set; stability and fairness tests attached.\n',
    controls: ['MOD-08', 'MOD-11'],
    validUntil: 200,
  },
  {
    actor: people.ml,
    name: 'score-explanation-template.md',
    title: 'Score explanation shown to underwriters',
    text: 'Template: the score, its five main factors and what would change the outcome.\n',
    controls: ['MOD-12'],
    system: 'credit',
  },
  {
    actor: people.security,
    name: 'dlp-rule-review.md',
    title: 'DLP rules for AI prompts, review notes',
    text: 'Review of the prompt DLP rules; expired certificate of the previous review attached.\n',
    controls: ['DAT-02'],
    validUntil: -10,
  },
];
