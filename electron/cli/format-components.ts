import { type ListedComponent, componentKindLabels } from '../../shared/domain/components/model';

/** One line per component, grouped by system: kind, name and version, supplier, licences, source BOM. */
export function formatComponents(components: ListedComponent[], system?: string): string {
  if (components.length === 0)
    return `${system ? `${system}: no` : 'No'} AI-BOM components yet (import a CycloneDX or SPDX AI-BOM: assay import <file> <bom.json> --system <id>)`;
  const lines: string[] = [];
  let current = '';
  for (const c of components) {
    if (c.systemId !== current) {
      current = c.systemId;
      const n = components.filter((x) => x.systemId === current).length;
      lines.push(`${c.systemId} ${c.systemName}: ${n} component${n === 1 ? '' : 's'}`);
    }
    const facts = [c.supplier && `supplier ${c.supplier}`, c.licenses.length ? `licence ${c.licenses.join(', ')}` : 'licence unknown', `from ${c.source.name}`];
    lines.push(`  ${c.id} ${componentKindLabels[c.kind].toLowerCase().padEnd(7)} ${c.name}${c.version ? ` ${c.version}` : ''}  ${facts.filter(Boolean).join('; ')}`);
    if (c.modelCard?.trainedOn.length) lines.push(`      trained on ${c.modelCard.trainedOn.join(', ')}`);
  }
  return lines.join('\n');
}
