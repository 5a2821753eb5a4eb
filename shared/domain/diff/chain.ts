import { GENESIS_HASH } from '../audit';
import type { ChainDivergence } from './model';

export interface ChainSide {
  /** The assessment's id: copies of one assessment share it from their first entry. */
  id: string;
  /** Entry hashes in order (index 0 is entry 1). */
  hashes: readonly string[];
}

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

function headOf(side: ChainSide): { count: number; hash: string } {
  return { count: side.hashes.length, hash: side.hashes[side.hashes.length - 1] ?? GENESIS_HASH };
}

/**
 * Where two audit chains part. Each entry's hash covers the one before it, so the first equal
 * count with different hashes is the fork point and everything before it is shared.
 */
export function chainDivergence(a: ChainSide, b: ChainSide): ChainDivergence {
  const heads = { a: headOf(a), b: headOf(b) };
  const shortest = Math.min(a.hashes.length, b.hashes.length);
  let common = 0;
  while (common < shortest && a.hashes[common] === b.hashes[common]) common += 1;
  if (a.id !== b.id)
    return { relation: 'unrelated', common, ...heads, summary: `unrelated assessments: a is ${a.id}, b is ${b.id}; their logs share no history` };
  if (common === a.hashes.length && common === b.hashes.length)
    return { relation: 'same', common, ...heads, summary: `the same log: both end at entry ${common}` };
  if (common === a.hashes.length)
    return { relation: 'b-extends-a', common, ...heads, summary: `b extends a by ${entries(b.hashes.length - common)} (a ends at entry ${common}, b at ${b.hashes.length})` };
  if (common === b.hashes.length)
    return { relation: 'a-extends-b', common, ...heads, summary: `a extends b by ${entries(a.hashes.length - common)} (b ends at entry ${common}, a at ${a.hashes.length})` };
  return {
    relation: 'fork',
    common,
    firstDifferent: common + 1,
    ...heads,
    summary: `the logs fork at entry ${common + 1}: ${entries(common)} shared, then ${entries(a.hashes.length - common)} only in a and ${entries(b.hashes.length - common)} only in b`,
  };
}
