import type { ComponentData } from '../../../shared/domain/components/model';
import type { ImportRecord, ReadContext } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { FieldReader, type Json, componentRecord, isNoAssertion, isObject, spdxLicenseId, systemFor, unique } from './aibom-fields';

/**
 * SPDX 2.3 JSON, what most SBOM tools write today: it has no AI profile, so its packages are read
 * as libraries (with a warning saying so); the package the document describes names the system.
 */

/** "Organization: SPDX (spdx-tech@lists.spdx.org)" → "SPDX": the e-mail address is not kept. */
function agentName(value: string | null): string | null {
  if (!value || isNoAssertion(value)) return null;
  return value.replace(/^(Organization|Person|Tool):\s*/i, '').replace(/\s*\([^)]*@[^)]*\)\s*$/, '').trim() || null;
}

export function readSpdx2(doc: Json, source: ImportSource, ctx: ReadContext): ImportRecord[] {
  const f = new FieldReader(ctx);
  f.warn('$', 'spdxVersion', `is ${String(doc.spdxVersion)}, which has no AI or Dataset profile: its packages are read as libraries (SPDX 3.0 describes models and datasets)`);
  const relationships = f.list(doc.relationships, '$', 'relationships').filter(isObject);
  const described = new Set([
    ...f.texts(doc.documentDescribes, 200, '$', 'documentDescribes'),
    ...relationships.filter((r) => r.relationshipType === 'DESCRIBES' && r.spdxElementId === doc.SPDXID).map((r) => String(r.relatedSpdxElement)),
  ]);
  const packages = f.list(doc.packages, '$', 'packages');
  const root = packages.find((p): p is Json => isObject(p) && described.has(String(p.SPDXID)));
  const system = systemFor(ctx, root ? f.text(root.name, 200, '$.packages', 'name') : null, f, '$', 'documentDescribes');
  const records: ImportRecord[] = [];
  packages.forEach((p, i) => {
    const at = jsonPath('packages', i);
    if (!isObject(p)) return f.warn(at, null, 'should be an object describing a package; left out');
    if (p === root) return;
    const name = f.text(p.name, 300, at, 'name');
    if (!name) return f.warn(at, 'name', 'a package without a name cannot be listed; left out');
    const refs = f.list(p.externalRefs, at, 'externalRefs').filter(isObject);
    const licences = [f.text(p.licenseDeclared, 500, at, 'licenseDeclared'), f.text(p.licenseConcluded, 500, at, 'licenseConcluded')];
    const component: ComponentData = {
      kind: 'library',
      name,
      version: f.text(p.versionInfo, 200, at, 'versionInfo'),
      supplier: agentName(f.text(p.supplier, 300, at, 'supplier')) ?? agentName(f.text(p.originator, 300, at, 'originator')),
      licenses: unique(licences.filter((l): l is string => l !== null && !isNoAssertion(l)).map((l) => spdxLicenseId(l, f, at, 'licenseDeclared'))),
      purl: refs.map((r) => (r.referenceType === 'purl' ? f.text(r.referenceLocator, 1000, at, 'externalRefs.referenceLocator') : null)).find(Boolean) ?? null,
      sourceRef: f.text(p.SPDXID, 1000, at, 'SPDXID'),
      hashes: f.list(p.checksums, at, 'checksums').flatMap((c) => (isObject(c) && typeof c.algorithm === 'string' && typeof c.checksumValue === 'string' ? [{ alg: c.algorithm.slice(0, 40), value: c.checksumValue.slice(0, 200) }] : [])),
      description: f.text(p.description, 4000, at, 'description') ?? f.text(p.summary, 4000, at, 'summary') ?? f.text(p.comment, 4000, at, 'comment'),
      modelCard: null,
    };
    // SPDXIDs are only unique within a document: the name keeps two documents' "SPDXRef-Package" apart.
    const record = componentRecord(ctx, { externalId: `spdx2:${String(p.SPDXID ?? '')}:${name}`, location: at, system }, component, { name: source.name, format: 'spdx' });
    if (record) records.push(record);
  });
  return records;
}
