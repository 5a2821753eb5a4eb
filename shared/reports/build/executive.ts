import type { OperatorRole, RiskClass } from '../../catalog/schema';
import { operatorRoleLabels, riskClassLabels } from '../../catalog/labels';
import { coverageByFrameworkOption, satisfiedShare } from '../../charts/dashboard-charts';
import { riskHeatmapOption } from '../../charts/risk-heatmap';
import { type CheckFinding, countBySeverity } from '../../domain/checks';
import { type StateCounts, implementationRate } from '../../domain/control-state';
import type { FrameworkCoverageSummary } from '../../domain/coverage';
import { type CoverageGap, rankControlsByGaps } from '../../domain/coverage-gaps';
import { type Rating, type Risk, heatMaps, inherentScore, ratingBands, ratingOf, residualScore } from '../../domain/risk';
import { countOf } from '../../plural';
import type { Block, ReportSection } from '../model';
import { type ReportBuilder, personName } from '../scope';
import { countColumns, countRow, systemIdsInScope } from './compliance-parts';
import { type ReportSignoff, signoffBlocks } from './signoff-blocks';

/**
 * The executive summary: where the assessment stands in a few pages, with the dashboard's own
 * figures (coverage per framework, the risk heat map, the controls that close most gaps) and
 * a posture in plain sentences computed from them.
 */

export interface ExecutiveSystem {
  id: string;
  name: string;
  roles: OperatorRole[];
  owner: string | null;
  /** null: not classified yet. */
  classification: { complete: boolean; riskClasses: RiskClass[]; labels: string[] } | null;
}

type NamedSummary = FrameworkCoverageSummary & { name: string };

export interface ExecutiveData {
  systems: ExecutiveSystem[];
  /** The organisation's coverage per framework, as `status` and the dashboard report it. */
  coverage: NamedSummary[];
  /** The organisation's gaps with the controls that would close them. */
  gaps: CoverageGap[];
  systemCoverage: { systemId: string; name: string; frameworks: NamedSummary[] }[];
  controlNames: Record<string, string>;
  controlCounts: StateCounts;
  risks: Risk[];
  /** The consistency checks' findings across the whole assessment. */
  findings: CheckFinding[];
  /** The recorded sign-offs, with their key fingerprints and the heads they approve. */
  signoffs: ReportSignoff[];
}

const pct = (share: number | null) => (share === null ? 'n/a' : `${share}%`);

function sumCoverage(rows: readonly FrameworkCoverageSummary[]): FrameworkCoverageSummary {
  const total: FrameworkCoverageSummary = { framework: 'all', assessable: 0, satisfied: 0, partly: 0, not_satisfied: 0, not_applicable: 0, governance_only: 0 };
  for (const r of rows) for (const k of ['assessable', 'satisfied', 'partly', 'not_satisfied', 'not_applicable', 'governance_only'] as const) total[k] += r[k];
  return total;
}

function ratingCounts(scores: readonly (number | null)[]): Record<Rating, number> {
  const counts: Record<Rating, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const s of scores) if (s !== null) counts[ratingOf(s)] += 1;
  return counts;
}

function classOf(s: ExecutiveSystem): string {
  if (!s.classification) return 'Not classified';
  const classes = s.classification.riskClasses.map((c) => riskClassLabels[c]);
  const text = classes.length ? classes.join(', ') : 'No class concluded yet';
  return s.classification.complete ? text : `${text} (classification incomplete)`;
}

