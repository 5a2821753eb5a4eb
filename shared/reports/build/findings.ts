import { type ThreatSeverityRow, findingsByThreatOption } from '../../charts/findings-charts';
import { isActive } from '../../domain/findings/lifecycle';
import { type FindingRow, type PlanItem, findingStatusLabels } from '../../domain/findings/model';
import { findingSeverities, findingStatuses } from '../../imports/finding-data';
import type { Block, ReportSection } from '../model';
import { type ReportBuilder, personName } from '../scope';
import { countBy, scopeWords, words } from './in-scope';

/**
 * Findings and plan of action: the findings in scope by threat and severity, each with its
 * lifecycle status, owner, due date and links, and the plan of action (what, who, by when,
 * status) with what is late as of the report's day. "Overdue" and "acceptance expired" are the
 * findings domain's own judgements (shared/domain/findings/lifecycle.ts), made by the store.
 */

/** What the gatherer hands over (electron/reports/data/findings.ts). */
export interface FindingsData {
  today: string;
  /** As `findings.list` returns them (most severe first), narrowed to the systems in scope. */
  findings: FindingRow[];
  /** As `findings.plan` returns it (soonest due first), narrowed the same way. */
  plan: PlanItem[];
  /** The evidence that shows findings fixed, with the hash the report cites. */
  evidence: { id: string; sha256: string; title: string }[];
}

const NO_THREAT = 'No threat linked';

