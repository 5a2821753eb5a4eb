import type { AiSystemInput } from '../../shared/domain/systems';

/**
 * Northwind Financial: a fictional mid-sized lender that builds and buys AI. Everything here is
 * invented; it gives a new user, the tests, the screenshots and the benchmarks one realistic
 * assessment with every kind of entry.
 */

export const SAMPLE_NAME = 'Northwind Financial (sample)';

export const people = {
  lead: 'Maria Keller',
  ml: 'Tom Becker',
  dpo: 'Aisha Rahman',
  ops: 'Jonas Weber',
  security: 'Lena Fischer',
} as const;

const no = { art5_1_a: false, art5_1_b: false, art5_1_c: false, art5_1_d: false, art5_1_e: false, art5_1_f: false, art5_1_g: false, art5_1_h: false, art5_new_intimate_imagery: false, annex1_product: false };

export interface SampleSystem {
  key: 'support' | 'credit' | 'coding' | 'agent';
  actor: string;
  system: AiSystemInput;
  answers: Record<string, unknown>;
}

export const sampleSystems: SampleSystem[] = [
  {
    key: 'support',
    actor: people.lead,
    system: {
      name: 'Customer support assistant',
      purpose: 'Answers customer questions about accounts and loans in the web chat and hands over to staff.',
      owner: people.ops,
      businessUnit: 'Customer service',
      lifecycle: 'production',
      deployment: 'customer_facing',
      roles: ['deployer'],
      modelTypes: ['llm'],
      thirdParty: [{ name: 'Hosted LLM API', kind: 'model', supplier: 'Example Model Co.' }, { name: 'Vector database service', kind: 'service' }],
      personalData: ['contact details', 'account data'],
      interactsWithPeople: true,
      generatesSyntheticContent: true,
      groups: [
        { name: 'Customer service', relation: 'owns' },
        { name: 'IT operations', relation: 'operates' },
        { name: 'Retail customers', relation: 'uses' },
      ],
    },
    answers: { ...no, annex3_areas: [], art50_1_interaction: true, art50_2_synthetic: true, art50_2_assistive_only: false, art50_3_emotion_or_categorisation: false, art50_4_deep_fake: false, art50_4_public_interest_text: false, gpai_model: false },
  },
  {
    key: 'credit',
    actor: people.ml,
    system: {
      name: 'Credit scoring model',
      purpose: 'Scores consumer credit applications; an underwriter decides on every application.',
      owner: people.ml,
      businessUnit: 'Retail lending',
      lifecycle: 'production',
      deployment: 'internal',
      roles: ['provider', 'deployer'],
      modelTypes: ['classifier'],
      thirdParty: [{ name: 'Credit bureau data', kind: 'dataset', supplier: 'Example Bureau Ltd.' }],
      personalData: ['financial data', 'identity data'],
      decidesAboutPeople: true,
      groups: [
        { name: 'Retail lending', relation: 'owns' },
        { name: 'Data science', relation: 'operates' },
        { name: 'Underwriters', relation: 'uses' },
      ],
      annexIv: {
        intendedPurpose: 'Estimate the probability of default of consumer loan applicants to support underwriters.',
        versions: 'Model 3.2 (gradient-boosted trees), feature pipeline 1.8',
        humanOversight: 'Underwriters review every score with its main factors and may override it; overrides are logged.',
        accuracyRobustness: 'AUC 0.81 on the 2026 hold-out set; stability tested quarterly.',
      },
    },
    answers: { ...no, annex3_areas: ['5'], annex3_area_5: ['b'], art6_3_conditions: [], art50_1_interaction: false, art50_2_synthetic: false, art50_3_emotion_or_categorisation: false, gpai_model: false },
  },
  {
    key: 'coding',
    actor: people.security,
    system: {
      name: 'Internal coding assistant',
      purpose: 'Suggests code and tests to the software engineers in their editors.',
      owner: people.security,
      businessUnit: 'Engineering',
      lifecycle: 'production',
      deployment: 'internal',
      roles: ['deployer'],
      modelTypes: ['llm'],
      thirdParty: [{ name: 'Code assistant subscription', kind: 'service', supplier: 'Example Dev Tools Inc.' }],
      groups: [
        { name: 'Engineering', relation: 'uses' },
        { name: 'Security', relation: 'owns' },
      ],
    },
    answers: { ...no, annex3_areas: [], art50_1_interaction: false, art50_2_synthetic: false, art50_3_emotion_or_categorisation: false, gpai_model: false },
  },
  {
    key: 'agent',
    actor: people.ops,
    system: {
      name: 'Procurement agent',
      purpose: 'Drafts purchase orders from approved requests and books them in the ERP below a spending limit.',
      owner: people.ops,
      businessUnit: 'Finance operations',
      lifecycle: 'testing',
      deployment: 'internal',
      roles: ['deployer'],
      modelTypes: ['llm', 'agent'],
      thirdParty: [{ name: 'Hosted LLM API', kind: 'model', supplier: 'Example Model Co.' }],
      groups: [{ name: 'Finance operations', relation: 'owns' }],
      agent: {
        tools: [
          { name: 'ERP purchase orders', permissions: 'create and submit orders up to EUR 5,000' },
          { name: 'Supplier e-mail', permissions: 'send from procurement@ mailbox' },
        ],
        dataReach: ['supplier master data', 'purchase history'],
        credentials: ['ERP service account svc-proc-agent', 'mailbox OAuth token'],
        stopMechanism: 'Kill switch in the agent console; the service account can be disabled in the identity provider.',
      },
    },
    answers: { ...no, annex3_areas: [], art50_1_interaction: false, art50_2_synthetic: false, art50_3_emotion_or_categorisation: false, gpai_model: false },
  },
];

