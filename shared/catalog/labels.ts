import type { Framework, FrameworkItem, OperatorRole, RiskClass } from './schema';
import { type CatalogIndex, itemTitle } from './trace';

/** The EU AI Act operator roles as people name them. */
export const operatorRoleLabels: Record<OperatorRole, string> = {
  provider: 'Provider',
  deployer: 'Deployer',
  importer: 'Importer',
  distributor: 'Distributor',
  authorised_representative: 'Authorised representative',
  product_manufacturer: 'Product manufacturer',
  gpai_provider: 'GPAI model provider',
};

/** Headings for groups of items by kind; English plurals are irregular (annexes, categories). */
const kindPlurals: Record<string, string> = {
  annex: 'Annexes',
  category: 'Categories',
  'sub-technique': 'Sub-techniques',
  'threat group': 'Threat groups',
  area: 'Areas',
};

export function kindHeading(kind: string): string {
  if (kindPlurals[kind]) return kindPlurals[kind];
  const word = kind.charAt(0).toUpperCase() + kind.slice(1);
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * The id to show beside an item's title. Some frameworks (the OWASP AI Exchange) name items by a
 * permalink slug such as "promptinjectioniohandling", which is not something a reader can use:
 * those show their title alone.
 */
export function displayId(framework: Pick<Framework, 'item_ids'>, item: Pick<FrameworkItem, 'id'>): string {
  return framework.item_ids === 'slugs' ? '' : item.id;
}

/** "OWASP LLM 2025 LLM01:2025 Prompt Injection" for "owasp-llm-2025:LLM01:2025": how a person names a reference. */
export function describeRef(index: CatalogIndex, ref: string): string {
  const entry = index.items.get(ref);
  if (!entry) return ref;
  const id = displayId(entry.framework, entry.item);
  return [entry.framework.short_name, id, itemTitle(entry.item)].filter(Boolean).join(' ');
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A description that only repeats the title adds nothing and is not shown. */
export function repeatsTitle(description: string | undefined, title: string): boolean {
  return description !== undefined && words(description) === words(title);
}

/** EU AI Act risk classes as people read them (reports, the catalog browser). */
export const riskClassLabels: Record<RiskClass, string> = {
  prohibited: 'Prohibited practice',
  high_risk: 'High-risk',
  limited_risk: 'Limited risk (transparency)',
  minimal_risk: 'Minimal risk',
  gpai: 'General-purpose AI model',
  gpai_systemic: 'GPAI model with systemic risk',
};
