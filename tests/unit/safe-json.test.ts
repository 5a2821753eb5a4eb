import { describe, expect, it } from 'vitest';
import { parseJson } from '../../electron/imports/safe-json';

describe('parseJson', () => {
  it.each([
    ['{"__proto__":{"polluted":1}}', '__proto__'],
    // The outermost forbidden key on the path is named.
    ['[{"a":{"constructor":{"prototype":{}}}}]', 'constructor'],
    // Spelled with escapes: the only way a key can hide from a plain text search.
    ['{"__pro\\u0074o__":{"polluted":1}}', '__proto__'],
    ['{"\\u0063onstructor":1}', 'constructor'],
    ['{"x":{"prototyp\\u0065":1}}', 'prototype'],
  ])('refuses %s, naming the key and the place', (text, key) => {
    expect(() => parseJson(text, 'report.jsonl', 'line 3')).toThrow(`report.jsonl line 3: has a key "${key}", which imports refuse`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads keys and values with escapes that spell nothing forbidden, and plain JSON as it is', () => {
    expect(parseJson('{"caf\\u00e9":"\\u2603","proto":1,"constructors":2}', 'a.json')).toEqual({ café: '☃', proto: 1, constructors: 2 });
    expect(parseJson('{"a":[1,{"b":null}]}', 'a.json')).toEqual({ a: [1, { b: null }] });
  });

  it('names the line of a syntax error and refuses nesting deeper than a real report', () => {
    expect(() => parseJson('{\n"a": 1,\n}', 'a.json')).toThrow(/a\.json: is not valid JSON, line 3/);
    expect(() => parseJson('['.repeat(65) + ']'.repeat(65), 'deep.json')).toThrow(/deep\.json: nests objects or arrays deeper than 64 levels/);
    expect(parseJson('['.repeat(64) + ']'.repeat(64), 'deep.json')).toBeInstanceOf(Array);
    // Objects as well as arrays, and strings full of brackets count for nothing.
    expect(() => parseJson('{"a":'.repeat(65) + '1' + '}'.repeat(65), 'deep.json')).toThrow(/deeper than 64 levels/);
    expect(parseJson(JSON.stringify({ a: '[[[['.repeat(100), b: [[{ c: [] }]] }), 'a.json')).toMatchObject({ b: [[{ c: [] }]] });
  });

  it('refuses a hostile nesting of a million levels with the same message, without overflowing the stack', () => {
    const levels = 1_000_000;
    expect(() => parseJson('['.repeat(levels) + ']'.repeat(levels), 'hostile.json', 'line 1')).toThrow('hostile.json line 1: nests objects or arrays deeper than 64 levels');
    // Short enough to be parsed before it is checked, deep, and escaped: no reviver runs, so this
    // cannot end in a stack overflow either.
    const parsedFirst = 100_000;
    expect(() => parseJson(`{"caf\\u00e9":${'['.repeat(parsedFirst)}${']'.repeat(parsedFirst)}}`, 'hostile.json')).toThrow('hostile.json: nests objects or arrays deeper than 64 levels');
  });

  it('counts the nesting of a large text before parsing it, so a file of brackets builds nothing', () => {
    const text = '['.repeat(3 * 1024 * 1024);
    expect(() => parseJson(text, 'brackets.json')).toThrow('brackets.json: nests objects or arrays deeper than 64 levels');
    // Forbidden keys deep inside a large document are found as well.
    const large = JSON.stringify({ items: Array.from({ length: 30_000 }, (_, i) => ({ id: i, note: 'x'.repeat(30) })), deep: { a: [{ constructor: 1 }] } });
    expect(large.length).toBeGreaterThan(1024 * 1024);
    expect(() => parseJson(large, 'large.json')).toThrow('large.json: has a key "constructor"');
  });
});
