import type { ComponentData, ComponentKind, ModelCard } from '../../../shared/domain/components/model';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord, ReadContext } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import type { ImportSource } from '../source';
import { FieldReader, type Json, cardOrNull, componentRecord, emptyModelCard, isObject, isNoAssertion, spdxLicenseId, systemFor, unique } from './aibom-fields';

/**
 * CycloneDX 1.5–1.7 JSON BOMs (ML-BOMs above all): every component, nested ones included, and
 * every service becomes a component of the AI system that metadata.component names (or the one
 * chosen). Model cards are kept in brief: parameters, datasets, metrics and considerations;
 * embedded graphics are left out. Output that is off the schema is read with warnings.
 */

const ML_VERSIONS = ['1.5', '1.6', '1.7'];
const KINDS: Record<string, ComponentKind> = { 'machine-learning-model': 'model', data: 'dataset', library: 'library', framework: 'library' };
const OTHER_TYPES = ['application', 'container', 'platform', 'operating-system', 'device', 'device-driver', 'firmware', 'file', 'cryptographic-asset'];

interface Found {
  value: Json;
  path: (string | number)[];
  service: boolean;
}

/** Components and services at any depth, in document order. */
function collect(doc: Json, fields: FieldReader): Found[] {
  const found: Found[] = [];
  const walk = (value: unknown, path: (string | number)[], service: boolean) => {
    fields.list(value, jsonPath(...path), String(path[path.length - 1])).forEach((item, i) => {
      const at = [...path, i];
      if (!isObject(item)) {
        fields.warn(jsonPath(...at), null, `should be an object describing a ${service ? 'service' : 'component'}; left out`);
        return;
      }
      found.push({ value: item, path: at, service });
      if (item.components !== undefined) walk(item.components, [...at, 'components'], false);
      if (item.services !== undefined) walk(item.services, [...at, 'services'], true);
    });
  };
  // The system's own parts may be listed under metadata.component (some tools put them there).
  const system = isObject(doc.metadata) && isObject(doc.metadata.component) ? doc.metadata.component : {};
  if (system.components !== undefined) walk(system.components, ['metadata', 'component', 'components'], false);
  if (doc.components !== undefined) walk(doc.components, ['components'], false);
  if (doc.services !== undefined) walk(doc.services, ['services'], true);
  return found;
}

function licenses(value: unknown, f: FieldReader, at: string): string[] {
  return unique(
    f.list(value, at, 'licenses').map((entry, i) => {
      const where = `${at}[${i}]`;
      if (!isObject(entry)) return null;
      const expression = f.text(entry.expression, 500, where, 'expression');
      if (expression) return isNoAssertion(expression) ? null : expression;
      const license = isObject(entry.license) ? entry.license : null;
      const id = license && f.text(license.id, 200, where, 'license.id');
      if (id) return isNoAssertion(id) ? null : spdxLicenseId(id, f, where, 'license.id');
      return license ? f.text(license.name, 500, where, 'license.name') : null;
    }),
  );
}

function supplierOf(c: Json, f: FieldReader, at: string): string | null {
  const named = (v: unknown, field: string) => (isObject(v) ? f.text(v.name, 300, at, `${field}.name`) : null);
  const authors = f.list(c.authors, at, 'authors').map((a) => named(a, 'authors'));
  // A service's provider is its supplier; 1.5 and earlier had a free-text author.
  return named(c.supplier, 'supplier') ?? named(c.provider, 'provider') ?? named(c.manufacturer, 'manufacturer') ?? f.text(c.publisher, 300, at, 'publisher') ?? (unique(authors).join(', ') || f.text(c.author, 300, at, 'author'));
}

function kindOf(c: Json, service: boolean, f: FieldReader, at: string): ComponentKind {
  if (service) return 'service';
  const type = typeof c.type === 'string' ? c.type : '';
  if (KINDS[type]) return KINDS[type]!;
  if (!OTHER_TYPES.includes(type)) f.warn(at, 'type', type ? `"${type}" is not a CycloneDX component type; read as other` : 'has no type; read as other');
  return 'other';
}

function lines(value: unknown, f: FieldReader, at: string, field: string, line: (item: Json) => string | null): string[] {
  return f
    .list(value, at, field)
    .map((v) => (isObject(v) ? line(v) : f.text(v, 2000, at, field)))
    .filter((s): s is string => Boolean(s))
    .map((s) => (s.length > 2000 ? `${s.slice(0, 1999)}…` : s));
}

