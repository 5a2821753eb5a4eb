import { z } from 'zod';

export const controlTypes = ['technical', 'organisational', 'human'] as const;
export const ControlType = z.enum(controlTypes);
export type ControlType = z.infer<typeof ControlType>;

export const ControlId = z.string().regex(/^[A-Z]{2,4}-\d{2}$/, 'control ids look like GOV-01');

export const CatalogControl = z
  .object({
    id: ControlId,
    name: z.string().min(3).max(120),
    objective: z.string().min(10).max(400),
    type: ControlType,
    guidance: z.string().min(20).max(1200),
    evidence: z.array(z.string().min(3)).min(1),
  })
  .strict();
export type CatalogControl = z.infer<typeof CatalogControl>;

export const CatalogManifest = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, 'catalog versions look like 2026.11.0'),
    title: z.string().min(3),
    checked_on: z.iso.date(),
  })
  .strict();
export type CatalogManifest = z.infer<typeof CatalogManifest>;

export const Catalog = z
  .object({
    manifest: CatalogManifest,
    controls: z.array(CatalogControl).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.controls.forEach((control, index) => {
      if (seen.has(control.id))
        ctx.addIssue({ code: 'custom', path: ['controls', index, 'id'], message: `duplicate control id ${control.id}` });
      seen.add(control.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;
