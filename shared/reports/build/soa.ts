import { type Catalog, type Framework, splitRef } from '../../catalog/schema';
import { itemTitle } from '../../catalog/trace';
import { type CoverageEntry, type RequirementCoverage, assessCoverage, buildCoverageModel, coverageStatusLabels } from '../../domain/coverage';
import { countOf } from '../../plural';
import type { Block, Cell, ReportSection } from '../model';
import { type ReportBuilder, personName } from '../scope';
import { type ControlEntryView, type EvidenceView, citedEvidence, controlsWithStates, evidenceByTarget, frameworksInScope, joinOrNull, stateLabel, systemIdsInScope } from './compliance-parts';

/**
 * The Statement of Applicability: every ISO/IEC 42001 Annex A control included or excluded, with
 * the justification the assessment supports (the not-applicable justifications of the mapped
 * Assay controls, or the controls that implement it), then every Assay and own control with its
 * applicability, state, owner and evidence. The catalog holds Annex A identifiers and titles
 * only, so nothing of the standard's text appears here.
 */

export const ISO_42001_FRAMEWORK = 'iso-42001-annex-a';

export interface SoaData {
  catalog: Catalog;
  entries: CoverageEntry[];
  controls: ControlEntryView[];
  /** The organisation's own (active) controls, as opposed to the catalog's. */
  ownControlIds: string[];
  evidence: EvidenceView[];
}

function justification(r: RequirementCoverage | undefined, governanceOnly: string | undefined, controls: ReadonlyMap<string, ControlEntryView>): string {
  if (!r || r.links.length === 0)
    return governanceOnly ? `Answered by governance: ${governanceOnly}` : 'Applicable; no Assay control is mapped, so the organisation’s management system must show it';
  if (r.status === 'not_applicable') return r.links.map((l) => `${l.control}: ${controls.get(l.control)?.justification ?? 'not applicable'}`).join('; ');
  const named = (ids: string[]) => ids.map((id) => `${id} ${controls.get(id)?.name ?? ''}`.trim()).join(', ');
  const implemented = r.links.filter((l) => l.state === 'implemented').map((l) => l.control);
  const open = r.links.filter((l) => l.state === 'open').map((l) => l.control);
  if (r.status === 'satisfied') return `Implemented through ${named(implemented)}${r.satisfiedBy && 'set' in r.satisfiedBy ? ` (coverage set ${r.satisfiedBy.set})` : ''}`;
  if (r.status === 'partly')
    return `Partly implemented through ${named(implemented)}; ${open.length ? `still open: ${named(open)}` : 'these controls cover it only in part'}`;
  return `Applicable; to be implemented through ${named(open)}`;
}

function annexSection(iso: Framework, data: SoaData, controls: ReadonlyMap<string, ControlEntryView>): ReportSection {
  const model = buildCoverageModel(data.catalog);
  const results = new Map(assessCoverage(model, data.entries, null, { frameworks: [iso.id] }).map((r) => [r.item, r]));
  const items = iso.items.filter((i) => i.kind === 'control' || i.assessable);
  const rows = items.map((item): Cell[] => {
    const r = results.get(item.id);
    const excluded = r?.status === 'not_applicable';
    return [
      item.id,
      itemTitle(item),
      excluded ? 'Excluded' : 'Included',
      justification(r, item.governance_only, controls),
      controlsWithStates(r?.links.map((l) => l.control) ?? [], controls),
      r ? coverageStatusLabels[r.status] : null,
    ];
  });
  const excluded = rows.filter((r) => r[2] === 'Excluded').length;
  return {
    title: 'ISO/IEC 42001 Annex A controls',
    blocks: [
      {
        kind: 'paragraph',
        text: `${countOf(items.length, 'Annex A control')} of ${iso.citation}: ${rows.length - excluded} included, ${excluded} excluded. A control is excluded only when every Assay control mapped to it is marked not applicable with a justification; coverage follows the rule the app applies to every framework.`,
      },
      {
        kind: 'table',
        sheet: 'Annex A',
        caption: 'ISO/IEC 42001 Annex A: included or excluded, with justification and the Assay controls that implement it',
        columns: [
          { key: 'control', label: 'Annex A control', width: 0.8 },
          { key: 'title', label: 'Title', width: 1.8 },
          { key: 'included', label: 'Included', width: 0.8 },
          { key: 'justification', label: 'Justification', width: 3 },
          { key: 'controls', label: 'Assay controls (state)', width: 1.8 },
          { key: 'coverage', label: 'Coverage', width: 1 },
        ],
        rows,
        main: true,
      },
    ],
  };
}

