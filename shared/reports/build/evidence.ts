import { type Catalog, splitRef } from '../../catalog/schema';
import { isPast } from '../../domain/dates';
import { formatBytes } from '../../format-bytes';
import { countOf } from '../../plural';
import type { Cell } from '../model';
import type { ReportBuilder } from '../scope';
import { type EvidenceView, byEvidenceId, citedEvidence, frameworksInScope, joinOrNull, linkInScope, systemIdsInScope } from './compliance-parts';

/**
 * The evidence index: every evidence item in scope with its current file (name, size, SHA-256),
 * the three dates an auditor judges (received by Assay, the date or period it speaks for, valid
 * until), the controls it is linked to and the requirements it supports, directly or through those
 * controls' mappings. Every item listed is cited, so the manifest carries every hash.
 */

export interface EvidenceData {
  catalog: Catalog;
  evidence: EvidenceView[];
}

export const buildEvidence: ReportBuilder<EvidenceData> = (data, _meta, scope) => {
  const systems = systemIdsInScope(scope);
  const frameworks = frameworksInScope(data.catalog, scope);
  const order = new Map<string, number>();
  const shortNames = new Map(frameworks.map((f) => [f.id, f.short_name]));
  for (const f of frameworks) for (const i of f.items) order.set(`${f.id}:${i.id}`, order.size);
  const requirementsOf = new Map<string, string[]>();
  for (const m of data.catalog.control_requirements) {
    if (!order.has(m.requirement)) continue;
    requirementsOf.set(m.control, [...(requirementsOf.get(m.control) ?? []), m.requirement]);
  }

  // A scoped report lists the items with a link that concerns the systems in scope (organisation-wide links included).
  const items = data.evidence.filter((e) => systems === null || e.links.some((l) => linkInScope(l, systems))).sort((a, b) => byEvidenceId(a.id, b.id));
  const rows = items.map((e): Cell[] => {
    const links = e.links.filter((l) => linkInScope(l, systems));
    const controls = [...new Set(links.filter((l) => l.kind === 'control').map((l) => (l.system ? `${l.target} (${l.system})` : l.target)))];
    const refs = new Set<string>();
    for (const l of links) {
      if (l.kind === 'requirement' && order.has(l.target)) refs.add(l.target);
      if (l.kind === 'control') for (const r of requirementsOf.get(l.target) ?? []) refs.add(r);
    }
    // Grouped by framework, so a long list stays readable: "EU AI Act: Art. 9(1), Art. 9(2); NIST AI RMF 1.0: GOVERN 1.2".
    const byFramework = new Map<string, string[]>();
    for (const ref of [...refs].sort((a, b) => order.get(a)! - order.get(b)!)) {
      const { framework, item } = splitRef(ref);
      byFramework.set(framework, [...(byFramework.get(framework) ?? []), item]);
    }
    const requirements = [...byFramework].map(([framework, items]) => `${shortNames.get(framework) ?? framework}: ${items.join(', ')}`);
    const period = e.effectiveFrom ? (e.effectiveTo ? `${e.effectiveFrom} – ${e.effectiveTo}` : e.effectiveFrom) : null;
    return [e.id, e.title, e.fileName, e.size, e.sha256, e.receivedAt, period, e.validUntil, joinOrNull(controls), joinOrNull(requirements, '; ')];
  });
  const expired = items.filter((e) => e.validUntil !== null && isPast(e.validUntil, scope.today)).length;
  const total = items.reduce((n, e) => n + e.size, 0);

  return {
    subtitle: scope.allSystems ? null : scope.systems.map((s) => s.name).join(', ') || null,
    sections: [
      {
        title: 'Summary',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Evidence items', String(items.length)],
              ['Stored size', formatBytes(total)],
              [`Expired as of ${scope.today}`, String(expired)],
              ['Requirements shown for', frameworks.map((f) => f.short_name).join(', ') || 'None'],
            ],
          },
          {
            kind: 'paragraph',
            tone: 'muted',
            text: 'Received: when Assay stored the current file. Effective: the date or period the evidence speaks for. Valid until: the last day it may be relied on. An auditor checks a file by its SHA-256; requirements are those linked directly or through the linked controls’ mappings.',
          },
          ...(items.length === 0 ? [{ kind: 'paragraph' as const, text: `No evidence is linked to the scope (${countOf(data.evidence.length, 'item')} in the vault).`, tone: 'muted' as const }] : []),
        ],
      },
      {
        title: 'Evidence items',
        blocks: [
          {
            kind: 'table',
            sheet: 'Evidence',
            caption: 'Every evidence item with its file, hash, dates and links',
            columns: [
              { key: 'id', label: 'ID', width: 0.6 },
              { key: 'title', label: 'Title', width: 1.5 },
              { key: 'file', label: 'File', width: 1.1 },
              { key: 'size', label: 'Size (bytes)', width: 0.7, align: 'right' },
              { key: 'sha256', label: 'SHA-256', width: 1.9 },
              { key: 'received', label: 'Received', width: 1 },
              { key: 'effective', label: 'Effective', width: 0.9 },
              { key: 'validUntil', label: 'Valid until', width: 0.8 },
              { key: 'controls', label: 'Controls', width: 0.9 },
              { key: 'requirements', label: 'Requirements', width: 1.8 },
            ],
            rows,
            main: true,
          },
        ],
      },
    ],
    evidence: citedEvidence(data.evidence, items.map((e) => e.id)),
  };
};
