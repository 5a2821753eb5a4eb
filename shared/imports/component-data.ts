import { z } from 'zod';
import { ComponentData } from '../domain/components/model';

/**
 * A component as the CycloneDX and SPDX readers hand it to the components sink: what the BOM
 * says about it, and which BOM file said it (kept with the component as its source).
 */
export const ComponentRecordData = z.object({
  component: ComponentData,
  source: z.object({ name: z.string().max(500), format: z.enum(['cyclonedx', 'spdx']) }),
});
export type ComponentRecordData = z.infer<typeof ComponentRecordData>;
