import { z } from 'zod';

/**
 * The components an AI system is built from (its AI-BOM): models, datasets, services and
 * libraries, as CycloneDX and SPDX readers hand them to the components sink, as the store keeps
 * them and as the AI-BOM report reads them. One validated record per component; the audit entry
 * of every change carries it whole, so replay rebuilds it exactly.
 */

export const componentKinds = ['model', 'dataset', 'service', 'library', 'other'] as const;
export const ComponentKind = z.enum(componentKinds);
export type ComponentKind = z.infer<typeof ComponentKind>;

export const componentKindLabels: Record<ComponentKind, string> = {
  model: 'Model',
  dataset: 'Dataset',
  service: 'Service',
  library: 'Library',
  other: 'Other',
};

const text = (max: number) => z.string().max(max);
const list = (max: number, items: number) => z.array(text(max)).max(items);

/** A model card's essentials: what an auditor asks about a model, briefly (no graphics, no full text). */
export const ModelCard = z.object({
  /** Model type or architecture: "transformer, LlamaForCausalLM", "classification, supervised". */
  architecture: text(500).nullable(),
  task: text(300).nullable(),
  /** Datasets it was trained on, by name (or reference when the source gives no name). */
  trainedOn: list(500, 100),
  testedOn: list(500, 100),
  metrics: z.array(z.object({ name: text(300), value: text(300), slice: text(300).nullable() })).max(100),
  /** Known limitations, trade-offs and ethical considerations with their mitigations, one line each. */
  limitations: list(2000, 50),
  ethics: list(2000, 50),
});
export type ModelCard = z.infer<typeof ModelCard>;

/** What a reader knows about a component. */
export const ComponentData = z.object({
  kind: ComponentKind,
  name: z.string().trim().min(1).max(300),
  version: text(200).nullable(),
  /** Supplier, else manufacturer, publisher or authors as the source names them. */
  supplier: text(300).nullable(),
  /** SPDX ids or expressions where the source gives them, else licence names. */
  licenses: list(500, 50),
  purl: text(1000).nullable(),
  /** The source's own reference: a CycloneDX bom-ref or an SPDX element id. */
  sourceRef: text(1000).nullable(),
  hashes: z.array(z.object({ alg: text(40), value: text(200) })).max(20),
  description: text(4000).nullable(),
  modelCard: ModelCard.nullable(),
});
export type ComponentData = z.infer<typeof ComponentData>;

/** Where a component came from: the BOM file, its format, and the import batch that wrote it. */
export const ComponentSource = z.object({ name: text(500), format: z.enum(['cyclonedx', 'spdx']), batchId: text(200).nullable() });
export type ComponentSource = z.infer<typeof ComponentSource>;

/** A component as stored and logged. */
export const Component = ComponentData.extend({
  id: z.string().regex(/^CMP-\d{3,}$/),
  systemId: z.string().min(1),
  /** The id the source gives it (namespaced by the reader): a re-import updates this component. */
  externalId: text(1200),
  source: ComponentSource,
});
export type Component = z.infer<typeof Component>;

/** A component as lists show it: with its system's name and when it was last written. */
export const ListedComponent = Component.extend({ systemName: z.string(), updatedAt: z.string() });
export type ListedComponent = z.infer<typeof ListedComponent>;

const FIELDS = ['kind', 'name', 'version', 'supplier', 'licenses', 'purl', 'sourceRef', 'hashes', 'description', 'modelCard'] as const;

/** The fields of a component that differ between two versions of it, in words for the preview. */
export function changedFields(before: ComponentData, after: ComponentData): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return FIELDS.filter((f) => !same(before[f], after[f])).map((f) =>
    (f === 'version' || f === 'supplier') && before[f] !== after[f] ? `${f} ${before[f] ?? 'none'} → ${after[f] ?? 'none'}` : f === 'modelCard' ? 'model card' : f,
  );
}
