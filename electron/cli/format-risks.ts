import type { IncidentRegister } from '../../shared/domain/incident-register/register';
import { reportStatusLabels, seriousCaseLabels } from '../../shared/domain/incidents';
import type { RiskRegister, RiskRow } from '../../shared/domain/risk-register/register';
import { acceptanceStatusLabels, riskLevels, treatmentLabels } from '../../shared/domain/risk';
import { countOf } from '../../shared/plural';
import { dateWithDaysLeft, daysLeftWords, scoreWords } from '../../shared/register-words';
import { textTable } from './format';

/** The registers as a compliance officer reads them on a terminal. */

const words = (s: string) => s.replace(/_/g, ' ');

function acceptanceLine(r: RiskRow, today: string): string | null {
  const a = r.acceptance;
  if (!a) return r.acceptanceStatus === 'pending' ? '    acceptance: pending approval (assay risks accept)' : null;
  const head = `    acceptance: ${acceptanceStatusLabels[r.acceptanceStatus]} — approved by ${a.approver ?? 'nobody'} on ${a.approvedOn ?? '?'}, expires ${dateWithDaysLeft(a.expiresOn, today)}`;
  return r.changedFields.length ? `${head}; changed since: ${r.changedFields.join(', ')}` : head;
}

export function formatRisks(register: RiskRegister): string {
  const { risks, today } = register;
  if (risks.length === 0) return 'No risks recorded yet. Add one with: assay risks add <file> --system … --title … --likelihood 1-5 --impact 1-5 --treatment mitigate';
  const lines: string[] = [];
  for (const r of risks) {
    lines.push(`${r.id}  ${r.title}`);
    lines.push(`    system ${r.systemId} ${r.systemName}${r.threatId ? ` · threat ${r.threatId}${r.threatName ? ` ${r.threatName}` : ''}` : ''}`);
    lines.push(`    inherent ${scoreWords(r.likelihood, r.impact)}`);
    lines.push(
      `    residual ${r.residualLikelihood && r.residualImpact ? scoreWords(r.residualLikelihood, r.residualImpact) : 'not assessed'}${r.residualAboveInherent ? '  ← ABOVE INHERENT' : ''}`,
    );
    lines.push(`    treatment ${treatmentLabels[r.treatment]}${r.controls.length ? ` with ${r.controls.join(', ')}` : ''} · status ${words(r.status)} · owner ${r.ownerName ?? 'not set'}`);
    lines.push(`    review ${r.reviewDate ? (r.status === 'closed' ? r.reviewDate : dateWithDaysLeft(r.reviewDate, today)) : 'no date set'}`);
    const acceptance = acceptanceLine(r, today);
    if (acceptance) lines.push(acceptance);
    lines.push('');
  }
  const grid = (cells: number[][]) =>
    textTable(
      ['LIKELIHOOD \\ IMPACT', ...riskLevels.map(String)],
      [...riskLevels].reverse().map((l) => [String(l), ...riskLevels.map((i) => String(cells[l - 1]![i - 1] || '·'))]),
    );
  lines.push(`${countOf(risks.length, 'risk')} on ${today}.`, '', 'Inherent risk (count per cell):', grid(register.heatMap.inherent), '');
  lines.push(`Residual risk (count per cell${register.heatMap.residualNotAssessed ? `; ${register.heatMap.residualNotAssessed} not assessed` : ''}):`, grid(register.heatMap.residual));
  return lines.join('\n');
}

export function formatIncidents(register: IncidentRegister): string {
  const { incidents, plans, today } = register;
  const lines: string[] = [];
  if (incidents.length === 0) lines.push('No incidents recorded.');
  for (const i of incidents) {
    lines.push(`${i.id}  ${i.title}`);
    lines.push(`    system ${i.systemId} ${i.systemName} · severity ${i.severity} · aware ${i.awareOn}${i.occurredOn ? ` · happened ${i.occurredOn}` : ''}`);
    if (!i.serious) lines.push('    not a serious incident under the EU AI Act: no Art. 73 report');
    else {
      const d = i.report.deadline!;
      lines.push(`    serious: ${i.cases.map((c) => seriousCaseLabels[c]).join('; ')}`);
      const state =
        i.report.status === 'reported'
          ? `reported on ${i.reportedOn}${i.report.late ? ' (LATE)' : ''}${i.reportEvidence.length ? `; evidence ${i.reportEvidence.join(', ')}` : '; no evidence of the report recorded'}`
          : `${reportStatusLabels[i.report.status].toUpperCase()}: ${daysLeftWords(i.report.daysLeft!)}`;
      lines.push(`    report by ${d.dueOn} (${d.basis}, ${d.days} days from awareness) — ${state}`);
    }
    lines.push('');
  }
  lines.push('Post-market monitoring plans (Art. 72):');
  if (plans.length === 0) lines.push('  none recorded');
  for (const p of plans) lines.push(`  ${p.systemId} ${p.systemName}: ${p.title} (${p.reference}); review ${dateWithDaysLeft(p.reviewDate, today)}`);
  for (const s of register.providerSystemsWithoutPlan) lines.push(`  ${s.id} ${s.name}: NO PLAN (this organisation provides it)`);
  return lines.join('\n');
}
