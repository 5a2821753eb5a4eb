import type { SystemCorrelation } from '../../shared/domain/human-risk/correlation';
import { groupFiguresLine as groupLine } from '../../shared/domain/human-risk/words';
import { likelihoodLabels, type RiskLevel } from '../../shared/domain/risk';

/** The human-risk correlation as a compliance officer reads it on a terminal. */

export function formatCorrelation(result: { systems: SystemCorrelation[]; groups: number }): string {
  if (!result.systems.length) return 'No AI systems yet. Add one with: assay systems add <file> --name … --role deployer';
  const lines: string[] = [];
  if (!result.groups) lines.push('No human-risk figures yet: import a KnowBe4 or Mimecast export (assay import <file> <export>).', '');
  for (const s of result.systems) {
    lines.push(`${s.systemId}  ${s.systemName}${s.highRisk ? '  ← HIGH-RISK USERS' : ''}`);
    if (!s.groups.length) lines.push('    no business unit or groups named: set them on the system to match human-risk figures');
    for (const g of s.groups) lines.push(`    ${g.relation} ${g.name}: ${g.figures ? groupLine(g.figures) : 'no figures for this group'}`);
    for (const t of s.threats) {
      if (t.suggested === null) continue;
      const level = t.suggested as RiskLevel;
      const register = t.risk ? `${t.risk.id} likelihood ${t.risk.likelihood}${t.risk.likelihood < level ? ' (below the suggestion)' : ''}` : 'no risk in the register';
      lines.push(`    ${t.threatId} ${t.threatName}: suggested likelihood ${level} (${likelihoodLabels[level]})${t.highRisk ? ' HIGH' : ''} — ${t.basis}; ${register}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
