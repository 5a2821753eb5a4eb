import { Framework, type FrameworkItem } from '../../../shared/catalog/schema';
import { plainError } from '../../../shared/plain-issues';
import { type ImportedFramework, MAX_FRAMEWORK_ITEMS, slug } from '../../catalog/user-framework';
import type { ImportRecord, ReadContext } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { type Json, arr, clip, countingErrors, dateOnly, list, need, obj, str } from './json-shape';

/**
 * An OSCAL catalog as a custom framework, the same structure the framework import builds from
 * Assay's simple format and CISO Assistant libraries: groups become sections, controls (and their
 * enhancements) assessable requirements, with ids and titles exactly as the catalog has them and a
 * one-sentence summary from the statement, never the full prose.
 */

type Path = (string | number)[];

interface Walk {
  items: FrameworkItem[];
  /** Where each item came from, for problems the framework schema finds. */
  at: Path[];
  seen: Map<string, Path>;
  params: Map<string, string>;
  ctx: ReadContext;
}

function prop(node: Json, name: string): string | undefined {
  return str(
    arr(node.props)
      .map(obj)
      .find((p) => p?.name === name)?.value,
  );
}

/** Prose as a reader sees it: parameters as their labels, links as their text, no markdown emphasis. */
function plain(prose: string, params: Map<string, string>): string {
  return prose
    .replace(/\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g, (_, id: string) => `[${params.get(id) ?? id}]`)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]{1,2}([^*_`]+)[*_`]{1,2}/g, '$1');
}

function proseOf(part: Json | undefined): string | undefined {
  if (!part) return undefined;
  return str(part.prose) ?? arr(part.parts).map((p) => proseOf(obj(p))).find((p) => p !== undefined);
}

/** The first sentence or paragraph of the statement (or of the first part with prose), at most 300 characters. */
function summaryOf(node: Json, params: Map<string, string>): string | undefined {
  const parts = arr(node.parts).map(obj);
  const prose = proseOf(parts.find((p) => p?.name === 'statement')) ?? parts.map(proseOf).find((p) => p !== undefined);
  if (!prose) return undefined;
  const paragraph = plain(prose, params).split(/\n\s*\n/)[0]!;
  const sentence = /^(.{40,}?[.;:])(\s|$)/s.exec(paragraph)?.[1] ?? paragraph;
  return clip(sentence, 300) || undefined;
}

function addItem(walk: Walk, node: Json, path: Path, item: Omit<FrameworkItem, 'assessable'> & { assessable: boolean }): boolean {
  const earlier = walk.seen.get(item.id);
  if (earlier) {
    walk.ctx.problem({ severity: 'error', location: jsonPath(...path), field: 'id', message: `${item.id} is used twice (first at ${jsonPath(...earlier)})` });
    return false;
  }
  walk.seen.set(item.id, path);
  const label = prop(node, 'label');
  const summary = summaryOf(node, walk.params);
  walk.items.push({ ...item, ...(summary ? { summary } : {}), ...(label && label !== item.id ? { aliases: [label] } : {}) });
  walk.at.push(path);
  return true;
}

function rememberParams(node: Json, params: Map<string, string>): void {
  for (const p of arr(node.params).map(obj)) {
    const id = str(p?.id);
    if (id) params.set(id, str(p?.label) ?? id);
  }
}

function walkControls(controls: unknown[], path: Path, parent: string | undefined, walk: Walk): void {
  controls.forEach((value, i) => {
    const at = [...path, 'controls', i];
    const control = need(value, walk.ctx, jsonPath(...at), null, 'a control (an object)');
    if (!control) return;
    const id = str(control.id);
    const title = str(control.title);
    if (!id || !title) {
      walk.ctx.problem({ severity: 'error', location: jsonPath(...at), field: id ? 'title' : 'id', message: `an OSCAL control needs an id and a title` });
      return;
    }
    if (prop(control, 'status') === 'withdrawn') {
      walk.ctx.skip(jsonPath(...at), `control ${id} is withdrawn`);
      return;
    }
    rememberParams(control, walk.params);
    if (!addItem(walk, control, at, { id, kind: 'control', title, ...(parent ? { parent } : {}), assessable: true })) return;
    walkControls(list(control.controls, walk.ctx, jsonPath(...at), 'controls', 'controls'), at, id, walk);
  });
}

