import type { z } from 'zod';

/**
 * Error codes every door understands. The CLI maps them to exit codes, the bridge to HTTP
 * statuses and the renderer to messages, so the set is closed and shared.
 */
export const errorCodes = [
  'usage', // unknown command or malformed call
  'invalid_input', // input failed the command's schema
  'not_found', // a file, control or record does not exist
  'refused', // the file exists but cannot be opened (foreign, newer, corrupt)
  'conflict', // the request clashes with the current state
  'integrity', // a stored check failed (audit chain, hashes)
  'internal', // a bug: should never reach a user
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AssayErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems, each naming the path of the field. */
  issues?: { path: string; message: string }[];
}

export class AssayError extends Error {
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'AssayError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): AssayErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function isAssayErrorShape(value: unknown): value is AssayErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Renders zod issues as "field: problem" pairs; the root is called "input". */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : 'input',
    message: issue.message,
  }));
}

/** One readable line per issue, prefixed by what was being validated (a command, a file). */
export function describeIssues(subject: string, issues: { path: string; message: string }[]): string {
  const lines = issues.map((i) => `  - ${i.path}: ${i.message}`);
  return `${subject} is invalid:\n${lines.join('\n')}`;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AssayErrorShape };
