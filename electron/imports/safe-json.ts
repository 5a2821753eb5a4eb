import { AssayError } from '../../shared/errors';

/**
 * JSON from other tools, parsed defensively: nesting deeper than any real report is refused before
 * parsing (JSON.parse would overflow the stack on a hostile file), and keys that could reach an
 * object's prototype (__proto__, constructor, prototype) are refused by path, so no later spread or
 * merge of imported data can pollute anything. Every error names the file and the place.
 */

export const MAX_JSON_DEPTH = 64;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Text that could hold a forbidden key: one spelled out, or any \u escape (the only escape that
 * can spell a letter). Text without either is parsed without a reviver, several times faster.
 */
const SUSPECT = /"(?:__proto__|constructor|prototype)"|\\u/;

/** The deepest nesting of objects and arrays, counted without parsing (strings skipped). */
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

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses one JSON document (or one JSONL line, with `where` naming it) or throws a clear error. */
export function parseJson(text: string, file: string, where = ''): unknown {
  const at = where ? ` ${where}` : '';
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new AssayError('invalid_input', `${file}${at}: nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels; refused as not a real report`);
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
