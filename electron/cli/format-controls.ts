import type { ListedControl } from '../../shared/commands';
import { controlStateLabels } from '../../shared/domain/control-state';
import { type MaturityLevel, maturityLabel, maturityNames } from '../../shared/domain/maturity';
import { countOf } from '../../shared/plural';
import { textTable } from './format';

const maturity = (m: number | null) => (m === null ? '' : maturityLabel(m as MaturityLevel));

export function formatControls(controls: ListedControl[], system: { id: string; name: string } | null): string {
  if (!system)
    return textTable(
      ['ID', 'STATE', 'TYPE', 'OWNER', 'DUE', 'MATURITY', 'NAME'],
      controls.map((c) => [c.id, controlStateLabels[c.state], c.type, c.owner ?? '', c.dueDate ?? '', maturity(c.maturity), c.name]),
    );
  const own = controls.filter((c) => c.source === 'system').length;
  return [
    `${system.id} ${system.name}: ${countOf(own, 'control')} tracked for this system; the others follow the organisation's entry`,
    textTable(
      ['ID', 'STATE', 'FROM', 'OWNER', 'DUE', 'MATURITY', 'NAME'],
      controls.map((c) => [c.id, controlStateLabels[c.state], c.source === 'system' ? 'this system' : 'organisation', c.owner ?? '', c.dueDate ?? '', maturity(c.maturity), c.name]),
    ),
  ].join('\n');
}

export function formatControl(c: ListedControl, system: string | null): string {
  const lines = [`${c.id} ${c.name}${system ? ` for ${system}` : ''}: ${controlStateLabels[c.state]}${system && c.source === 'organisation' ? " (the organisation's entry)" : ''}`];
  if (c.justification) lines.push(`  justification: ${c.justification}`);
  if (c.owner) lines.push(`  owner: ${c.owner}`);
  if (c.dueDate) lines.push(`  due: ${c.dueDate}`);
  if (c.maturity !== null) lines.push(`  maturity: ${c.maturity} (${maturityNames[c.maturity as MaturityLevel]})`);
  if (c.notes) lines.push(`  notes: ${c.notes}`);
  if (c.lastReview || c.nextReview) lines.push(`  reviews: last ${c.lastReview ?? '—'}, next ${c.nextReview ?? '—'}`);
  return lines.join('\n');
}
