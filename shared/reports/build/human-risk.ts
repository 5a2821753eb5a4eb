import { controlTrendOption, groupFiguresOption } from '../../charts/human-risk-charts';
import type { SystemCorrelation } from '../../domain/human-risk/correlation';
import type { GroupFigures, HumanRiskSummary } from '../../domain/human-risk/summary';
import { sourceName } from '../../domain/human-risk/words';
import { likelihoodLabels, type RiskLevel } from '../../domain/risk';
import type { Block, Cell, ReportSection } from '../model';
import type { ReportBuilder } from '../scope';
import { scopeWords } from './in-scope';

/**
 * The human-risk summary: figures per group and per AI system, never per person. People appear
 * only as counts (their figures are recorded by pseudonym); groups are named, since they are what
 * AI systems are matched with. Every figure is the human-risk domain's (summarise, correlate),
 * and the charts are the app's own (shared/charts/human-risk-charts.ts).
 */

export interface HumanRiskData {
  summary: HumanRiskSummary;
  /** The correlation of each system in scope with the groups it names. */
  systems: SystemCorrelation[];
  /** How many people's figures were imported with identities kept instead of pseudonyms (none shown here). */
  identitiesKept: number;
}

const pct = (v: number | null): Cell => v;
const level = (n: number | null) => (n === null ? '—' : `${n} ${likelihoodLabels[n as RiskLevel]}`);

function groupRow(g: GroupFigures): Cell[] {
  return [g.group, g.people, pct(g.phishPronePct), g.riskScore, pct(g.trainingCompletionPct), g.grade ?? '—', g.asOf ?? '—'];
}

const groupColumns = [
  { key: 'group', label: 'Group', width: 2 },
  { key: 'people', label: 'People', width: 0.8, align: 'right' as const },
  { key: 'ppp', label: 'Phish-prone %', width: 1, align: 'right' as const },
  { key: 'risk', label: 'Risk score', width: 0.9, align: 'right' as const },
  { key: 'training', label: 'Training completed %', width: 1.1, align: 'right' as const },
  { key: 'grade', label: 'Risk grade', width: 0.8, align: 'center' as const },
  { key: 'asOf', label: 'As of', width: 1 },
];

