import { AssayError } from '../errors';

/**
 * The head of an audit chain, "count:hash": the anchor that leaves the file (in reports,
 * manifests, sign-offs) so that truncating or rewriting the log can be detected from outside.
 */
export interface HeadValue {
  count: number;
  hash: string;
}

export function formatHead(head: HeadValue): string {
  return `${head.count}:${head.hash}`;
}

const HEAD = /^(\d{1,12}):([0-9a-f]{64})$/;

export function isHead(text: string): boolean {
  return HEAD.test(text.trim());
}

export function parseHead(text: string): HeadValue {
  const m = HEAD.exec(text.trim().toLowerCase());
  if (!m) throw new AssayError('invalid_input', `expected head "${text}" is not of the form <count>:<sha256 hex>, e.g. 12:3f5a…(64 hex digits)`);
  return { count: Number(m[1]), hash: m[2]! };
}
