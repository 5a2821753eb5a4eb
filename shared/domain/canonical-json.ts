/**
 * Deterministic JSON: object keys sorted, no whitespace, undefined members dropped.
 * Hashes over audit entries and catalogs must not depend on key order.
 *
 * The usual path lets JSON.stringify walk the value with a replacer that hands it each object
 * with its keys in sorted order: an import's batch entry is tens of megabytes, and the native
 * walk is several times faster than building the string by hand. Objects with array-index keys
 * ("0", "17") defeat it, because JavaScript enumerates such keys first in numeric order whatever
 * order they were added in; a value holding one is built by hand instead, giving the same text.
 *
 * Faster still, when every object in the value already has its keys in sorted order (a writer
 * that builds its records that way, like the risk import), JSON.stringify without a replacer
 * gives the canonical text: one walk in JavaScript checks that, and no replacer call is made
 * for each of a record's members (the replacer cost a 100,000-row import over a second).
 */

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

class IndexKeyFound extends Error {}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    if (INDEX_KEY.test(keys[i]!)) throw new IndexKeyFound();
    if (i > 0 && keys[i - 1]! > keys[i]!) sorted = false;
  }
  if (sorted) return value;
  keys.sort();
  // A null prototype keeps a "__proto__" key an ordinary member.
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of keys) out[k] = (value as Record<string, unknown>)[k];
  return out;
}

/** Deeper values (and cycles) take the usual path, which behaves as it always did. */
const MAX_ORDER_DEPTH = 100;

/** True when JSON.stringify(value) is already the canonical text: keys in order, no index keys, no toJSON. */
function inOrder(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return true;
  }
  if (depth > MAX_ORDER_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inOrder(value[i], depth + 1)) return false;
    return true;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if ((i > 0 && keys[i - 1]! >= key) || INDEX_KEY.test(key) || !inOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

export function canonicalJson(value: unknown): string {
  if (inOrder(value)) return JSON.stringify(value) ?? 'null';
  try {
    return JSON.stringify(value, sortedKeys) ?? 'null';
  } catch (error) {
    if (error instanceof IndexKeyFound) return builtByHand(value);
    throw error;
  }
}

function builtByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => builtByHand(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${builtByHand(v)}`).join(',')}}`;
}
