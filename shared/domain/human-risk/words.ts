import type { GroupFigures } from './summary';

/** A group's figures in one line, the same in the app and on the terminal. */
export function groupFiguresLine(g: GroupFigures): string {
  const parts = [
    g.phishPronePct === null ? null : `phish-prone ${g.phishPronePct}%`,
    g.riskScore === null ? null : `risk score ${g.riskScore}`,
    g.trainingCompletionPct === null ? null : `training ${g.trainingCompletionPct}%`,
    g.grade === null ? null : `grade ${g.grade}`,
  ].filter(Boolean);
  return `${parts.join(' · ') || 'no figures'}${g.people ? ` (${g.people} ${g.people === 1 ? 'person' : 'people'})` : ''}${g.asOf ? `, as of ${g.asOf}` : ''}`;
}

export const directionWords = { better: 'improving', worse: 'worsening', same: 'unchanged' } as const;

/** The platform a figure came from, as its maker spells it (stored as the import format's id). */
const sourceNames: Record<string, string> = { knowbe4: 'KnowBe4', mimecast: 'Mimecast' };
export function sourceName(source: string): string {
  return sourceNames[source] ?? source;
}
