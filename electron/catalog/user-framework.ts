import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { describeCycle, parentCycles } from '../../shared/catalog/hierarchy';
import { ControlId, Framework, FrameworkId, type FrameworkItem, Relationship } from '../../shared/catalog/schema';
import { AssayError } from '../../shared/errors';
import { plainError } from '../../shared/plain-issues';
import { type ReadInputOptions, readInputFile } from '../files/read-input';
import { FileProblems, type YamlSource, parseYaml } from './yaml';

/** Far above any published framework (the EU AI Act with every paragraph is a few hundred items). */
export const MAX_FRAMEWORK_ITEMS = 20_000;

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
            parent: z.union([z.string().trim(), z.number()]).transform(String).optional(),
            assessable: z.boolean().default(true),
            /** The controls (bundled or the organisation's own) that answer it, as the catalog's mappings do. */
            controls: z
              .array(z.object({ control: ControlId, relationship: Relationship, rationale: z.string().trim().min(10, 'a rationale needs at least 10 characters').max(1000) }).strict())
              .max(100)
              .optional(),
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

/** A mapping the import file draws from a control to one of its requirements. */
export interface ImportedMapping {
  control: string;
  requirement: string;
  relationship: Relationship;
  rationale: string;
}

export interface ImportedFramework {
  framework: Framework;
  /** Controls mapped to its requirements in the file itself (simple format only). */
  mappings: ImportedMapping[];
  format: ImportFormat;
  sourceName: string;
  sha256: string;
}

