import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  Amendment,
  Catalog,
  CatalogControl,
  CatalogManifest,
  ControlId,
  type ControlRequirement,
  CoverageSet,
  Framework,
  Relationship,
  RetiredControl,
  Threat,
  ThreatControl,
  ThreatId,
} from '../../shared/catalog/schema';
import { AssayError, describeIssues, zodIssues } from '../../shared/errors';
import { frameworksDir } from '../paths';
import { readYaml, validateYaml } from './yaml';

/** mappings/threat-controls.yaml: per threat, the controls that mitigate it and why. */
const ThreatControlsFile = z.record(
  ThreatId,
  z.array(z.object({ control: ThreatControl.shape.control, why: ThreatControl.shape.rationale }).strict()).min(1),
);

/** mappings/controls-to-<framework>.yaml: per control, the requirements it satisfies. */
const ControlRequirementsFile = z.record(
  ControlId,
  z
    .array(
      z
        .object({
          req: z.string().min(1),
          rel: Relationship,
          why: z.string().min(15).max(300),
          actions: z.array(z.string()).optional(),
        })
        .strict(),
    )
    .min(1),
);

/** controls.yaml: the live controls, and the ids retired from use (never to be reused). */
const ControlsFile = z.object({ retired: z.array(RetiredControl).default([]), controls: z.array(CatalogControl) }).strict();

export function readManifest(dir: string = frameworksDir()): CatalogManifest {
  return validateYaml(readYaml(join(dir, 'catalog.yaml')), CatalogManifest);
}

export function readCatalogDir(dir: string): Catalog {
  const manifest = readManifest(dir);
  const frameworks = manifest.frameworks.map((id) => {
    const framework = validateYaml(readYaml(join(dir, `${id}.yaml`)), Framework);
    if (framework.id !== id) throw new AssayError('invalid_input', `${join(dir, `${id}.yaml`)}: declares id ${framework.id}, expected ${id}`);
    return framework;
  });
  const amendments = manifest.amendments.map((id) => validateYaml(readYaml(join(dir, 'amendments', `${id}.yaml`)), Amendment));
  const threats = validateYaml(readYaml(join(dir, 'threats.yaml')), z.array(Threat));
  const { controls, retired: retired_controls } = validateYaml(readYaml(join(dir, 'controls.yaml')), ControlsFile);
  const setsFile = join(dir, 'mappings', 'coverage-sets.yaml');
  const coverage_sets = existsSync(setsFile) ? validateYaml(readYaml(setsFile), z.array(CoverageSet)) : [];

  const threatFile = validateYaml(readYaml(join(dir, 'mappings', 'threat-controls.yaml')), ThreatControlsFile);
  const threat_controls = Object.entries(threatFile).flatMap(([threat, list]) =>
    list.map((m) => ({ threat, control: m.control, rationale: m.why })),
  );

  const mappingFiles = readdirSync(join(dir, 'mappings'))
    .filter((f) => /^controls-to-.+\.ya?ml$/.test(f))
    .sort();
  const control_requirements: ControlRequirement[] = mappingFiles.flatMap((name) => {
    const content = validateYaml(readYaml(join(dir, 'mappings', name)), ControlRequirementsFile);
    return Object.entries(content).flatMap(([control, list]) =>
      list.map((m) => ({
        control,
        requirement: m.req,
        relationship: m.rel,
        rationale: m.why,
        ...(m.actions ? { actions: m.actions } : {}),
      })),
    );
  });

  const parsed = Catalog.safeParse({
    manifest,
    frameworks,
    threats,
    controls,
    threat_controls,
    control_requirements,
    coverage_sets,
    retired_controls,
    amendments,
  });
  if (!parsed.success) throw new AssayError('invalid_input', describeIssues(`the catalog in ${dir}`, zodIssues(parsed.error)));
  return parsed.data;
}

let cached: { dir: string; catalog: Catalog } | undefined;

/** The bundled catalog, validated by the shared schema. Read once per process. */
export function loadBundledCatalog(dir: string = frameworksDir()): Catalog {
  if (cached?.dir === dir) return cached.catalog;
  const catalog = readCatalogDir(dir);
  cached = { dir, catalog };
  return catalog;
}
