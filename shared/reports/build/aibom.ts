import { type ComponentKind, type ListedComponent, componentKindLabels, componentKinds } from '../../domain/components/model';
import type { Block, Cell, ReportSection, TableBlock } from '../model';
import type { ReportBuilder } from '../scope';
import { countBy, scopeWords } from './in-scope';

/**
 * The AI bill of materials: per system, the models, datasets, services and libraries it is built
 * from, with supplier, version, licence and where each came from (the CycloneDX or SPDX file it
 * was imported from, and its package URL or the source's own reference), as `components.list`
 * gives them. Third parties the inventory declares but no BOM lists are shown beside them.
 */

export interface AibomData {
  systems: { id: string; name: string; declared: { name: string; kind: string; supplier: string | null }[] }[];
  components: ListedComponent[];
}

const columns: TableBlock['columns'] = [
  { key: 'id', label: 'ID', width: 0.9 },
  { key: 'system', label: 'System', width: 1.4 },
  { key: 'kind', label: 'Kind', width: 0.8 },
  { key: 'name', label: 'Name', width: 1.8 },
  { key: 'version', label: 'Version', width: 0.9 },
  { key: 'supplier', label: 'Supplier', width: 1.4 },
  { key: 'licences', label: 'Licence', width: 1.4 },
  { key: 'reference', label: 'Package URL or reference', width: 2 },
  { key: 'source', label: 'Imported from', width: 1.6 },
];

function row(c: ListedComponent): Cell[] {
  return [
    c.id,
    c.systemName,
    componentKindLabels[c.kind],
    c.name,
    c.version ?? '—',
    c.supplier ?? 'Unknown',
    c.licenses.join(', ') || 'Unknown',
    c.purl ?? c.sourceRef ?? '—',
    `${c.source.name} (${c.source.format === 'cyclonedx' ? 'CycloneDX' : 'SPDX'})`,
  ];
}

const kindsTable = (counts: Record<ComponentKind, number>): Cell[] => componentKinds.map((k) => counts[k]);

/** A model's card in a few lines: what an auditor asks about a model. */
function modelCardLines(c: ListedComponent): string[] {
  const card = c.modelCard;
  if (!card) return [];
  return [
    card.architecture ? `Architecture: ${card.architecture}` : null,
    card.task ? `Task: ${card.task}` : null,
    card.trainedOn.length ? `Trained on: ${card.trainedOn.join(', ')}` : null,
    card.testedOn.length ? `Tested on: ${card.testedOn.join(', ')}` : null,
    card.metrics.length ? `Metrics: ${card.metrics.map((m) => `${m.name} ${m.value}${m.slice ? ` (${m.slice})` : ''}`).join('; ')}` : null,
    ...card.limitations.map((l) => `Limitation: ${l}`),
    ...card.ethics.map((l) => `Ethical consideration: ${l}`),
  ].filter((l): l is string => l !== null);
}

export const buildAibom: ReportBuilder<AibomData> = (data, _meta, scope) => {
  const { components, systems } = data;
  const total = countBy(components, componentKinds, (c) => c.kind);
  const unknownLicence = components.filter((c) => c.licenses.length === 0).length;
  const unknownSupplier = components.filter((c) => !c.supplier).length;
  const summary: Block[] = [
    { kind: 'paragraph', text: `This bill of materials covers ${scopeWords(scope)}: ${components.length} components imported from CycloneDX or SPDX files.` },
    {
      kind: 'table',
      sheet: 'By kind',
      caption: 'Components per system and kind',
      columns: [{ key: 'system', label: 'System', width: 2 }, ...componentKinds.map((k) => ({ key: k, label: componentKindLabels[k], width: 0.8, align: 'right' as const })), { key: 'total', label: 'Total', width: 0.8, align: 'right' }],
      rows: [
        ...systems.map((s) => {
          const own = components.filter((c) => c.systemId === s.id);
          return [s.name, ...kindsTable(countBy(own, componentKinds, (c) => c.kind)), own.length];
        }),
        ['Total', ...kindsTable(total), components.length],
      ],
    },
  ];
  if (unknownLicence || unknownSupplier)
    summary.push({ kind: 'paragraph', tone: 'warning', text: `Licence unknown for ${unknownLicence} and supplier unknown for ${unknownSupplier} of ${components.length} components: the BOMs did not say.` });

  const perSystem: ReportSection[] = systems.map((s) => {
    const own = components.filter((c) => c.systemId === s.id);
    const blocks: Block[] = [];
    if (own.length) {
      const counts = countBy(own, componentKinds, (c) => c.kind);
      blocks.push({ kind: 'facts', rows: componentKinds.filter((k) => counts[k] > 0).map((k) => [componentKindLabels[k], String(counts[k])]) });
      blocks.push({ kind: 'table', sheet: s.id, caption: `Components of ${s.name}`, columns: columns.filter((c) => c.key !== 'system'), rows: own.map((c) => row(c).filter((_, i) => i !== 1)) });
      for (const m of own.filter((c) => c.modelCard)) blocks.push({ kind: 'paragraph', text: `Model card of ${m.name}${m.version ? ` ${m.version}` : ''} (${m.id}):` }, { kind: 'list', items: modelCardLines(m) });
    } else blocks.push({ kind: 'paragraph', tone: 'warning', text: 'No AI-BOM has been imported for this system.' });
    // What the inventory says the system uses but no imported BOM names (compared by name, case-insensitively).
    const listed = new Set(own.map((c) => c.name.toLowerCase()));
    const unlisted = s.declared.filter((d) => !listed.has(d.name.toLowerCase()));
    if (unlisted.length)
      blocks.push({ kind: 'paragraph', tone: 'muted', text: `Declared in the inventory but in no imported BOM: ${unlisted.map((d) => `${d.name} (${d.kind}${d.supplier ? `, ${d.supplier}` : ''})`).join('; ')}.` });
    return { title: `${s.name} (${s.id})`, blocks };
  });

  const all: ReportSection = {
    title: 'All components',
    blocks: [{ kind: 'table', sheet: 'Components', caption: 'Every component of the systems in scope', main: true, columns, rows: components.map(row) }],
  };
  return { subtitle: scope.allSystems ? 'All systems' : scope.systems.map((s) => s.name).join(', '), sections: [{ title: 'Summary', blocks: summary }, { title: 'Systems', blocks: [], sections: perSystem }, all], evidence: [] };
};