interface Link {
  id?: string | undefined;
  parent?: string | undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function listAt(value: unknown, path: readonly string[]): unknown[] {
  let at: unknown = value;
  for (const key of path) at = at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
  return Array.isArray(at) ? at : [];
}

/** Refuses a file with more items than any real framework before validating each of them. */
function checkItemCount(source: YamlSource, listPath: readonly string[], noun: string): void {
  const count = listAt(source.value, listPath).length;
  if (count > MAX_FRAMEWORK_ITEMS)
    throw new AssayError(
      'invalid_input',
      `${source.file}: has ${count.toLocaleString('en')} ${noun}; a framework may have at most ${MAX_FRAMEWORK_ITEMS.toLocaleString('en')}`,
    );
}

/**
 * Duplicate ids, parents that do not exist and parent cycles, found on the raw entries so they
 * are reported together with the schema's problems. `label` names an entry for a reader.
 */
function checkHierarchy(
  problems: FileProblems,
  links: Link[],
  at: { list: readonly PropertyKey[]; id: string; parent: string },
  words: { missingParent: (parent: string) => string; label?: (id: string) => string },
): void {
  const first = new Map<string, number>();
  links.forEach((l, i) => {
    if (l.id === undefined) return;
    if (first.has(l.id)) problems.add([...at.list, i, at.id], `duplicate id ${l.id} (first used by #${first.get(l.id)! + 1})`);
    else first.set(l.id, i);
  });
  links.forEach((l, i) => {
    if (l.parent !== undefined && !first.has(l.parent)) problems.add([...at.list, i, at.parent], words.missingParent(l.parent));
  });
  const known = links.flatMap((l) => (l.id !== undefined ? [{ id: l.id, parent: l.parent !== undefined && first.has(l.parent) ? l.parent : undefined }] : []));
  const label = words.label ?? ((id: string) => id);
  for (const cycle of parentCycles(known)) problems.add([...at.list, first.get(cycle[0]!)!, at.parent], describeCycle(cycle.map(label)));
}

/** Schema problems of the converted framework, located at the entry of the source file they came from. */
function checkConverted(problems: FileProblems, framework: Framework, itemsAt: readonly PropertyKey[]): Framework | undefined {
  const parsed = Framework.safeParse(framework, { error: plainError });
  if (parsed.success) return parsed.data;
  problems.addZod(parsed.error, (path) => (path[0] === 'items' ? [...itemsAt, ...path.slice(1)] : path));
  return undefined;
}

export function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function fromSimple(source: YamlSource): Framework | FileProblems {
  checkItemCount(source, ['requirements'], 'requirements');
  const problems = new FileProblems(source);
  const parsed = SimpleFormat.safeParse(source.value, { error: plainError });
  if (!parsed.success) problems.addZod(parsed.error);
  const links = listAt(source.value, ['requirements']).map((r): Link => {
    const entry = (r && typeof r === 'object' ? r : {}) as Record<string, unknown>;
    return { id: textOf(entry.id), parent: textOf(entry.parent) };
  });
  checkHierarchy(problems, links, { list: ['requirements'], id: 'id', parent: 'parent' }, {
    missingParent: (parent) => `parent ${parent} is not a requirement id in this file`,
  });
  if (!parsed.success || problems.count > 0) return problems;
  const data = parsed.data;
  const f = data.framework;
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

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const nodesPath = ['objects', 'framework', 'requirement_nodes'] as const;

function fromCisoAssistant(source: YamlSource): Framework | FileProblems {
  checkItemCount(source, nodesPath, 'requirement nodes');
  const problems = new FileProblems(source);
  const parsed = CisoAssistantFormat.safeParse(source.value, { error: plainError });
  if (!parsed.success) problems.addZod(parsed.error);
  const urnTail = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1);
  const raw = listAt(source.value, nodesPath).map((n) => (n && typeof n === 'object' ? n : {}) as Record<string, unknown>);
  const shown = new Map(raw.flatMap((n) => (typeof n.urn === 'string' ? [[n.urn, textOf(n.ref_id) ?? urnTail(n.urn)] as const] : [])));
  checkHierarchy(
    problems,
    raw.map((n) => ({ id: textOf(n.urn), parent: textOf(n.parent_urn) })),
    { list: nodesPath, id: 'urn', parent: 'parent_urn' },
    { missingParent: (parent) => `parent ${parent} is not a node of this framework`, label: (urn) => shown.get(urn) ?? urn },
  );
  if (!parsed.success || problems.count > 0) return problems;
  const data = parsed.data;
  const fw = data.objects.framework;
  const nodes = fw.requirement_nodes;
  const seen = new Set<string>();
  const idByUrn = new Map<string, string>();
  nodes.forEach((n) => {
    let id = n.ref_id?.trim() || urnTail(n.urn);
    if (seen.has(id)) id = `${id} (${urnTail(n.urn)})`;
    seen.add(id);
    idByUrn.set(n.urn, id);
  });
  const items = nodes.map((n): FrameworkItem => {
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

/**
 * Reads a user framework file, detects its format and converts it. The file is read through the
 * safe input reader (regular files only, size-limited); a refused file names every problem at once,
 * each with its line, field and a 1-based entry number.
 */
export function readUserFramework(file: string, options: ReadInputOptions = {}): ImportedFramework {
  const bytes = readInputFile(file, { what: 'framework files', ...options });
  const text = bytes.toString('utf8');
  const source = parseYaml(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const value = source.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new AssayError('invalid_input', `${file}: expected a framework (a mapping with "framework" and "requirements", or a CISO Assistant library)`);
  const format: ImportFormat = 'objects' in value && 'urn' in value ? 'ciso-assistant' : 'assay';
  const converted = format === 'ciso-assistant' ? fromCisoAssistant(source) : fromSimple(source);
  if (converted instanceof FileProblems) {
    converted.throwIfAny();
    throw new AssayError('internal', `${file}: refused without a stated reason`);
  }
  const problems = new FileProblems(source);
  const framework = checkConverted(problems, converted, format === 'ciso-assistant' ? nodesPath : ['requirements']);
  problems.throwIfAny();
  const mappings: ImportedMapping[] =
    format === 'assay'
      ? SimpleFormat.parse(source.value).requirements.flatMap((r) =>
          (r.controls ?? []).map((c) => ({ control: c.control, requirement: `${framework!.id}:${r.id}`, relationship: c.relationship, rationale: c.rationale })),
        )
      : [];
  return { framework: framework!, mappings, format, sourceName: basename(file), sha256: createHash('sha256').update(bytes).digest('hex') };
}
