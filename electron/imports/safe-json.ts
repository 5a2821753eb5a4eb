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
 * Text that could hold a forbidden key: one spelled out, or any \u escape (the only escape that
 * can spell a letter). Text without either is parsed without a reviver, several times faster.
 */
const SUSPECT = /"(?:__proto__|constructor|prototype)"|\\u/;

/**
 * The deepest nesting of objects and arrays in a parsed value, counted no further than one past
 * `limit`, so the recursion itself stays shallow. V8 parses JSON without recursing (a million
 * levels parse on Node 20), so the danger is in what reads the value afterwards: the check comes
 * after parsing, over the values, which costs a fraction of scanning every character of the text
 * (a 50 MB garak report: 2.3× the time of JSON.parse alone with the scan, about 1.5× now).
 */
export function valueDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  return depthFrom(value, 1, limit);
}

function depthFrom(value: unknown, depth: number, limit: number): number {
  if (value === null || typeof value !== 'object') return depth - 1;
  if (depth > limit) return depth;
  let max = depth;
  const isArray = Array.isArray(value);
  const items = isArray ? (value as unknown[]) : (value as Record<string, unknown>);
  const keys = isArray ? undefined : Object.keys(items);
  const count = keys ? keys.length : (items as unknown[]).length;
  for (let i = 0; i < count && max <= limit; i++) {
    const child = keys ? (items as Record<string, unknown>)[keys[i]!] : (items as unknown[])[i];
    if (child === null || typeof child !== 'object') continue;
    const d = depthFrom(child, depth + 1, limit);
    if (d > max) max = d;
  }
  return max;
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses one JSON document (or one JSONL line, with `where` naming it) or throws a clear error. */
export function parseJson(text: string, file: string, where = ''): unknown {
  const at = where ? ` ${where}` : '';
  let value: unknown;
  try {
    value = SUSPECT.test(text)
      ? JSON.parse(text, function (key, v: unknown) {
          if (FORBIDDEN.has(key)) throw new ForbiddenKey(key);
          return v;
        })
      : JSON.parse(text);
  } catch (error) {
    if (error instanceof ForbiddenKey) throw new AssayError('invalid_input', `${file}${at}: has a key "${error.key}", which imports refuse (it could alter objects' prototypes)`);
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? `, line ${lineOf(text, Number(position[1]))}` : '';
    throw new AssayError('invalid_input', `${file}${at}: is not valid JSON${line} (${message.replace(/^JSON\.parse: /, '')})`);
  }
  if (valueDepth(value) > MAX_JSON_DEPTH) throw new AssayError('invalid_input', `${file}${at}: nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels; refused as not a real report`);
  return value;
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** A JSON path for problems: $.components[3].licenses. */
export function jsonPath(...parts: (string | number)[]): string {
  return parts.reduce<string>((path, p) => (typeof p === 'number' ? `${path}[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? `${path}.${p}` : `${path}[${JSON.stringify(p)}]`), '$');
}
