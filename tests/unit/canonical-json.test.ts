import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHashInput, auditHashParts } from '../../shared/domain/audit';
import { canonicalJson } from '../../shared/domain/canonical-json';

/** The definition, written the plain way: what every audit hash in every file was computed with. */
function oracle(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => oracle(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${oracle(v)}`).join(',')}}`;
}

// Keys that sort differently as numbers, as code units and in insertion order.
const trickyKey = fc.oneof(fc.constantFrom('0', '1', '2', '10', '01', '-1', '4294967295', '$', ' ', 'a', 'B', 'é', '\u{1F600}', '__proto__', 'constructor'), fc.string());
const tricky = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), tie('array')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(trickyKey, fc.option(tie('value'), { nil: undefined })), { maxLength: 6 }).map((pairs) => {
    // Built by JSON.parse, as values read from files are, so "__proto__" is an own member.
    const obj = JSON.parse('{}') as Record<string, unknown>;
    for (const [k, v] of pairs) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    return obj;
  }),
}));

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('orders array-index keys as text, not as numbers', () => {
    expect(canonicalJson({ 10: 'x', 2: 'y', a: 1, '-1': 0 })).toBe('{"-1":0,"10":"x","2":"y","a":1}');
    expect(canonicalJson({ outer: [{ b: 1, 1: 2 }] })).toBe('{"outer":[{"1":2,"b":1}]}');
  });

  it('keeps "__proto__" an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}'))).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ 1: [Infinity] })).toThrow(/non-finite/);
  });

  it('gives exactly the text of the plain definition for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(v) === oracle(v)), { numRuns: 500 });
    fc.assert(fc.property(tricky.value, (v) => canonicalJson(v) === oracle(v)), { numRuns: 1000 });
  });

  it('gives the same text for a value already in key order (its fast path) as for any other', () => {
    const ordered = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v.map(ordered);
      const out = JSON.parse('{}') as Record<string, unknown>;
      for (const k of Object.keys(v).sort()) Object.defineProperty(out, k, { value: ordered((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    };
    fc.assert(fc.property(tricky.value, (v) => canonicalJson(ordered(v)) === oracle(v)), { numRuns: 1000 });
    expect(canonicalJson({ a: new Date(0), b: [1, { c: undefined, d: 2 }] })).toBe('{"a":"1970-01-01T00:00:00.000Z","b":[1,{"d":2}]}');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.b = cycle;
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
  });
});

describe('auditHashInput', () => {
  const record = fc.record({
    seq: fc.nat(),
    at: fc.string(),
    actor: fc.string(),
    actorDigest: fc.option(fc.string(), { nil: undefined }),
    command: fc.string(),
    entity: fc.string(),
    entityId: fc.string(),
    payload: fc.oneof(fc.constant(undefined), tricky.value),
  });

  it('hashes the previous hash, a newline and the whole entry as canonical JSON, whether or not the payload comes pre-serialised', () => {
    fc.assert(
      fc.property(fc.string(), record, (prev, r) => {
        const expected = `${prev}\n${oracle(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)))}`;
        const given = r.payload === undefined ? undefined : oracle(r.payload);
        return auditHashInput(prev, r) === expected && auditHashParts(prev, r, given).join('') === expected;
      }),
      { numRuns: 500 },
    );
  });
});