function walkGroups(groups: unknown[], path: Path, parent: string | undefined, walk: Walk): void {
  groups.forEach((value, i) => {
    const at = [...path, 'groups', i];
    const group = need(value, walk.ctx, jsonPath(...at), null, 'a group (an object)');
    if (!group) return;
    const title = str(group.title);
    if (!title) {
      walk.ctx.problem({ severity: 'error', location: jsonPath(...at), field: 'title', message: 'an OSCAL group needs a title' });
      return;
    }
    // OSCAL lets a group go without an id; its label, else its title, names it then.
    const id = str(group.id) ?? prop(group, 'label') ?? slug(title);
    rememberParams(group, walk.params);
    if (!addItem(walk, group, at, { id, kind: 'group', title, ...(parent ? { parent } : {}), assessable: false })) return;
    walkGroups(list(group.groups, walk.ctx, jsonPath(...at), 'groups', 'groups'), at, id, walk);
    walkControls(list(group.controls, walk.ctx, jsonPath(...at), 'controls', 'controls'), at, id, walk);
  });
}

/** Who published it: the party in the publisher (else creator) role, else the first organisation named. */
function publisherOf(metadata: Json): string {
  const parties = arr(metadata.parties).map(obj);
  for (const role of ['publisher', 'creator']) {
    const responsible = arr(metadata['responsible-parties'])
      .map(obj)
      .find((r) => r?.['role-id'] === role);
    const uuid = str(arr(responsible?.['party-uuids'])[0]);
    const name = str(parties.find((p) => uuid !== undefined && p?.uuid === uuid)?.name);
    if (name) return name;
  }
  return str(parties.find((p) => p?.type === 'organization')?.name) ?? 'not stated';
}

/** Counts the controls and groups before walking them, so a hostile file is refused before any work. */
function countNodes(node: Json | undefined, limit: number): number {
  let count = 0;
  const stack: unknown[] = [node];
  while (stack.length && count <= limit) {
    const n = obj(stack.pop());
    for (const child of [...arr(n?.groups), ...arr(n?.controls)]) {
      count++;
      stack.push(child);
    }
  }
  return count;
}

export function catalogRecord(catalog: Json, source: ImportSource, outer: ReadContext): ImportRecord<ImportedFramework> | undefined {
  const ctx = countingErrors(outer);
  const metadata = need(catalog.metadata, ctx, jsonPath('catalog'), 'metadata', 'the catalog metadata (an object with a title)');
  // Metadata titles are OSCAL markup-line: the framework's name is the words without the emphasis marks.
  const title = str(metadata?.title);
  const name = title ? plain(title, new Map()) : undefined;
  if (!metadata || !name) {
    if (metadata) ctx.problem({ severity: 'error', location: jsonPath('catalog', 'metadata'), field: 'title', message: 'an OSCAL catalog needs a title; it names the framework' });
    return undefined;
  }
  if (countNodes(catalog, MAX_FRAMEWORK_ITEMS) > MAX_FRAMEWORK_ITEMS) {
    ctx.problem({ severity: 'error', location: jsonPath('catalog'), field: 'groups', message: `has more than ${MAX_FRAMEWORK_ITEMS.toLocaleString('en')} groups and controls; a framework may have at most that many` });
    return undefined;
  }
  const walk: Walk = { items: [], at: [], seen: new Map(), params: new Map(), ctx };
  rememberParams(catalog, walk.params);
  walkGroups(list(catalog.groups, ctx, jsonPath('catalog'), 'groups', 'groups'), ['catalog'], undefined, walk);
  walkControls(list(catalog.controls, ctx, jsonPath('catalog'), 'controls', 'controls'), ['catalog'], undefined, walk);
  if (ctx.errors > 0) return undefined;
  if (walk.items.length === 0) {
    ctx.problem({ severity: 'error', location: jsonPath('catalog'), field: 'groups', message: 'the catalog has no groups or controls that can be imported' });
    return undefined;
  }
  const id = slug(name).length >= 2 ? slug(name) : 'oscal-catalog';
  const published = dateOnly(metadata.published);
  const oscalVersion = str(metadata['oscal-version']);
  const parsed = Framework.safeParse(
    {
      id,
      name,
      short_name: clip(name, 60),
      publisher: publisherOf(metadata),
      version: str(metadata.version) ?? 'not stated',
      ...(published ? { published } : {}),
      citation: clip(name, 60),
      source: `imported from ${source.name} (OSCAL catalog${oscalVersion ? `, OSCAL ${oscalVersion}` : ''})`,
      licence: 'not stated',
      origin: 'user',
      items: walk.items,
    },
    { error: plainError },
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path;
      const at = head === 'items' && typeof index === 'number' ? walk.at[index] : undefined;
      ctx.problem({ severity: 'error', location: jsonPath(...(at ?? ['catalog', 'metadata'])), field: at ? String(field ?? 'id') : String(head ?? 'title'), message: issue.message });
    }
    return undefined;
  }
  // The user_framework table records the file format as Assay's own: the OSCAL origin is in `source`.
  const data: ImportedFramework = { framework: parsed.data, mappings: [], format: 'assay', sourceName: source.name, sha256: source.sha256 };
  return { kind: 'framework', externalId: `oscal:catalog:${id}`, location: jsonPath('catalog'), title: name, system: null, threat: null, data };
}
