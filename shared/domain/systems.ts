import { z } from 'zod';
import { OperatorRole } from '../catalog/schema';

/**
 * An AI system in the inventory. Stored as one validated record: the audit entry of every change
 * carries the whole record, so replay rebuilds it exactly. People (owners) are person ids; the
 * input names them, the store turns names into ids.
 */

const text = (max: number, what: string) => z.string().trim().max(max, `${what} has at most ${max} characters`);
const optionalText = (max: number, what: string) => text(max, what).optional();

export const lifecycleStages = ['idea', 'design', 'development', 'testing', 'production', 'retired'] as const;
export const deployments = ['internal', 'customer_facing', 'public'] as const;
export const modelTypes = [
  'llm',
  'classifier',
  'regression',
  'recommender',
  'generative_image',
  'generative_audio',
  'generative_video',
  'computer_vision',
  'speech',
  'forecasting',
  'agent',
  'other',
] as const;
export const groupRelations = ['owns', 'operates', 'uses'] as const;

export const modelTypeLabels: Record<(typeof modelTypes)[number], string> = {
  llm: 'Large language model',
  classifier: 'Classifier',
  regression: 'Regression / scoring',
  recommender: 'Recommender',
  generative_image: 'Generative image',
  generative_audio: 'Generative audio',
  generative_video: 'Generative video',
  computer_vision: 'Computer vision',
  speech: 'Speech',
  forecasting: 'Forecasting',
  agent: 'Agent',
  other: 'Other',
};

const ThirdParty = z.object({
  name: text(200, 'a third-party name').min(1, 'a third-party component needs a name'),
  kind: z.enum(['model', 'service', 'dataset', 'library']),
  supplier: optionalText(200, 'a supplier'),
});

const Group = z.object({ name: text(200, 'a group name').min(1, 'a group needs a name'), relation: z.enum(groupRelations) });

/** The Annex IV fields of the technical documentation a provider keeps; empty ones stay visibly empty. */
export const annexIvFields = [
  ['intendedPurpose', 'Intended purpose'],
  ['versions', 'Versions of the system and of relevant software or firmware'],
  ['hardwareSoftware', 'Hardware and software it runs on'],
  ['designChoicesAndData', 'Design choices, training methods and data'],
  ['humanOversight', 'Human-oversight measures'],
  ['accuracyRobustness', 'Accuracy, robustness and cybersecurity metrics'],
  ['lifecycleChanges', 'Changes over its lifecycle'],
  ['standardsApplied', 'Harmonised standards or other specifications applied'],
] as const;
export type AnnexIvField = (typeof annexIvFields)[number][0];
const AnnexIv = z.object(Object.fromEntries(annexIvFields.map(([key]) => [key, optionalText(10_000, key)])) as Record<AnnexIvField, ReturnType<typeof optionalText>>);

/** An agent as a non-human identity: what it can do, reach and use, who owns it, how it is stopped. */
const Agent = z.object({
  tools: z.array(z.object({ name: text(200, 'a tool name').min(1, 'a tool needs a name'), permissions: optionalText(500, 'permissions') })).max(200),
  dataReach: z.array(text(200, 'a data source')).max(200),
  credentials: z.array(text(200, 'a credential')).max(200),
  stopMechanism: optionalText(2000, 'how it is stopped'),
});

/** The fields a person gives (owners by name), without defaults, so a patch can leave any out. */
const fields = {
  name: text(200, 'the name').min(1, 'a name is required'),
  purpose: optionalText(2000, 'the purpose'),
  owner: optionalText(120, 'the owner'),
  businessUnit: optionalText(200, 'the business unit'),
  lifecycle: z.enum(lifecycleStages),
  deployment: z.enum(deployments),
  roles: z.array(OperatorRole).min(1, 'at least one EU AI Act role is required (e.g. provider or deployer)').max(7),
  modelTypes: z.array(z.enum(modelTypes)).max(12),
  thirdParty: z.array(ThirdParty).max(200),
  personalData: z.array(text(120, 'a personal-data category')).max(50),
  interactsWithPeople: z.boolean(),
  decidesAboutPeople: z.boolean(),
  generatesSyntheticContent: z.boolean(),
  /** The deployer is a body governed by public law or a private entity providing public services (Art. 27(1)). */
  publicBodyOrService: z.boolean().optional(),
  groups: z.array(Group).max(100),
  annexIv: AnnexIv,
  agent: Agent.optional(),
};

export const AiSystemInput = z
  .object({
    ...fields,
    lifecycle: fields.lifecycle.default('production'),
    deployment: fields.deployment.default('internal'),
    modelTypes: fields.modelTypes.default([]),
    thirdParty: fields.thirdParty.default([]),
    personalData: fields.personalData.default([]),
    interactsWithPeople: fields.interactsWithPeople.default(false),
    decidesAboutPeople: fields.decidesAboutPeople.default(false),
    generatesSyntheticContent: fields.generatesSyntheticContent.default(false),
    groups: fields.groups.default([]),
    annexIv: fields.annexIv.default({}),
  })
  .strict();
export type AiSystemInput = z.input<typeof AiSystemInput>;

/** A change to a system: only the fields given change. */
export const AiSystemChanges = z.object(fields).partial().strict();
export type AiSystemChanges = z.infer<typeof AiSystemChanges>;

/** As stored: the owner is a person id. */
export const AiSystemRecord = AiSystemInput.omit({ owner: true }).extend({ ownerId: z.string().nullable() });
export type AiSystemRecord = z.infer<typeof AiSystemRecord>;

/** As shown: the record with its id, the owner's name, and who changed it when. */
export const AiSystem = AiSystemRecord.extend({
  id: z.string(),
  owner: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** The EU AI Act result in short labels, once the questionnaire has been answered. */
  classification: z.object({ labels: z.array(z.string()), complete: z.boolean(), classifiedAt: z.string() }).nullable(),
});
export type AiSystem = z.infer<typeof AiSystem>;
