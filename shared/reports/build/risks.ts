import { riskHeatmapOption } from '../../charts/risk-heatmap';
import type { RiskRegister, RiskRow } from '../../domain/risk-register/register';
import { type HeatMap, type RiskLevel, acceptanceStatusLabels, heatMaps, impactLabels, likelihoodLabels, ratingBands, treatmentLabels } from '../../domain/risk';
import { ratingLabel } from '../../register-words';
import type { Block, ReportSection } from '../model';
import { type ReportBuilder, personName } from '../scope';
import { countBy, scopeWords, words } from './in-scope';

/**
 * The risk register report: every risk in scope with its inherent and residual scores, treatment,
 * controls, owner, review date and acceptance, the heat maps the app's Risks view draws, and the
 * counts per rating band. Scores, ratings, acceptance states and the heat map all come from the
 * risk domain (shared/domain/risk.ts) through the register the `risks.list` command returns.
 */

const bandKeys = ratingBands.map((b) => b.rating);

/** The heat map's occupied cells in words, for readers who cannot see the chart. */
function heatMapWords(name: string, map: HeatMap): string {
  const cells = map.flatMap((row, l) => row.map((n, i) => ({ n, l: l + 1, i: i + 1 }))).filter((c) => c.n > 0);
  if (!cells.length) return `${name}: no risks.`;
  return `${name}: ${cells.map((c) => `${c.n} at likelihood ${c.l} (${likelihoodLabels[c.l as RiskLevel]}) × impact ${c.i} (${impactLabels[c.i as RiskLevel]})`).join('; ')}.`;
}

function acceptanceCell(r: RiskRow, audience: 'internal' | 'external'): string {
  const status = acceptanceStatusLabels[r.acceptanceStatus];
  if (!r.acceptance || r.acceptanceStatus === 'none') return status;
  const who = r.acceptance.approver ? `by ${personName(r.acceptance.approver, audience, 'approver')}` : 'not approved yet';
  return `${status}; ${who}; expires ${r.acceptance.expiresOn}`;
}

