import { AssayError } from '../../shared/errors';

/**
 * JSON from other tools, parsed defensively: nesting deeper than any real report is refused, and
 * keys that could reach an object's prototype (__proto__, constructor, prototype) are refused by
 * path, so no later spread or merge of imported data can pollute anything. Every error names the
 * file and the place.
 */

export const MAX_JSON_DEPTH = 64;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Texts longer than this have their nesting counted before they are parsed. A large hostile text
 * of brackets would otherwise build millions of nested arrays before any check could see them; the
 * count allocates nothing. Shorter texts (a JSONL line, a small report) are only checked after
 * parsing, which costs a fraction of reading every character once more: a 50 MB garak report's
 * lines took 2.3× the time of JSON.parse alone with the count, about 1.5× without.
 */
const COUNT_BEFORE_PARSING = 1024 * 1024;

/** The deepest nesting of objects and arrays in a text, counted without parsing (strings skipped). */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}
class TooDeep extends Error {}

/**
 * Walks a parsed value: a key that could reach a prototype, or nesting past `limit`, throws. V8
 * parses JSON without recursing (a million levels parse on Node 20) and JSON.parse makes
 * "__proto__" an own key, never the prototype: the danger is only in what reads the value
 * afterwards, so this runs before anything else does. Its own recursion stops one level past the
 * limit. (A reviver would see the same keys, but V8 applies it recursively and several times slower.)
 */
function checkValue(value: unknown, depth: number, limit: number): void {
  if (depth > limit) throw new TooDeep();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === 'object') checkValue(child, depth + 1, limit);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (FORBIDDEN.has(key)) throw new ForbiddenKey(key);
    const child = record[key];
    if (child !== null && typeof child === 'object') checkValue(child, depth + 1, limit);
  }
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses one JSON document (or one JSONL line, with `where` naming it) or throws a clear error. */
export function parseJson(text: string, file: string, where = ''): unknown {
  const at = where ? ` ${where}` : '';
  const tooDeep = () => new AssayError('invalid_input', `${file}${at}: nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels; refused as not a real report`);
  if (text.length > COUNT_BEFORE_PARSING && jsonDepth(text) > MAX_JSON_DEPTH) throw tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? `, line ${lineOf(text, Number(position[1]))}` : '';
    throw new AssayError('invalid_input', `${file}${at}: is not valid JSON${line} (${message.replace(/^JSON\.parse: /, '')})`);
  }
  if (value === null || typeof value !== 'object') return value;
  try {
    checkValue(value, 1, MAX_JSON_DEPTH);
  } catch (error) {
    if (error instanceof ForbiddenKey) throw new AssayError('invalid_input', `${file}${at}: has a key "${error.key}", which imports refuse (it could alter objects' prototypes)`);
    if (error instanceof TooDeep) throw tooDeep();
    throw error;
  }
  return value;
}

/** A JSON path for problems: $.components[3].licenses. */
export function jsonPath(...parts: (string | number)[]): string {
  return parts.reduce<string>((path, p) => (typeof p === 'number' ? `${path}[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? `${path}.${p}` : `${path}[${JSON.stringify(p)}]`), '$');
}
