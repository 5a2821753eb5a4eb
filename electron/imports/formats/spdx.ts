import type { ComponentData, ComponentKind } from '../../../shared/domain/components/model';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord, ReadContext } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import type { ImportSource } from '../source';
import { FieldReader, type Json, cardOrNull, clip, componentRecord, emptyModelCard, isNoAssertion, isObject, spdxLicenseId, systemFor, unique } from './aibom-fields';
import { readSpdx2 } from './spdx2';

/**
 * SPDX 3.0 JSON-LD with the AI and Dataset profiles: AI packages become models (with their
 * type, domain, metrics and the datasets they were trained and tested on), dataset packages
 * datasets, software packages libraries; licences and suppliers come through relationships and
 * agents. The root element names the AI system. SPDX 2.3 documents are read as plain SBOMs.
 */

/** "ai_AIPackage", "AIPackage", "ai:AIPackage" or a full IRI: the class name alone. */
const typeName = (e: Json) => String(e.type ?? e['@type'] ?? '').replace(/^.*[/#:]/, '').replace(/^(ai|dataset|software|simplelicensing|expandedlicensing|core)_/, '');
/** A property with its profile prefix (ai_metric) or, as some tools write it, without (metric). */
const prop = (e: Json, profile: string, name: string): unknown => e[`${profile}_${name}`] ?? e[name];
const PURPOSE_KINDS: Record<string, ComponentKind> = { model: 'model', data: 'dataset', library: 'library', framework: 'library', module: 'library', source: 'library', archive: 'library' };

class Graph {
  readonly byId = new Map<string, Json>();
  readonly at = new Map<string, string>();
  readonly relationships: { type: string; from: string; to: string[] }[] = [];

  constructor(
    items: unknown[],
    private readonly f: FieldReader,
    private readonly file: string,
  ) {
    items.forEach((e, i) => {
      if (!isObject(e)) return;
      const id = typeof e.spdxId === 'string' ? e.spdxId : typeof e['@id'] === 'string' ? e['@id'] : null;
      if (id) {
        this.byId.set(id, e);
        this.at.set(id, jsonPath('@graph', i));
      }
      if (/Relationship$/.test(typeName(e)) && typeof e.relationshipType === 'string' && typeof e.from === 'string')
        this.relationships.push({ type: e.relationshipType, from: e.from, to: this.ids(e.to, jsonPath('@graph', i), 'to') });
    });
  }

  /** A list of element ids; tools sometimes write the list as a JSON string, which is read with a warning. */
  ids(value: unknown, location: string, field: string): string[] {
    let v = value;
    if (typeof v === 'string' && v.trim().startsWith('[')) {
      this.f.warn(location, field, 'holds a list written as a JSON string; read as the list');
      v = parseJson(v, this.file, `${location}.${field}`);
    }
    return this.f.list(v, location, field).filter((x): x is string => typeof x === 'string');
  }

  /** A list of objects (metrics, hashes), with the same leniency. */
  objects(e: Json, key: string, location: string): Json[] {
    let v = e[key];
    if (typeof v === 'string' && v.trim().startsWith('[')) {
      this.f.warn(location, key, 'holds a list written as a JSON string; read as the list');
      v = parseJson(v, this.file, `${location}.${key}`);
    }
    return this.f.list(v, location, key).filter(isObject);
  }

  name(id: string): string | null {
    const e = this.byId.get(id);
    return e && typeof e.name === 'string' && e.name.trim() ? e.name.trim() : null;
  }

  targets(from: string, type: string): string[] {
    return this.relationships.filter((r) => r.from === from && r.type === type).flatMap((r) => r.to);
  }
}

function licenseText(g: Graph, id: string, f: FieldReader): string | null {
  const e = g.byId.get(id);
  const location = g.at.get(id) ?? '$';
  if (!e) return /^https?:\/\/spdx\.org\/licenses\/[^/]+$/.test(id) ? id.replace(/^.*\//, '') : null;
  const expression = typeof prop(e, 'simplelicensing', 'licenseExpression') === 'string' ? String(prop(e, 'simplelicensing', 'licenseExpression')) : null;
  if (expression) return isNoAssertion(expression) ? null : spdxLicenseId(expression.trim(), f, location, 'simplelicensing_licenseExpression');
  // A custom licence's whole text does not belong in a list: its opening words name it well enough.
  const raw = prop(e, 'simplelicensing', 'licenseText');
  const text = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  return f.text(e.name, 300, location, 'name') ?? (text ? `Custom licence: ${clip(text, 100)}` : 'Custom licence');
}

function supplierOf(g: Graph, e: Json, location: string): string | null {
  // suppliedBy names one agent; originatedBy a list.
  const suppliedBy = typeof e.suppliedBy === 'string' ? [e.suppliedBy] : g.ids(e.suppliedBy, location, 'suppliedBy');
  const originated = g.ids(e.originatedBy, location, 'originatedBy');
  return unique([...suppliedBy, ...originated].map((id) => g.name(id)).slice(0, 5)).join(', ') || null;
}

/** Relationships often start at a file the package contains (model.bin trainedOn train.txt): walk up to the component. */
function ownerOf(g: Graph, id: string, components: Set<string>): string | null {
  let current: string | undefined = id;
  for (let depth = 0; current && depth < 20; depth++) {
    if (components.has(current)) return current;
    const cur: string = current;
    current = g.relationships.find((r) => r.type === 'contains' && r.to.includes(cur))?.from;
  }
  return null;
}

function kindOf(e: Json): ComponentKind | null {
  const t = typeName(e);
  if (t === 'AIPackage') return 'model';
  if (t === 'DatasetPackage') return 'dataset';
  if (t !== 'Package') return null;
  const purpose = typeof prop(e, 'software', 'primaryPurpose') === 'string' ? String(prop(e, 'software', 'primaryPurpose')) : '';
  return purpose ? (PURPOSE_KINDS[purpose] ?? 'other') : 'library';
}

function rootsOf(g: Graph, doc: Json[]): string[] {
  const document = doc.find((e) => typeName(e) === 'SpdxDocument');
  if (!document) return [];
  const roots = g.ids(document.rootElement, g.at.get(String(document.spdxId)) ?? '$', 'rootElement');
  // A document's root is usually its SBOM, whose own root is the thing described.
  return roots.flatMap((id) => {
    const e = g.byId.get(id);
    return e && /^(Sbom|Bom|Bundle)$/.test(typeName(e)) ? g.ids(e.rootElement, g.at.get(id) ?? '$', 'rootElement') : [id];
  });
}

function readSpdx3(doc: Json, source: ImportSource, ctx: ReadContext): ImportRecord[] {
  const f = new FieldReader(ctx);
  if (!Array.isArray(doc['@graph'])) throw new AssayError('invalid_input', `${source.name}: $.@graph should be the list of SPDX elements`);
  const items = doc['@graph'].filter(isObject);
  const g = new Graph(doc['@graph'], f, source.name);
  const roots = rootsOf(g, items);
  const system = systemFor(ctx, roots.map((r) => g.name(r)).find(Boolean) ?? null, f, '$', 'rootElement');
  const candidates = [...g.byId.entries()].filter(([, e]) => kindOf(e) !== null);
  const aiNames = new Set(candidates.filter(([, e]) => /^(AIPackage|DatasetPackage)$/.test(typeName(e))).map(([, e]) => String(e.name)));
  if (aiNames.size === 0) f.warn('$', '@graph', 'has no AI or Dataset profile elements (ai_AIPackage, dataset_DatasetPackage); its packages are read as libraries');
  const chosen = candidates.filter(([id, e]) => {
    const kind = kindOf(e);
    // The root package is the system itself; an AI or dataset package at the root is also one of its parts.
    if (roots.includes(id) && kind !== 'model' && kind !== 'dataset') return false;
    if (typeName(e) === 'Package' && (kind === 'model' || kind === 'dataset') && aiNames.has(String(e.name))) {
      ctx.skip(g.at.get(id)!, `the package "${String(e.name)}" is described again by its AI or Dataset profile element, which is read instead`);
      return false;
    }
    return true;
  });
  const ids = new Set(chosen.map(([id]) => id));
  const datasets = (from: string, type: string) =>
    unique(
      g.relationships
        .filter((r) => r.type === type && ownerOf(g, r.from, ids) === from)
        .flatMap((r) => r.to)
        .map((to) => g.name(to) ?? to),
    );
  const records: ImportRecord[] = [];
  for (const [id, e] of chosen) {
    const at = g.at.get(id)!;
    const kind = kindOf(e)!;
    const name = f.text(e.name, 300, at, 'name');
    if (!name) {
      f.warn(at, 'name', 'a package without a name cannot be listed; left out');
      continue;
    }
    const card = emptyModelCard();
    if (kind === 'model') {
      card.architecture = f.texts(prop(e, 'ai', 'typeOfModel'), 200, at, 'ai_typeOfModel').join(', ') || null;
      card.task = f.texts(prop(e, 'ai', 'domain'), 100, at, 'ai_domain').join(', ') || null;
      card.trainedOn = datasets(id, 'trainedOn');
      card.testedOn = datasets(id, 'testedOn');
      card.metrics = g.objects(e, 'ai_metric', at).flatMap((m) => (typeof m.key === 'string' ? [{ name: clip(m.key, 300), value: clip(String(m.value ?? ''), 300), slice: null }] : []));
      card.limitations = f.texts(prop(e, 'ai', 'limitation'), 2000, at, 'ai_limitation');
      const risk = f.text(prop(e, 'ai', 'safetyRiskAssessment'), 50, at, 'ai_safetyRiskAssessment');
      const personal = f.text(prop(e, 'ai', 'useSensitivePersonalInformation'), 50, at, 'ai_useSensitivePersonalInformation');
      card.ethics = [risk && `safety risk assessment: ${risk}`, personal && `uses sensitive personal information: ${personal}`].filter((s): s is string => Boolean(s));
    }
    const bias = kind === 'dataset' ? f.texts(prop(e, 'dataset', 'knownBias'), 500, at, 'dataset_knownBias') : [];
    const about = f.text(e.description, 3000, at, 'description') ?? f.text(e.summary, 3000, at, 'summary') ?? f.text(e.comment, 3000, at, 'comment');
    const purl = f.text(prop(e, 'software', 'packageUrl'), 1000, at, 'software_packageUrl');
    const component: ComponentData = {
      kind,
      name,
      version: f.text(prop(e, 'software', 'packageVersion'), 200, at, 'software_packageVersion'),
      supplier: supplierOf(g, e, at),
      licenses: unique([...g.targets(id, 'hasDeclaredLicense'), ...g.targets(id, 'hasConcludedLicense')].map((l) => licenseText(g, l, f))),
      purl,
      sourceRef: id.slice(0, 1000),
      hashes: g.objects(e, 'verifiedUsing', at).flatMap((h) => (typeof h.algorithm === 'string' && typeof h.hashValue === 'string' ? [{ alg: h.algorithm.slice(0, 40), value: h.hashValue.slice(0, 200) }] : [])),
      description: [about, bias.length ? `Known bias: ${bias.join('; ')}` : null].filter(Boolean).join('\n').slice(0, 4000) || null,
      modelCard: kind === 'model' ? cardOrNull(card) : null,
    };
    const record = componentRecord(ctx, { externalId: `spdx:${id}`, location: at, system }, component, { name: source.name, format: 'spdx' });
    if (record) records.push(record);
  }
  return records;
}

export function readSpdx(source: ImportSource, ctx: ReadContext): { records: ImportRecord[] } {
  const doc = parseJson(source.text(), source.name);
  if (!isObject(doc)) throw new AssayError('invalid_input', `${source.name}: is not an SPDX document (not a JSON object)`);
  if (typeof doc.spdxVersion === 'string') return { records: readSpdx2(doc, source, ctx) };
  if (doc['@graph'] !== undefined) return { records: readSpdx3(doc, source, ctx) };
  throw new AssayError('invalid_input', `${source.name}: is not an SPDX document (neither SPDX 2 "spdxVersion" nor SPDX 3 JSON-LD "@graph")`);
}

export const spdxReader: FormatReader = {
  format: 'spdx',
  label: 'SPDX 3.0 JSON-LD (AI and Dataset profiles) or SPDX 2.3 JSON',
  kinds: ['component'],
  detect(sniff) {
    if (/"@context"\s*:\s*"https?:\/\/spdx\.org\/rdf\/3/.test(sniff.head)) return 95;
    if (/"spdxVersion"\s*:\s*"SPDX-2\./.test(sniff.head)) return 90;
    if (/"@graph"/.test(sniff.head) && /"spdxId"/.test(sniff.head)) return 70;
    if (/\.spdx(3)?\.json$/i.test(sniff.name)) return 40;
    return 0;
  },
  read: readSpdx,
};
