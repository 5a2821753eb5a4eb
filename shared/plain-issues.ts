import type { z } from 'zod';

/**
 * zod's default messages ("Invalid input: expected string, received undefined") are written for
 * developers. People importing a framework read these, so validation at the file doors uses this
 * error map: plain words naming the field. Messages a schema sets itself (e.g. "framework ids are
 * lower-case words joined by hyphens") take precedence over it, as zod gives schema-level
 * messages priority.
 */

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
  date: 'a date',
  null: 'nothing',
};

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'a mapping of fields';
  return typeof value;
}

function withArticle(field: string): string {
  return `${/^[aeiou]/i.test(field) ? 'an' : 'a'} ${field.replaceAll('_', ' ')}`;
}

function fieldName(path: readonly PropertyKey[] | undefined): string | undefined {
  const last = path?.[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${n === 1 || n === 1n ? one : many}`;
}

/** A zod error map in plain words; pass it as `schema.safeParse(value, { error: plainError })`. */
export function plainError(issue: z.core.$ZodRawIssue): string | undefined {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return field ? `${withArticle(field)} is required` : 'a value is required';
      return `expected ${typeWords[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${plural(issue.minimum, 'character', 'characters')} long`;
      if (issue.origin === 'array') return `needs at least ${plural(issue.minimum, 'entry', 'entries')}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character', 'characters')} long`;
      if (issue.origin === 'array') return `may have at most ${plural(issue.maximum, 'entry', 'entries')}`;
      return `must be at most ${issue.maximum}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_format':
      if (issue.format === 'date') return 'must be a date like 2026-01-15';
      if (issue.format === 'url') return 'must be a web address like https://example.org/';
      return `is not a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      // A union of plain types (text or a number): name them; anything richer keeps zod's words.
      const expected = issue.errors.map((e) => (e.length === 1 && e[0]!.code === 'invalid_type' && e[0]!.path.length === 0 ? e[0]!.expected : undefined));
      if (expected.length === 0 || expected.includes(undefined)) return undefined;
      return `expected ${expected.map((t) => typeWords[t!] ?? t).join(' or ')}, found ${describeValue(issue.input)}`;
    }
    default:
      return undefined;
  }
}

/**
 * A field path as a person reads it: list positions are 1-based and marked ("requirements #3 ›
 * title" is the third requirement's title), so they match what an editor's reader counts.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return i === 0 ? `entry #${segment + 1}` : ` #${segment + 1}`;
      const name = String(segment);
      return i === 0 ? name : typeof path[i - 1] === 'number' ? ` › ${name}` : `.${name}`;
    })
    .join('')
    .trim();
}