export const buildRisks: ReportBuilder<RiskRegister> = (data, meta, scope) => {
  const risks = data.risks;
  const audience = meta.audience;
  // The heat map of exactly the risks in scope, by the domain's own rule.
  const maps = heatMaps(risks);
  const inherent = countBy(risks, bandKeys, (r) => r.inherent.rating);
  const residual = countBy(
    risks.filter((r) => r.residual),
    bandKeys,
    (r) => r.residual!.rating,
  );
  const notAssessed = risks.filter((r) => !r.residual).length;
  const pending = risks.filter((r) => r.acceptanceStatus === 'pending');
  const lapsed = risks.filter((r) => r.acceptanceStatus === 'expired' || r.acceptanceStatus === 'changed');
  const overdue = risks.filter((r) => r.reviewOverdue);

  const summary: Block[] = [
    { kind: 'paragraph', text: `This register covers ${scopeWords(scope)}, as it stands on ${data.today}. Scores are likelihood × impact on 1–5 scales; ratings follow the bands Low 1–4, Medium 5–9, High 10–16, Critical 17–25.` },
    {
      kind: 'facts',
      rows: [
        ['Risks', String(risks.length)],
        ['Residual risk not yet assessed', String(notAssessed)],
        ['Acceptances pending approval', String(pending.length)],
        ['Acceptances expired or no longer current', String(lapsed.length)],
        ['Reviews overdue', String(overdue.length)],
      ],
    },
    {
      kind: 'table',
      sheet: 'By rating',
      caption: 'Risks by rating band',
      columns: [
        { key: 'rating', label: 'Rating', width: 1.2 },
        { key: 'range', label: 'Score', width: 1 },
        { key: 'inherent', label: 'Inherent', width: 1, align: 'right' },
        { key: 'residual', label: 'Residual', width: 1, align: 'right' },
      ],
      rows: [...ratingBands.map((b) => [b.label, `${b.min}–${b.max}`, inherent[b.rating], residual[b.rating]]), ['Not assessed', '—', 0, notAssessed], ['Total', '—', risks.length, risks.length]],
    },
    {
      kind: 'figure',
      caption: 'Inherent and residual risk heat maps (number of risks per cell)',
      option: riskHeatmapOption(maps) as Record<string, unknown>,
      width: 500,
      height: 270,
      alt: `${heatMapWords('Inherent risk', maps.inherent)} ${heatMapWords('Residual risk', maps.residual)}${maps.residualNotAssessed ? ` ${maps.residualNotAssessed} not assessed.` : ''}`,
    },
  ];
  if (lapsed.length || pending.length || overdue.length)
    summary.push({
      kind: 'list',
      items: [
        ...pending.map((r) => `${r.id} ${r.title}: acceptance pending approval`),
        ...lapsed.map((r) => `${r.id} ${r.title}: ${acceptanceStatusLabels[r.acceptanceStatus].toLowerCase()}${r.changedFields.length ? ` (changed: ${r.changedFields.join(', ')})` : ''}`),
        ...overdue.map((r) => `${r.id} ${r.title}: review was due ${r.reviewDate}`),
      ],
    });

  const register: ReportSection = {
    title: 'Register',
    blocks: risks.length
      ? [
          {
            kind: 'table',
            sheet: 'Risks',
            caption: 'Every risk with its scores, treatment, controls, owner, review and acceptance',
            main: true,
            columns: [
              { key: 'id', label: 'ID', width: 0.9 },
              { key: 'system', label: 'System', width: 1.3 },
              { key: 'title', label: 'Risk', width: 2.2 },
              { key: 'threat', label: 'Threat', width: 0.8 },
              { key: 'inherentScore', label: 'Inherent score', width: 0.8, align: 'right' },
              { key: 'inherentRating', label: 'Inherent rating', width: 0.9 },
              { key: 'residualScore', label: 'Residual score', width: 0.8, align: 'right' },
              { key: 'residualRating', label: 'Residual rating', width: 0.9 },
              { key: 'treatment', label: 'Treatment', width: 0.9 },
              { key: 'controls', label: 'Controls', width: 1.2 },
              { key: 'owner', label: 'Owner', width: 1.1 },
              { key: 'status', label: 'Status', width: 0.9 },
              { key: 'review', label: 'Review date', width: 1 },
              { key: 'acceptance', label: 'Acceptance', width: 1.8 },
            ],
            rows: risks.map((r) => [
              r.id,
              r.systemName,
              r.title,
              r.threatId,
              r.inherent.score,
              ratingLabel(r.inherent.rating),
              r.residual?.score ?? null,
              r.residual ? ratingLabel(r.residual.rating) : 'Not assessed',
              treatmentLabels[r.treatment],
              r.controls.join(', ') || '—',
              personName(r.ownerName, audience, 'owner'),
              words(r.status),
              r.reviewDate ? `${r.reviewDate}${r.reviewOverdue ? ' (overdue)' : ''}` : '—',
              acceptanceCell(r, audience),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: 'No risks are recorded for the systems in scope.', tone: 'warning' }],
  };

  const accepted = risks.filter((r) => r.acceptance || r.acceptanceStatus === 'pending');
  const acceptances: ReportSection = {
    title: 'Acceptances',
    blocks: accepted.length
      ? [
          {
            kind: 'table',
            sheet: 'Acceptances',
            caption: 'Risks treated by acceptance or with a recorded acceptance',
            columns: [
              { key: 'id', label: 'Risk', width: 0.9 },
              { key: 'status', label: 'Acceptance', width: 1.6 },
              { key: 'approver', label: 'Approver', width: 1.2 },
              { key: 'approved', label: 'Approved on', width: 1 },
              { key: 'expires', label: 'Expires on', width: 1 },
              { key: 'rationale', label: 'Rationale', width: 2.6 },
            ],
            rows: accepted.map((r) => [
              r.id,
              acceptanceStatusLabels[r.acceptanceStatus] + (r.changedFields.length ? ` (changed: ${r.changedFields.join(', ')})` : ''),
              personName(r.acceptance?.approver, audience, 'approver'),
              r.acceptance?.approvedOn ?? '—',
              r.acceptance?.expiresOn ?? '—',
              r.acceptance?.rationale ?? '—',
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: 'No risk in scope is treated by acceptance.', tone: 'muted' }],
  };

  const subtitle = scope.allSystems ? 'All systems' : scope.systems.map((s) => s.name).join(', ');
  return { subtitle, sections: [{ title: 'Summary', blocks: summary }, register, acceptances], evidence: [] };
};