export const buildSoa: ReportBuilder<SoaData> = (data, meta, scope) => {
  const controls = new Map(data.controls.map((c) => [c.id, c]));
  const own = new Set(data.ownControlIds);
  const iso = data.catalog.frameworks.find((f) => f.id === ISO_42001_FRAMEWORK);
  const annex: ReportSection = iso
    ? annexSection(iso, data, controls)
    : {
        title: 'ISO/IEC 42001 Annex A controls',
        blocks: [
          {
            kind: 'paragraph',
            tone: 'warning',
            text: `The catalog of this assessment (version ${meta.catalogVersion}) does not include ISO/IEC 42001 Annex A, so no statement about its controls can be made here. A newer catalog that includes it can be adopted in the app.`,
          },
        ],
      };

  // What each control is mapped to, in the frameworks in scope: the reason an applicable control is kept.
  const names = new Map(frameworksInScope(data.catalog, scope).map((f) => [f.id, f.short_name]));
  const supports = new Map<string, { count: number; frameworks: Set<string> }>();
  for (const m of data.catalog.control_requirements) {
    const fw = names.get(splitRef(m.requirement).framework);
    if (!fw) continue;
    const s = supports.get(m.control) ?? { count: 0, frameworks: new Set<string>() };
    s.count += 1;
    s.frameworks.add(fw);
    supports.set(m.control, s);
  }
  const evidenceFor = evidenceByTarget(data.evidence, systemIdsInScope(scope));
  const cited = new Set<string>();
  const rows = data.controls.map((c): Cell[] => {
    const ids = evidenceFor.get(c.id) ?? [];
    for (const id of ids) cited.add(id);
    const s = supports.get(c.id);
    const applicable = c.state !== 'not_applicable';
    return [
      c.id,
      c.name,
      own.has(c.id) ? 'Own control' : 'Assay catalog',
      applicable ? 'Yes' : 'No',
      applicable ? (s ? `Supports ${countOf(s.count, 'requirement')} (${[...s.frameworks].join(', ')})` : 'No requirement in scope is mapped to it') : c.justification,
      stateLabel(c.state),
      personName(c.owner, meta.audience, 'control owner'),
      joinOrNull(ids),
    ];
  });
  const notApplicable = data.controls.filter((c) => c.state === 'not_applicable').length;
  const controlBlocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${countOf(data.controls.length, 'control')} (${countOf(own.size, 'own control')}): ${data.controls.length - notApplicable} applicable, ${notApplicable} not applicable with a justification. States are the organisation’s entries.`,
    },
    {
      kind: 'table',
      sheet: 'Controls',
      caption: 'Assay catalog and own controls: applicability, justification, state, owner and evidence',
      columns: [
        { key: 'control', label: 'Control', width: 0.7 },
        { key: 'name', label: 'Name', width: 1.8 },
        { key: 'source', label: 'Source', width: 0.9 },
        { key: 'applicable', label: 'Applicable', width: 0.7 },
        { key: 'justification', label: 'Justification', width: 2.2 },
        { key: 'state', label: 'State', width: 0.9 },
        { key: 'owner', label: 'Owner', width: 1 },
        { key: 'evidence', label: 'Evidence', width: 1 },
      ],
      rows,
    },
  ];
  return {
    subtitle: iso ? `${iso.citation}, Annex A` : null,
    sections: [annex, { title: 'Assay and own controls', blocks: controlBlocks }],
    evidence: citedEvidence(data.evidence, cited),
  };
};