function threatRows(findings: readonly FindingRow[]): ThreatSeverityRow[] {
  const names = new Map<string, string>();
  for (const f of findings) names.set(f.threatId ?? '', f.threatId ? `${f.threatId} ${f.threatName ?? ''}`.trim() : NO_THREAT);
  // Threats in id order, findings without one last.
  const keys = [...names.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return keys.map((key) => ({ name: names.get(key)!, counts: countBy(findings.filter((f) => (f.threatId ?? '') === key), findingSeverities, (f) => f.severity) }));
}

function lateness(p: { overdue: boolean; acceptanceExpired: boolean }): string {
  return p.overdue ? 'Overdue' : p.acceptanceExpired ? 'Acceptance expired' : '';
}

export const buildFindings: ReportBuilder<FindingsData> = (data, meta, scope) => {
  const { findings, plan } = data;
  const audience = meta.audience;
  const rows = threatRows(findings);
  const bySeverity = countBy(findings, findingSeverities, (f) => f.severity);
  const byStatus = countBy(findings, findingStatuses, (f) => f.status);
  const late = plan.filter((p) => p.overdue || p.acceptanceExpired);
  const active = findings.filter((f) => isActive(f.status));

  const summary: Block[] = [
    { kind: 'paragraph', text: `This report covers the findings of ${scopeWords(scope)}, as they stand on ${data.today}: ${findings.length} in all, ${active.length} still open or in remediation, ${late.length} late.` },
    {
      kind: 'table',
      sheet: 'By threat',
      caption: 'Findings by threat and severity',
      columns: [{ key: 'threat', label: 'Threat', width: 3 }, ...findingSeverities.map((s) => ({ key: s, label: words(s), width: 0.8, align: 'right' as const })), { key: 'total', label: 'Total', width: 0.8, align: 'right' }],
      rows: [
        ...rows.map((r) => [r.name, ...findingSeverities.map((s) => r.counts[s]), findingSeverities.reduce((n, s) => n + r.counts[s], 0)]),
        ['Total', ...findingSeverities.map((s) => bySeverity[s]), findings.length],
      ],
    },
    {
      kind: 'table',
      sheet: 'By status',
      caption: 'Findings by lifecycle status',
      columns: [
        { key: 'status', label: 'Status', width: 2 },
        { key: 'n', label: 'Findings', width: 1, align: 'right' },
      ],
      rows: findingStatuses.map((s) => [findingStatusLabels[s], byStatus[s]]),
    },
  ];
  if (rows.length)
    summary.push({
      kind: 'figure',
      caption: 'Findings by threat and severity',
      option: findingsByThreatOption(rows) as Record<string, unknown>,
      width: 480,
      height: Math.min(400, 70 + rows.length * 28),
      alt: rows.map((r) => `${r.name}: ${findingSeverities.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${s}`).join(', ')}`).join('; '),
    });

  const planSection: ReportSection = {
    title: 'Plan of action',
    blocks: plan.length
      ? [
          { kind: 'paragraph', text: `Soonest due first. "Overdue": past its due date while open or in remediation; "Acceptance expired": an accepted risk whose acceptance ran out (as of ${data.today}).` },
          ...(late.length ? [{ kind: 'paragraph' as const, text: `${late.length} late: ${late.map((p) => p.id).join(', ')}.`, tone: 'warning' as const }] : []),
          {
            kind: 'table',
            sheet: 'Plan of action',
            caption: 'What, who, by when, status',
            main: true,
            columns: [
              { key: 'id', label: 'ID', width: 0.9 },
              { key: 'what', label: 'What', width: 3 },
              { key: 'severity', label: 'Severity', width: 0.9 },
              { key: 'system', label: 'System', width: 1.4 },
              { key: 'who', label: 'Who', width: 1.2 },
              { key: 'byWhen', label: 'By when', width: 1 },
              { key: 'status', label: 'Status', width: 1.1 },
              { key: 'late', label: 'Late', width: 1 },
            ],
            rows: plan.map((p) => [p.id, p.what, words(p.severity), p.system ?? 'Organisation-wide', personName(p.who, audience, 'owner'), p.byWhen ?? '—', findingStatusLabels[p.status], lateness(p)]),
          },
        ]
      : [{ kind: 'paragraph', text: 'No findings are recorded for the systems in scope.', tone: 'muted' }],
  };

  const register: ReportSection = {
    title: 'Findings',
    blocks: findings.length
      ? [
          {
            kind: 'table',
            sheet: 'Findings',
            caption: 'Every finding, most severe first, with its lifecycle and links',
            columns: [
              { key: 'id', label: 'ID', width: 0.9 },
              { key: 'title', label: 'Finding', width: 2.6 },
              { key: 'severity', label: 'Severity', width: 0.9 },
              { key: 'threat', label: 'Threat', width: 0.8 },
              { key: 'source', label: 'Source', width: 1.1 },
              { key: 'status', label: 'Status', width: 1.1 },
              { key: 'owner', label: 'Owner', width: 1.1 },
              { key: 'due', label: 'Due date', width: 1 },
              { key: 'controls', label: 'Controls', width: 1 },
              { key: 'risks', label: 'Risks', width: 0.9 },
              { key: 'decision', label: 'Decision', width: 2.2 },
            ],
            rows: findings.map((f) => [
              f.id,
              f.title,
              words(f.severity),
              f.threatId,
              f.data.tool,
              findingStatusLabels[f.status],
              personName(f.ownerName, audience, 'owner'),
              f.dueDate ? `${f.dueDate}${f.overdue ? ' (overdue)' : ''}` : '—',
              f.controls.join(', ') || '—',
              f.risks.join(', ') || '—',
              decision(f, audience),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: 'No findings.', tone: 'muted' }],
  };

  const evidence = data.evidence.map((e) => ({ id: e.id, sha256: e.sha256 }));
  const sections: ReportSection[] = [{ title: 'Summary', blocks: summary }, planSection, register];
  if (data.evidence.length)
    sections.push({
      title: 'Evidence of fixes',
      blocks: [{ kind: 'table', sheet: 'Evidence', caption: 'Evidence cited by fixed findings', columns: [{ key: 'id', label: 'Evidence', width: 0.8 }, { key: 'title', label: 'Title', width: 2 }, { key: 'sha', label: 'SHA-256', width: 3.2 }], rows: data.evidence.map((e) => [e.id, e.title, e.sha256]) }],
    });
  return { subtitle: scope.allSystems ? 'All systems' : scope.systems.map((s) => s.name).join(', '), sections, evidence };
};

/** What was decided and why: the approver and expiry of an accepted risk, the fix's evidence, a false positive's reason. */
function decision(f: FindingRow, audience: 'internal' | 'external'): string {
  const parts: string[] = [];
  if (f.status === 'risk_accepted') parts.push(`accepted by ${personName(f.approverName, audience, 'approver')} until ${f.expiresOn ?? '—'}${f.acceptanceExpired ? ' (expired)' : ''}`);
  if (f.status === 'fixed' && f.evidence.length) parts.push(`evidence ${f.evidence.join(', ')}`);
  if (f.reason) parts.push(f.reason);
  return parts.join('; ') || '—';
}
