import type { DiffValue } from './model';

/** A field's value as the CLI and the Diff view show it: empty for null, long text shortened. */
export function showDiffValue(value: DiffValue): string {
  if (value === null || value === '') return '(empty)';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export const changeSigns = { added: '+', removed: '-', changed: '~' } as const;
