import { z } from 'zod';
import { checkCatalog } from './rules';
import type { Catalog } from './schema';

export const CatalogSummary = z.object({
  version: z.string(),
  title: z.string(),
  checkedOn: z.string(),
  frameworks: z.array(
    z.object({
      id: z.string(),
      shortName: z.string(),
      name: z.string(),
      version: z.string(),
      origin: z.enum(['bundled', 'user']),
      items: z.number().int(),
      assessable: z.number().int(),
      reached: z.number().int(),
      /** Reached through an equal or superset control, or a named coverage set. */
      full: z.number().int(),
      /** Reached only through subset or intersects controls. */
      partial: z.number().int(),
      governanceOnly: z.number().int(),
    }),
  ),
  threats: z.number().int(),
  controls: z.number().int(),
  threatControlMappings: z.number().int(),
  controlRequirementMappings: z.number().int(),
  coverageSets: z.number().int(),
  retiredControls: z.array(z.object({ id: z.string(), mergedInto: z.string().optional(), reason: z.string() })),
  amendments: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), checkedOn: z.string() })),
});
export type CatalogSummary = z.infer<typeof CatalogSummary>;

/** Version and counts per framework, threat, control and mapping: what `assay catalog` prints. */
export function summariseCatalog(catalog: Catalog): CatalogSummary {
  const { coverage } = checkCatalog(catalog);
  return {
    version: catalog.manifest.version,
    title: catalog.manifest.title,
    checkedOn: catalog.manifest.checked_on,
    frameworks: catalog.frameworks.map((f) => {
      const c = coverage.find((x) => x.framework === f.id)!;
      return {
        id: f.id,
        shortName: f.short_name,
        name: f.name,
        version: f.version,
        origin: f.origin,
        items: f.items.length,
        assessable: c.assessable,
        reached: c.reached,
        full: c.full,
        partial: c.partial,
        governanceOnly: c.governanceOnly,
      };
    }),
    threats: catalog.threats.length,
    controls: catalog.controls.length,
    threatControlMappings: catalog.threat_controls.length,
    controlRequirementMappings: catalog.control_requirements.length,
    coverageSets: catalog.coverage_sets.length,
    retiredControls: catalog.retired_controls.map((r) => ({ id: r.id, ...(r.merged_into ? { mergedInto: r.merged_into } : {}), reason: r.reason })),
    amendments: catalog.amendments.map((a) => ({ id: a.id, title: a.title, status: a.status, checkedOn: a.checked_on })),
  };
}