function modelCard(card: unknown, datasetNames: Map<string, string>, f: FieldReader, at: string, ctx: ReadContext): ModelCard | null {
  if (!isObject(card)) return null;
  const out = emptyModelCard();
  const params = isObject(card.modelParameters) ? card.modelParameters : {};
  const p = `${at}.modelParameters`;
  const approach = isObject(params.approach) ? f.text(params.approach.type, 100, p, 'approach.type') : null;
  out.architecture = unique([f.text(params.architectureFamily, 200, p, 'architectureFamily'), f.text(params.modelArchitecture, 200, p, 'modelArchitecture'), approach]).join(', ') || null;
  out.task = f.text(params.task, 300, p, 'task');
  out.trainedOn = unique(
    f.list(params.datasets, p, 'datasets').map((d, i) => {
      if (!isObject(d)) return null;
      const ref = f.text(d.ref, 500, `${p}.datasets[${i}]`, 'ref');
      if (ref && !datasetNames.has(ref)) f.warn(`${p}.datasets[${i}]`, 'ref', `refers to "${ref}", which no component of the BOM has as its bom-ref; kept the reference`);
      return ref ? (datasetNames.get(ref) ?? ref) : f.text(d.name, 500, `${p}.datasets[${i}]`, 'name');
    }),
  );
  const q = isObject(card.quantitativeAnalysis) ? card.quantitativeAnalysis : {};
  out.metrics = f.list(q.performanceMetrics, `${at}.quantitativeAnalysis`, 'performanceMetrics').flatMap((m, i) => {
    const where = `${at}.quantitativeAnalysis.performanceMetrics[${i}]`;
    if (!isObject(m)) return [];
    const name = f.text(m.type, 300, where, 'type');
    const value = f.text(m.value, 300, where, 'value');
    return name && value ? [{ name, value, slice: f.text(m.slice, 300, where, 'slice') }] : [];
  });
  if (q.graphics !== undefined) ctx.skip(`${at}.quantitativeAnalysis.graphics`, 'graphics (embedded images) are not kept with the component');
  const c = isObject(card.considerations) ? card.considerations : {};
  const k = `${at}.considerations`;
  out.limitations = [...lines(c.technicalLimitations, f, k, 'technicalLimitations', () => null), ...lines(c.performanceTradeoffs, f, k, 'performanceTradeoffs', () => null)];
  out.ethics = [
    ...lines(c.ethicalConsiderations, f, k, 'ethicalConsiderations', (e) => [e.name, e.mitigationStrategy && `mitigation: ${String(e.mitigationStrategy)}`].filter(Boolean).join('; ') || null),
    ...lines(c.fairnessAssessments, f, k, 'fairnessAssessments', (e) =>
      e.groupAtRisk ? `group at risk: ${String(e.groupAtRisk)}${e.harms ? `; harms: ${String(e.harms)}` : ''}${e.mitigationStrategy ? `; mitigation: ${String(e.mitigationStrategy)}` : ''}` : null,
    ),
  ];
  const env = isObject(c.environmentalConsiderations) ? c.environmentalConsiderations : {};
  for (const use of f.list(env.energyConsumptions, k, 'environmentalConsiderations.energyConsumptions').filter(isObject)) {
    const activity = typeof use.activity === 'string' ? use.activity : 'use';
    const amount = (v: unknown) => (isObject(v) && v.value !== undefined ? `${String(v.value)} ${String(v.unit ?? '')}`.trim() : null);
    const energy = amount(use.activityEnergyCost);
    const co2 = amount(use.co2CostEquivalent);
    if (energy) out.metrics.push({ name: `${activity} energy`, value: energy, slice: null });
    if (co2) out.metrics.push({ name: `${activity} CO2 equivalent`, value: co2, slice: null });
  }
  return cardOrNull(out);
}

function checkHeader(doc: Json, f: FieldReader): void {
  if (doc.bomFormat !== 'CycloneDX') f.warn('$', 'bomFormat', 'is not "CycloneDX"; read as a CycloneDX BOM because it has components');
  const version = typeof doc.specVersion === 'string' ? doc.specVersion : null;
  if (!version) f.warn('$', 'specVersion', 'is missing; read as CycloneDX 1.6');
  else if (!ML_VERSIONS.includes(version)) f.warn('$', 'specVersion', `is ${version}; Assay reads CycloneDX 1.5, 1.6 and 1.7 (ML-BOMs came with 1.5), and read this one as far as it could`);
  if (doc.serialNumber !== undefined && !(typeof doc.serialNumber === 'string' && /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(doc.serialNumber)))
    f.warn('$', 'serialNumber', `${JSON.stringify(doc.serialNumber)} is not a urn:uuid serial number as CycloneDX requires; the BOM is read anyway`);
}

