import type { CommandOutput } from '../../shared/commands';
import type { OwnControl, UserMapping } from '../../shared/domain/own-controls/control';
import { type SystemThreat, threatDecisionLabels } from '../../shared/domain/threats/decision';

function decisionLine(t: SystemThreat): string {
  if (!t.decision) return 'not decided yet';
  const who = [t.decidedBy && `by ${t.decidedBy}`, t.decidedAt && `on ${t.decidedAt.slice(0, 10)}`].filter(Boolean).join(' ');
  return `${threatDecisionLabels[t.decision].toLowerCase()}${who ? ` ${who}` : ''}${t.reason ? `: ${t.reason}` : ''}`;
}

export function formatThreat(t: SystemThreat): string {
  return `${t.threatId} ${t.name}: ${decisionLine(t)}`;
}

/** Each threat with where it comes from (suggested or added), the user's decision and the rules' reasons. */
export function formatThreats(r: CommandOutput<'systems.threats'>): string {
  if (r.threats.length === 0) return `${r.system.id} ${r.system.name}: no threats suggested or added (describe the system more fully, or add one with assay threats decide … --add)`;
  const open = r.threats.filter((t) => !t.decision).length;
  return [
    `${r.system.id} ${r.system.name}: ${r.threats.length} threats, ${open} not decided yet`,
    ...r.threats.flatMap((t) => [
      `${t.threatId} ${t.name}  ${t.suggested ? 'suggested' : 'added'}; ${decisionLine(t)}`,
      ...t.reasons.map((why) => `    because ${why}`),
    ]),
  ].join('\n');
}

export function formatOwnControl(c: OwnControl, mappings: UserMapping[] = []): string {
  const lines = [`${c.id} ${c.name} (${c.type})${c.retired ? ` retired on ${c.retired.at.slice(0, 10)}: ${c.retired.reason}` : ''}`, `    objective: ${c.objective}`];
  for (const m of mappings.filter((x) => x.control === c.id)) lines.push(`    → ${m.target}${m.relationship ? ` (${m.relationship})` : ''}: ${m.rationale}`);
  return lines.join('\n');
}

export function formatMapping(m: UserMapping): string {
  return `mapped ${m.control} → ${m.target}${m.relationship ? ` (${m.relationship})` : ''}`;
}