export const buildHumanRisk: ReportBuilder<HumanRiskData> = (data, _meta, scope) => {
  const { summary, systems } = data;
  // Narrowed to chosen systems, the report speaks of the groups those systems name.
  const named = new Set(systems.flatMap((s) => s.groups.filter((g) => g.figures).map((g) => g.figures!.group)));
  const groups = scope.allSystems ? summary.groups : summary.groups.filter((g) => named.has(g.group));
  const highRisk = systems.filter((s) => s.highRisk);

  const intro: Block[] = [
    {
      kind: 'paragraph',
      text: `Human-risk figures for ${scopeWords(scope)}. The assessment holds ${summary.figures} figures about ${summary.people} pseudonymised people, from ${summary.sources.map(sourceName).join(', ') || 'no source yet'}. People are counted, never named; groups are named because AI systems are matched with them.`,
    },
    {
      kind: 'facts',
      rows: [
        ['Groups with figures', String(groups.length)],
        ['Systems in scope', String(systems.length)],
        ['Systems whose people are high-risk for people-driven threats', String(highRisk.length)],
      ],
    },
  ];
  if (data.identitiesKept)
    intro.push({ kind: 'paragraph', tone: 'warning', text: `${data.identitiesKept === 1 ? "1 person's figures were" : `${data.identitiesKept} people's figures were`} imported with identities kept instead of pseudonyms; this report shows no person, only group figures and counts.` });

  const groupSection: ReportSection = {
    title: 'Figures per group',
    blocks: groups.length
      ? [
          { kind: 'table', sheet: 'Groups', caption: 'Latest figures per group', main: true, columns: groupColumns, rows: groups.map(groupRow) },
          ...(groups.some((g) => g.phishPronePct !== null || g.riskScore !== null)
            ? [
                {
                  kind: 'figure' as const,
                  caption: 'Phish-prone percentage and risk score per group',
                  option: groupFiguresOption(groups) as Record<string, unknown>,
                  width: 480,
                  height: Math.min(420, 80 + groups.length * 30),
                  alt: groups.map((g) => `${g.group}: phish-prone ${g.phishPronePct ?? 'n/a'}${g.phishPronePct === null ? '' : '%'}, risk score ${g.riskScore ?? 'n/a'}`).join('; '),
                },
              ]
            : []),
        ]
      : [{ kind: 'paragraph', tone: 'muted', text: 'No human-risk figures for the groups in scope.' }],
  };

  const correlation: ReportSection = {
    title: 'Per AI system',
    blocks: systems.length
      ? [
          {
            kind: 'paragraph',
            text: 'Each system is matched with the groups it names (business unit; owning, operating and using groups). For each people-driven threat, the weakest matched group suggests a likelihood; 4 (Likely) or more marks the system\'s people as high-risk for that threat.',
          },
          {
            kind: 'table',
            sheet: 'System groups',
            caption: 'Groups each system names, with their figures',
            columns: [{ key: 'system', label: 'System', width: 1.6 }, { key: 'relation', label: 'Relation', width: 1 }, ...groupColumns],
            rows: systems.flatMap((s) =>
              s.groups.map((g) => [s.systemName, g.relation, ...(g.figures ? [g.name, ...groupRow(g.figures).slice(1)] : [g.name, null, null, null, null, 'No figures', '—'])]),
            ),
          },
          {
            kind: 'table',
            sheet: 'People threats',
            caption: 'Suggested likelihood of people-driven threats per system',
            columns: [
              { key: 'system', label: 'System', width: 1.5 },
              { key: 'threat', label: 'Threat', width: 1.8 },
              { key: 'level', label: 'Suggested likelihood', width: 1.2 },
              { key: 'basis', label: 'Basis', width: 2.4 },
              { key: 'high', label: 'High-risk', width: 0.8, align: 'center' },
              { key: 'risk', label: 'Register risk', width: 1.4 },
            ],
            rows: systems.flatMap((s) =>
              s.threats.map((t) => [s.systemName, `${t.threatId} ${t.threatName}`, level(t.suggested), t.basis ?? 'No figures for its groups', t.highRisk ? 'Yes' : 'No', t.risk ? `${t.risk.id} (likelihood ${t.risk.likelihood})` : 'None']),
            ),
          },
          highRisk.length
            ? { kind: 'list', items: highRisk.map((s) => `${s.systemName} (${s.systemId}): ${s.threats.filter((t) => t.highRisk).map((t) => `${t.threatId} ${t.threatName} (${t.risk ? `in the register as ${t.risk.id}` : 'not in the risk register'})`).join('; ')}`) }
            : { kind: 'paragraph', tone: 'muted', text: 'No system in scope has people who are high-risk for people-driven threats.' },
        ]
      : [{ kind: 'paragraph', tone: 'muted', text: 'No AI systems in scope.' }],
  };

  const sections: ReportSection[] = [{ title: 'Summary', blocks: intro }, groupSection, correlation];
  // The per-control trends are organisation-wide: shown when the whole assessment is in scope.
  if (scope.allSystems) {
    const controls = summary.controls.filter((c) => c.figures.length > 0);
    sections.push({
      title: 'Figures per control',
      blocks: controls.length ? [] : [{ kind: 'paragraph', tone: 'muted', text: 'No figures recorded for the human-risk controls.' }],
      sections: controls.map((c) => ({
        title: `${c.control} ${c.name}`,
        blocks: [
          {
            kind: 'table',
            sheet: `Trend ${c.control}`,
            caption: `Latest figures for ${c.control}`,
            columns: [
              { key: 'figure', label: 'Figure', width: 2 },
              { key: 'latest', label: 'Latest', width: 0.8, align: 'right' },
              { key: 'unit', label: 'Unit', width: 0.6 },
              { key: 'period', label: 'Month', width: 0.8 },
              { key: 'previous', label: 'Previous', width: 0.8, align: 'right' },
              { key: 'direction', label: 'Trend', width: 0.8 },
              { key: 'subjects', label: 'Covering', width: 0.8, align: 'right' },
            ],
            rows: c.figures.map((f) => [f.label, f.latest, f.unit, f.latestPeriod ?? '—', f.previous, f.direction ?? '—', f.subjects]),
          },
          ...(c.figures.some((f) => f.unit !== 'count' && f.series.length > 0)
            ? [{ kind: 'figure' as const, caption: `${c.control} ${c.name}: figures per month`, option: controlTrendOption(c) as Record<string, unknown>, width: 480, height: 220, alt: c.figures.filter((f) => f.unit !== 'count').map((f) => `${f.label}: ${f.series.map((p) => `${p.period} ${p.value}`).join(', ')}`).join('; ') }]
            : []),
        ],
      })),
    });
  }
  return { subtitle: scope.allSystems ? 'All systems and groups' : scope.systems.map((s) => s.name).join(', '), sections, evidence: [] };
};