export const buildExecutive: ReportBuilder<ExecutiveData> = (data, meta, scope) => {
  const wanted = systemIdsInScope(scope);
  const systems = data.systems.filter((s) => wanted === null || wanted.has(s.id));
  const frameworkIds = scope.allFrameworks ? null : new Set(scope.frameworks.map((f) => f.id));
  const inFrameworks = (id: string) => frameworkIds === null || frameworkIds.has(id);
  const coverage = data.coverage.filter((c) => inFrameworks(c.framework));
  const risks = data.risks.filter((r) => wanted === null || wanted.has(r.systemId));
  const controlName = (id: string) => [id, data.controlNames[id]].filter(Boolean).join(' ');

  // Scope.
  const scopeSection: ReportSection = {
    title: 'Scope',
    blocks: [
      {
        kind: 'facts',
        rows: [
          ['Assessment', meta.assessment.name],
          ['AI systems', scope.allSystems ? `All (${data.systems.length})` : systems.map((s) => `${s.id} ${s.name}`).join(', ') || 'None'],
          ['Frameworks', scope.allFrameworks ? `All (${scope.frameworks.length}; ${coverage.length} with assessable requirements)` : scope.frameworks.map((f) => f.name).join(', ') || 'None'],
          ['As of', scope.today],
        ],
      },
    ],
  };

  // Systems and their EU AI Act classes.
  const systemsSection: ReportSection = {
    title: 'AI systems and their EU AI Act classification',
    blocks: systems.length
      ? [
          {
            kind: 'table',
            sheet: 'Systems',
            caption: 'AI systems in scope with the organisation’s roles and the EU AI Act class their classification concludes',
            columns: [
              { key: 'id', label: 'ID', width: 0.7 },
              { key: 'name', label: 'System', width: 1.6 },
              { key: 'roles', label: 'Roles', width: 1.2 },
              { key: 'class', label: 'EU AI Act class', width: 1.4 },
              { key: 'basis', label: 'Basis', width: 2.4 },
              { key: 'owner', label: 'Owner', width: 1 },
            ],
            rows: systems.map((s) => [
              s.id,
              s.name,
              s.roles.map((r) => operatorRoleLabels[r]).join(', ') || null,
              classOf(s),
              s.classification ? s.classification.labels.join('; ') || null : null,
              personName(s.owner, meta.audience, 'system owner'),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: 'No AI systems are in scope.', tone: 'muted' }],
  };

  // Coverage per framework: the dashboard's chart, and the numbers behind it.
  const coverageBlocks: Block[] = coverage.length
    ? [
        {
          kind: 'figure',
          caption: 'Requirement coverage by framework (organisation-wide)',
          option: coverageByFrameworkOption(coverage) as Record<string, unknown>,
          width: 500,
          height: 80 + coverage.length * 30,
          alt: coverage.map((c) => `${c.name}: ${c.satisfied} satisfied, ${c.partly} partly, ${c.not_satisfied} not satisfied, ${c.not_applicable} not applicable, ${c.governance_only} governance only`).join('; '),
        },
        {
          kind: 'table',
          sheet: 'Coverage',
          caption: 'Assessable requirements per framework by coverage status; share satisfied of those that apply',
          columns: countColumns,
          rows: coverage.map((c) => countRow(c.name, c)),
        },
      ]
    : [{ kind: 'paragraph', text: 'No framework in scope has assessable requirements.', tone: 'muted' }];
  const perSystem = data.systemCoverage.filter((s) => wanted === null || wanted.has(s.systemId));
  if (perSystem.length && coverage.length)
    coverageBlocks.push({
      kind: 'table',
      sheet: 'Coverage per system',
      caption: 'Share of each framework’s applicable requirements satisfied per system (its own entries, else the organisation’s; a classified system counts only the EU AI Act obligations that apply to it)',
      columns: [{ key: 'system', label: 'System', width: 2 }, ...coverage.map((c) => ({ key: c.framework, label: c.name, align: 'right' as const }))],
      rows: perSystem.map((s) => [s.name, ...coverage.map((c) => {
        const row = s.frameworks.find((f) => f.framework === c.framework);
        return row ? pct(satisfiedShare(row)) : 'n/a';
      })]),
    });

  // Risk heat map and counts by rating.
  const maps = heatMaps(risks);
  const inherent = ratingCounts(risks.map(inherentScore));
  const residual = ratingCounts(risks.map(residualScore));
  const riskBlocks: Block[] = risks.length
    ? [
        {
          kind: 'figure',
          caption: 'Risk heat maps: likelihood by impact, before and after treatment',
          option: riskHeatmapOption(maps) as Record<string, unknown>,
          width: 500,
          height: 270,
          alt: `${risks.length} risks; inherent ${ratingBands.map((b) => `${b.label.toLowerCase()} ${inherent[b.rating]}`).join(', ')}; residual ${ratingBands.map((b) => `${b.label.toLowerCase()} ${residual[b.rating]}`).join(', ')}, ${maps.residualNotAssessed} not assessed`,
        },
        {
          kind: 'table',
          sheet: 'Risks by rating',
          caption: 'Risks by rating band (score = likelihood × impact)',
          columns: [
            { key: 'rating', label: 'Rating', width: 1.4 },
            { key: 'inherent', label: 'Inherent', align: 'right' },
            { key: 'residual', label: 'Residual', align: 'right' },
          ],
          rows: [
            ...ratingBands.map((b) => [`${b.label} (${b.min}–${b.max})`, inherent[b.rating], residual[b.rating]]),
            ['Residual not assessed', null, maps.residualNotAssessed],
          ],
        },
      ]
    : [{ kind: 'paragraph', text: 'The risk register has no risks for the systems in scope.', tone: 'muted' }];

  // Top gaps, ranked as the dashboard ranks them.
  const gaps = data.gaps.filter((g) => inFrameworks(g.framework));
  const top = rankControlsByGaps(gaps).slice(0, 5);
  const gapBlocks: Block[] = top.length
    ? [
        {
          kind: 'table',
          sheet: 'Top gaps',
          caption: 'The open controls that would close most gaps: most closed alone first, then coverage sets completed, then partial contributions',
          columns: [
            { key: 'control', label: 'Control', width: 2.4 },
            { key: 'alone', label: 'Closes alone', align: 'right' },
            { key: 'sets', label: 'Completes sets', align: 'right' },
            { key: 'partly', label: 'Partly covers', align: 'right' },
          ],
          rows: top.map((t) => [controlName(t.control), t.closesAlone, t.inSets, t.partly]),
        },
      ]
    : [{ kind: 'paragraph', text: 'No open gap has a control that would close it.', tone: 'muted' }];

  // Overall posture, in sentences computed from the figures above.
  const total = sumCoverage(coverage);
  const share = satisfiedShare(total);
  const rate = implementationRate(data.controlCounts);
  const checks = countBySeverity(data.findings);
  const highRisk = systems.filter((s) => s.classification?.riskClasses.includes('high_risk')).length;
  const prohibited = systems.filter((s) => s.classification?.riskClasses.includes('prohibited')).length;
  const unclassified = systems.filter((s) => !s.classification?.complete).length;
  const severe = (c: Record<Rating, number>) => c.high + c.critical;
  const posture = [
    share === null
      ? 'No requirement in the frameworks in scope applies yet.'
      : `Across ${countOf(coverage.length, 'framework')}, ${total.satisfied} of ${total.satisfied + total.partly + total.not_satisfied} applicable requirements (${share}%) are satisfied, ${total.partly} partly and ${total.not_satisfied} not at all; ${total.not_applicable} ${total.not_applicable === 1 ? 'is' : 'are'} not applicable and ${total.governance_only} answered by governance alone.`,
    rate === null
      ? 'No control applies yet.'
      : `${data.controlCounts.implemented} of ${data.controlCounts.total - data.controlCounts.not_applicable} applicable controls (${Math.round(rate * 100)}%) are implemented organisation-wide.`,
    `${countOf(systems.length, 'AI system')} in scope: ${highRisk} high-risk${prohibited ? `, ${prohibited} with a prohibited practice` : ''}, ${unclassified} not classified or not completely classified.`,
    risks.length
      ? `${countOf(risks.length, 'risk')} in the register: ${severe(inherent)} rated high or critical before treatment, ${severe(residual)} after treatment${maps.residualNotAssessed ? ` (${maps.residualNotAssessed} not assessed after treatment)` : ''}.`
      : 'The risk register has no risks for the systems in scope.',
    `The consistency checks find ${countOf(checks.error, 'open error')}, ${countOf(checks.warning, 'warning')} and ${countOf(checks.info, 'note')} across the assessment.`,
    ...(top[0] ? [`Implementing ${controlName(top[0].control)} first would close ${countOf(top[0].closesAlone, 'requirement')} on its own.`] : []),
  ];

  return {
    subtitle: scope.allSystems ? null : systems.map((s) => s.name).join(', ') || null,
    sections: [
      { title: 'Overall posture', blocks: [{ kind: 'list', items: posture }] },
      scopeSection,
      systemsSection,
      { title: 'Coverage per framework', blocks: coverageBlocks },
      { title: 'Risk heat map', blocks: riskBlocks },
      { title: 'Top gaps', blocks: gapBlocks },
      {
        title: 'Sign-off',
        blocks: [
          { kind: 'paragraph', text: 'By signing, each person confirms they have read this summary and the state of the assessment at the audit head it states.' },
          ...signoffBlocks(data.signoffs, meta.audience),
        ],
      },
    ],
    evidence: [],
  };
};