/** Control entries for the organisation: every state, with owners, due dates, maturity and reviews; dates relative to today. */
export interface SampleEntry {
  actor: string;
  control: string;
  state: 'not_started' | 'in_progress' | 'implemented' | 'not_applicable';
  justification?: string;
  owner?: string;
  /** Days from today (negative: in the past). */
  due?: number;
  maturity?: number;
  notes?: string;
  lastReview?: number;
  nextReview?: number;
}

export const sampleEntries: SampleEntry[] = [
  { actor: people.lead, control: 'GOV-01', state: 'implemented', owner: people.lead, maturity: 3, lastReview: -60, nextReview: 120, notes: 'Risk method approved by the board risk committee.' },
  { actor: people.lead, control: 'GOV-02', state: 'implemented', owner: people.lead, maturity: 3, lastReview: -30, nextReview: 60 },
  { actor: people.lead, control: 'GOV-03', state: 'implemented', owner: people.lead, maturity: 2, lastReview: -200, nextReview: -20 },
  { actor: people.lead, control: 'GOV-04', state: 'implemented', owner: people.security, maturity: 3, lastReview: -45, nextReview: 135 },
  { actor: people.lead, control: 'GOV-05', state: 'implemented', owner: people.lead, maturity: 2 },
  { actor: people.lead, control: 'GOV-07', state: 'in_progress', owner: people.dpo, due: 30, maturity: 1, notes: 'FRIA for credit scoring drafted; workshop with consumer advocates planned.' },
  { actor: people.ml, control: 'GOV-08', state: 'in_progress', owner: people.ml, due: -14, maturity: 1, notes: 'Conformity assessment for the credit model; internal control procedure (Annex VI).' },
  { actor: people.ml, control: 'OPS-04', state: 'in_progress', owner: people.ml, due: 45, maturity: 2 },
  { actor: people.ml, control: 'MOD-08', state: 'implemented', owner: people.ml, maturity: 3, lastReview: -20, nextReview: 70 },
  { actor: people.ml, control: 'MOD-11', state: 'implemented', owner: people.ml, maturity: 2, lastReview: -90, nextReview: 0 },
  { actor: people.ml, control: 'MOD-18', state: 'implemented', owner: people.ml, maturity: 3 },
  { actor: people.lead, control: 'HUM-01', state: 'implemented', owner: people.lead, maturity: 3 },
  { actor: people.lead, control: 'HUM-07', state: 'in_progress', owner: people.lead, due: 60, maturity: 1 },
  { actor: people.security, control: 'MOD-01', state: 'implemented', owner: people.security, maturity: 2 },
  { actor: people.security, control: 'MOD-02', state: 'in_progress', owner: people.security, due: -5, maturity: 1, notes: 'Red-team exercise of the support assistant booked with an external firm.' },
  { actor: people.security, control: 'MOD-15', state: 'implemented', owner: people.security, maturity: 3 },
  { actor: people.security, control: 'ACC-05', state: 'in_progress', owner: people.security, due: 20, maturity: 1 },
  { actor: people.security, control: 'DAT-02', state: 'implemented', owner: people.security, maturity: 2 },
  { actor: people.ops, control: 'MON-02', state: 'not_started', owner: people.ops, due: 40 },
  { actor: people.ops, control: 'OPS-01', state: 'implemented', owner: people.ops, maturity: 3 },
  { actor: people.ops, control: 'OPS-02', state: 'implemented', owner: people.ops, maturity: 4 },
  { actor: people.ops, control: 'OPS-03', state: 'in_progress', owner: people.lead, due: 15 },
  { actor: people.lead, control: 'OPS-08', state: 'not_applicable', justification: 'No AI system is tested in real-world conditions outside a sandbox (Art. 60 does not apply).' },
  { actor: people.lead, control: 'GOV-14', state: 'not_applicable', justification: 'Northwind trains no general-purpose models and publishes no generated content.' },
  { actor: people.dpo, control: 'DAT-04', state: 'implemented', owner: people.dpo, maturity: 3 },
  { actor: people.dpo, control: 'DAT-10', state: 'in_progress', owner: people.dpo, due: 25, maturity: 2 },
  { actor: people.dpo, control: 'TRN-01', state: 'implemented', owner: people.dpo, maturity: 2 },
  { actor: people.dpo, control: 'TRN-03', state: 'in_progress', owner: people.dpo, due: 35, maturity: 1 },
];
