import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { Framework, FrameworkId, type FrameworkItem } from '../../shared/catalog/schema';
import { AssayError, describeIssues } from '../../shared/errors';
import { type YamlSource, locatedIssue, parseYaml, validateYaml } from './yaml';

const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** The simple format documented in the README (YAML or JSON). */
const SimpleFormat = z
  .object({
    framework: z
      .object({
        id: FrameworkId,
        name: z.string().trim().min(3).max(300),
        short_name: z.string().trim().min(2).max(60).optional(),
        publisher: z.string().trim().min(2),
        version: z.union([z.string(), z.number()]).transform(String),
        published: z.iso.date().optional(),
        licence: z.string().trim().min(2).optional(),
        url: z.url().optional(),
      })
      .strict(),
    requirements: z
      .array(
        z
          .object({
            id: z.union([z.string().trim().min(1).max(80), z.number()]).transform(String),
            title: z.string().trim().min(1).max(400),
            description: z.string().trim().min(1).max(2000).optional(),
            parent: z.union([z.string(), z.number()]).transform(String).optional(),
            assessable: z.boolean().default(true),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** The framework library format of CISO Assistant (objects.framework.requirement_nodes). */
const CisoAssistantFormat = z.looseObject({
  urn: z.string().min(1),
  ref_id: z.string().min(1),
  name: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  publication_date: z.union([z.string(), z.number()]).transform(String).optional(),
  provider: z.string().optional(),
  packager: z.string().optional(),
  copyright: z.string().optional(),
  objects: z.looseObject({
    framework: z.looseObject({
      urn: z.string().min(1),
      ref_id: z.string().min(1),
      name: z.string().min(1),
      requirement_nodes: z
        .array(
          z.looseObject({
            urn: z.string().min(1),
            assessable: z.boolean().optional(),
            depth: z.number().int().optional(),
            parent_urn: z.string().optional(),
            ref_id: z.union([z.string(), z.number()]).transform(String).optional(),
            name: z.string().optional(),
            description: z.string().optional(),
          }),
        )
        .min(1),
    }),
  }),
});

export type ImportFormat = 'assay' | 'ciso-assistant';

export interface ImportedFramework {
  framework: Framework;
  format: ImportFormat;
  sourceName: string;
  sha256: string;
}

function fail(source: YamlSource, path: PropertyKey[], message: string): never {
  const issue = locatedIssue(source, path, message);
  throw new AssayError('invalid_input', describeIssues(source.file, [issue]), [issue]);
}

function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function fromSimple(source: YamlSource): Framework {
  const data = validateYaml(source, SimpleFormat);
  const f = data.framework;
  const ids = new Map<string, number>();
  data.requirements.forEach((r, i) => {
    if (ids.has(r.id)) fail(source, ['requirements', i, 'id'], `duplicate requirement id ${r.id} (first at requirements.${ids.get(r.id)})`);
    ids.set(r.id, i);
  });
  data.requirements.forEach((r, i) => {
    if (r.parent !== undefined && !ids.has(r.parent)) fail(source, ['requirements', i, 'parent'], `parent ${r.parent} is not a requirement id in this file`);
  });
  return {
    id: f.id,
    name: f.name,
    short_name: f.short_name ?? clip(f.name, 60),
    publisher: f.publisher,
    version: f.version,
    ...(f.published ? { published: f.published } : {}),
    citation: f.short_name ?? f.name,
    source: `imported from ${basename(source.file)}`,
    licence: f.licence ?? 'not stated',
    ...(f.url ? { url: f.url } : {}),
    origin: 'user',
    items: data.requirements.map(
      (r): FrameworkItem => ({
        id: r.id,
        kind: 'requirement',
        title: r.title,
        ...(r.description ? { summary: r.description } : {}),
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        assessable: r.assessable,
      }),
    ),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function fromCisoAssistant(source: YamlSource): Framework {
  const data = validateYaml(source, CisoAssistantFormat);
  const fw = data.objects.framework;
  const nodes = fw.requirement_nodes;
  const urnTail = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1);
  const seen = new Set<string>();
  const idByUrn = new Map<string, string>();
  nodes.forEach((n) => {
    let id = n.ref_id?.trim() || urnTail(n.urn);
    if (seen.has(id)) id = `${id} (${urnTail(n.urn)})`;
    seen.add(id);
    idByUrn.set(n.urn, id);
  });
  const items = nodes.map((n, i): FrameworkItem => {
    if (n.parent_urn && !idByUrn.has(n.parent_urn))
      fail(source, ['objects', 'framework', 'requirement_nodes', i, 'parent_urn'], `parent ${n.parent_urn} is not a node of this framework`);
    const id = idByUrn.get(n.urn)!;
    const title = n.name?.trim() || (n.ref_id ? undefined : n.description ? clip(n.description, 120) : undefined);
    return {
      id,
      kind: n.assessable ? 'requirement' : 'section',
      ...(title ? { title } : { label: id }),
      ...(n.description ? { summary: clip(n.description, 2000) } : {}),
      ...(n.parent_urn ? { parent: idByUrn.get(n.parent_urn)! } : {}),
      assessable: n.assessable ?? false,
    };
  });
  const published = data.publication_date;
  return {
    id: slug(fw.ref_id) || slug(fw.name),
    name: fw.name,
    short_name: clip(fw.name, 60),
    publisher: data.provider ?? data.packager ?? 'not stated',
    version: data.version ?? 'not stated',
    ...(published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? { published } : {}),
    citation: clip(fw.ref_id, 60),
    source: `imported from ${basename(source.file)} (CISO Assistant library ${data.urn})`,
    licence: data.copyright ? clip(data.copyright, 300) : 'not stated',
    origin: 'user',
    items,
  };
}

/** Reads a user framework file, detects its format and converts it; every error names file, line and field. */
export function readUserFramework(file: string): ImportedFramework {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AssayError('not_found', `${file}: no such file`);
  }
  if (size > MAX_SOURCE_BYTES) throw new AssayError('invalid_input', `${file}: is ${size} bytes; framework files are limited to ${MAX_SOURCE_BYTES}`);
  const bytes = readFileSync(file);
  const source = parseYaml(file, bytes.toString('utf8'));
  const value = source.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new AssayError('invalid_input', `${file}: expected a framework (a mapping with "framework" and "requirements", or a CISO Assistant library)`);
  const format: ImportFormat = 'objects' in value && 'urn' in value ? 'ciso-assistant' : 'assay';
  const converted = format === 'ciso-assistant' ? fromCisoAssistant(source) : fromSimple(source);
  const parsed = Framework.safeParse(converted);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `${file} ${i.path.map(String).join('.')}`, message: i.message }));
    throw new AssayError('invalid_input', describeIssues(file, issues), issues);
  }
  return { framework: parsed.data, format, sourceName: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
}
