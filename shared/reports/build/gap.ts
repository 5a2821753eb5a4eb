import type { Catalog } from '../../catalog/schema';
import { itemTitle } from '../../catalog/trace';
import { coverageByFrameworkOption } from '../../charts/dashboard-charts';
import {
  COVERAGE_RULE,
  type CoverageEntry,
  type FrameworkCoverageSummary,
  assessCoverage,
  coverageStatuses,
  buildCoverageModel,
  coverageStatusLabels,
  summariseCoverage,
} from '../../domain/coverage';
import { type Closer, type CoverageGap, coverageGaps } from '../../domain/coverage-gaps';
import type { Block, Cell, ReportSection, TableColumn } from '../model';
import type { ReportBuilder } from '../scope';
import { type ControlEntryView, type EvidenceView, byEvidenceId, citedEvidence, controlsWithStates, countColumns, countRow, evidenceByTarget, frameworksInScope, joinOrNull, sheetName, systemIdsInScope } from './compliance-parts';

/**
 * The gap assessment: per framework, every assessable requirement with its coverage (the rule of
 * shared/domain/coverage.ts, organisation-wide), the controls mapped to it and their states, the
 * evidence behind it by evidence-index id, and for each gap the controls that would close it,
 * best first (shared/domain/coverage-gaps.ts).
 */

export interface GapData {
  /** The assessment's catalog: snapshot, imported frameworks, own controls and user mappings. */
  catalog: Catalog;
  entries: CoverageEntry[];
  controls: ControlEntryView[];
  evidence: EvidenceView[];
  /** Coverage per system, as `status` computes it (own entries and EU scope per system). */
  systemCoverage: { systemId: string; name: string; frameworks: FrameworkCoverageSummary[] }[];
}

export const gapColumns: TableColumn[] = [
  { key: 'framework', label: 'Framework', width: 1.1 },
  { key: 'requirement', label: 'Requirement', width: 1.1 },
  { key: 'title', label: 'Title', width: 2.2 },
  { key: 'coverage', label: 'Coverage', width: 1 },
  { key: 'controls', label: 'Controls (state)', width: 1.8 },
  { key: 'evidence', label: 'Evidence', width: 1 },
  { key: 'gap', label: 'Gap: controls that would close it', width: 2 },
];

function closerText(c: Closer): string {
  if (c.closes === 'alone') return `${c.control} (alone, ${c.relationship})`;
  if (c.closes === 'with_set') return `${c.control} (with set ${c.set!.id}, ${c.set!.missing} missing)`;
  return `${c.control} (partly, ${c.relationship})`;
}

function gapText(gap: CoverageGap | undefined): string | null {
  if (!gap) return null;
  if (gap.unmapped) return 'No control is mapped: needs a mapping or a control of the organisation’s own';
  // Nothing left to implement: the implemented controls each cover only part of it and no coverage set completes it.
  if (gap.closers.length === 0) return 'Every mapped control is implemented but covers only part of it: needs a coverage set, a stronger mapping or a control of the organisation’s own';
  return gap.closers.map(closerText).join('; ');
}

