import type { FindingRow, PlanItem } from '../../shared/domain/findings/model';
import { findingStatusLabels } from '../../shared/domain/findings/model';
import { countOf } from '../../shared/plural';
import { visibleText } from '../../shared/imports/visible-text';
import { textTable } from './format';

/** The findings register and the plan of action as they read on a terminal. */

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatFindings(findings: FindingRow[], today: string): string {
  if (findings.length === 0) return 'No findings. Import red-team or scanner results with: assay import <file> <results>';
  const rows = findings.map((f) => [
    f.id,
    f.severity,
    findingStatusLabels[f.status].toLowerCase() + (f.acceptanceExpired ? ' (expired)' : ''),
    f.systemId ?? '-',
    f.threatId ?? '-',
    cut(visibleText(f.title), 60),
    f.ownerName ?? '-',
    f.dueDate ? `${f.dueDate}${f.overdue ? ' OVERDUE' : ''}` : '-',
  ]);
  const overdue = findings.filter((f) => f.overdue).length;
  return [textTable(['ID', 'SEVERITY', 'STATUS', 'SYSTEM', 'THREAT', 'TITLE', 'OWNER', 'DUE'], rows), '', `${countOf(findings.length, 'finding')}, ${overdue} overdue (as of ${today})`].join('\n');
}

export function formatPlan(items: PlanItem[], today: string): string {
  if (items.length === 0) return 'Nothing in the plan of action: there are no findings.';
  const rows = items.map((i) => [i.id, cut(visibleText(i.what), 60), i.who ?? 'nobody yet', i.byWhen ?? 'no date', findingStatusLabels[i.status].toLowerCase(), i.overdue || i.acceptanceExpired ? 'LATE' : '']);
  return [`Plan of action as of ${today}`, textTable(['ID', 'WHAT', 'WHO', 'BY WHEN', 'STATUS', ''], rows)].join('\n');
}

export function formatFinding(f: FindingRow): string {
  const d = f.data;
  const lines = [
    `${f.id}  ${visibleText(f.title)}`,
    `    ${f.severity} · ${findingStatusLabels[f.status].toLowerCase()}${f.reason ? ` (${visibleText(f.reason)})` : ''} · tool ${d.tool}`,
    `    system ${f.systemId ? `${f.systemId} ${f.systemName ?? ''}` : 'none'} · threat ${f.threatId ? `${f.threatId} ${f.threatName ?? ''}` : 'none'}`,
    `    owner ${f.ownerName ?? 'not set'} · due ${f.dueDate ?? 'no date'}${f.overdue ? ' (overdue)' : ''}`,
  ];
  if (f.status === 'risk_accepted') lines.push(`    accepted by ${f.approverName ?? '?'} until ${f.expiresOn ?? '?'}${f.acceptanceExpired ? ' (expired)' : ''}`);
  if (f.evidence.length) lines.push(`    fixed, shown by ${f.evidence.join(', ')}`);
  if (d.attempts) lines.push(`    ${d.attempts.failed} of ${d.attempts.total} attempts failed`);
  if (d.references.length) lines.push(`    references ${d.references.join(', ')}`);
  if (f.controls.length || f.risks.length) lines.push(`    controls ${f.controls.join(', ') || '-'} · risks ${f.risks.join(', ') || '-'}`);
  if (d.prompt) lines.push(`    prompt:   ${cut(visibleText(d.prompt), 300)}`);
  if (d.response) lines.push(`    response: ${cut(visibleText(d.response), 300)}`);
  return lines.join('\n');
}