export function readCycloneDx(source: ImportSource, ctx: ReadContext): { records: ImportRecord[] } {
  const doc = parseJson(source.text(), source.name);
  if (!isObject(doc) || (doc.bomFormat !== 'CycloneDX' && doc.components === undefined))
    throw new AssayError('invalid_input', `${source.name}: is not a CycloneDX BOM (no "bomFormat": "CycloneDX" and no components)`);
  const f = new FieldReader(ctx);
  checkHeader(doc, f);
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const named = isObject(meta.component) ? f.text(meta.component.name, 200, '$.metadata.component', 'name') : null;
  const system = systemFor(ctx, named, f, '$.metadata', 'component');
  const found = collect(doc, f);
  const datasetNames = new Map<string, string>();
  for (const { value } of found) if (typeof value['bom-ref'] === 'string' && typeof value.name === 'string' && !datasetNames.has(value['bom-ref'])) datasetNames.set(value['bom-ref'], value.name);
  const records: ImportRecord[] = [];
  const seen = new Set<string>();
  found.forEach(({ value: c, path, service }, i) => {
    if (i % 500 === 0) {
      if (ctx.isCancelled()) throw new AssayError('refused', `${source.name}: reading was cancelled`);
      ctx.progress(i, found.length, 'components');
    }
    const at = jsonPath(...path);
    const name = f.text(c.name, 250, at, 'name');
    if (!name) {
      f.warn(at, 'name', `a ${service ? 'service' : 'component'} without a name cannot be listed; left out`);
      return;
    }
    const group = f.text(c.group, 200, at, 'group');
    const version = f.text(c.version, 200, at, 'version');
    const bomRef = f.text(c['bom-ref'], 1000, at, 'bom-ref');
    const purl = f.text(c.purl, 1000, at, 'purl');
    let externalId = `cyclonedx:${bomRef ?? purl ?? `${group ? `${group}/` : ''}${name}${version ? `@${version}` : ''}`}`;
    if (seen.has(externalId)) {
      f.warn(at, 'bom-ref', `${bomRef ? `bom-ref "${bomRef}"` : 'this component'} appears twice in the BOM; read as a separate component`);
      externalId = `${externalId}#${at}`;
    }
    seen.add(externalId);
    const data = c.data !== undefined ? f.list(c.data, at, 'data').filter(isObject) : [];
    const component: ComponentData = {
      kind: kindOf(c, service, f, at),
      name: group ? `${group}/${name}` : name,
      version,
      supplier: supplierOf(c, f, at),
      licenses: licenses(c.licenses, f, `${at}.licenses`),
      purl,
      sourceRef: bomRef,
      hashes: f.list(c.hashes, at, 'hashes').flatMap((h, j) => {
        const alg = isObject(h) ? f.text(h.alg, 40, `${at}.hashes[${j}]`, 'alg') : null;
        const content = isObject(h) ? f.text(h.content, 200, `${at}.hashes[${j}]`, 'content') : null;
        return alg && content ? [{ alg, value: content }] : [];
      }),
      description: f.text(c.description, 4000, at, 'description') ?? (data[0] ? f.text(data[0].description, 4000, `${at}.data[0]`, 'description') : null),
      modelCard: modelCard(c.modelCard, datasetNames, f, `${at}.modelCard`, ctx),
    };
    const record = componentRecord(ctx, { externalId, location: at, system }, component, { name: source.name, format: 'cyclonedx' });
    if (record) records.push(record);
  });
  if (found.length === 0) f.warn('$', 'components', 'the BOM lists no components or services');
  return { records };
}

export const cyclonedxReader: FormatReader = {
  format: 'cyclonedx',
  label: 'CycloneDX BOM (JSON, 1.5–1.7, with ML-BOM model cards)',
  kinds: ['component'],
  detect(sniff) {
    if (/"bomFormat"\s*:\s*"CycloneDX"/.test(sniff.head)) return 95;
    if (/\.cdx\.json$/i.test(sniff.name)) return 40;
    return 0;
  },
  read: readCycloneDx,
};