export const buildGap: ReportBuilder<GapData> = (data, _meta, scope) => {
  const frameworks = frameworksInScope(data.catalog, scope);
  const systems = systemIdsInScope(scope);
  const model = buildCoverageModel(data.catalog);
  const results = assessCoverage(model, data.entries, null, { frameworks: frameworks.map((f) => f.id) });
  const gaps = new Map(coverageGaps(model, results).map((g) => [g.requirement, g]));
  const summaries = new Map(summariseCoverage(results).map((s) => [s.framework, s]));
  const controls = new Map(data.controls.map((c) => [c.id, c]));
  const evidenceFor = evidenceByTarget(data.evidence, systems);
  const cited = new Set<string>();
  const empty = (framework: string): FrameworkCoverageSummary => ({ framework, assessable: 0, satisfied: 0, partly: 0, not_satisfied: 0, not_applicable: 0, governance_only: 0 });

  const shortNames = new Map(frameworks.map((f) => [f.id, f.short_name]));
  const named = frameworks.map((f) => ({ framework: f, summary: summaries.get(f.id) ?? empty(f.id) }));
  const summaryBlocks: Block[] = [
    { kind: 'paragraph', text: COVERAGE_RULE, tone: 'muted' },
    { kind: 'table', sheet: 'Summary', caption: 'Assessable requirements per framework by coverage status (organisation-wide)', columns: countColumns, rows: named.map((n) => countRow(n.framework.short_name, n.summary)) },
  ];
  const charted = named.filter((n) => n.summary.assessable > 0);
  if (charted.length)
    summaryBlocks.splice(1, 0, {
      kind: 'figure',
      caption: 'Requirement coverage by framework (organisation-wide)',
      option: coverageByFrameworkOption(charted.map((n) => ({ ...n.summary, name: n.framework.short_name }))) as Record<string, unknown>,
      width: 500,
      height: 80 + charted.length * 30,
      alt: charted.map((n) => `${n.framework.short_name}: ${n.summary.satisfied} satisfied, ${n.summary.partly} partly, ${n.summary.not_satisfied} not satisfied`).join('; '),
    });
  const perSystem = data.systemCoverage.filter((s) => systems === null || systems.has(s.systemId));
  if (perSystem.length)
    summaryBlocks.push({
      kind: 'table',
      sheet: 'Per system',
      caption: 'Per system: its own entries where it has them, else the organisation’s; a classified system counts only the EU AI Act obligations that apply to it',
      columns: [{ key: 'system', label: 'System', width: 1.6 }, ...countColumns],
      rows: perSystem.flatMap((s) => s.frameworks.flatMap((f) => (shortNames.has(f.framework) ? [[s.name, ...countRow(shortNames.get(f.framework)!, f)]] : []))),
    });

  const sections: ReportSection[] = named.map(({ framework, summary }) => {
    const items = new Map(framework.items.map((i) => [i.id, i]));
    const rows = results
      .filter((r) => r.framework === framework.id)
      .map((r): Cell[] => {
        // Evidence behind the coverage: linked to the requirement itself or to a mapped control that counts as implemented.
        const evidence = [...(evidenceFor.get(r.requirement) ?? []), ...r.links.filter((l) => l.state === 'implemented').flatMap((l) => evidenceFor.get(l.control) ?? [])];
        const ids = [...new Set(evidence)].sort(byEvidenceId);
        for (const id of ids) cited.add(id);
        const item = items.get(r.item);
        return [
          framework.short_name,
          r.item,
          item ? itemTitle(item) : r.item,
          coverageStatusLabels[r.status],
          controlsWithStates(r.links.map((l) => l.control), controls),
          joinOrNull(ids),
          gapText(gaps.get(r.requirement)),
        ];
      });
    const blocks: Block[] = [
      {
        kind: 'facts',
        rows: [
          ['Framework', `${framework.name} (${framework.version})`],
          ['Assessable requirements', String(summary.assessable)],
          ...coverageStatuses.map((s): [string, string] => [coverageStatusLabels[s], String(summary[s])]),
        ],
      },
    ];
    blocks.push(
      rows.length
        ? { kind: 'table', sheet: sheetName(framework.short_name), caption: `${framework.short_name}: every assessable requirement`, columns: gapColumns, rows, main: true }
        : { kind: 'paragraph', text: `${framework.short_name} has no assessable requirements in this catalog.`, tone: 'muted' },
    );
    return { title: framework.short_name, blocks };
  });

  return {
    subtitle: scope.allFrameworks ? null : frameworks.map((f) => f.short_name).join(', ') || null,
    sections: [{ title: 'Summary', blocks: summaryBlocks }, ...sections],
    evidence: citedEvidence(data.evidence, cited),
  };
};
