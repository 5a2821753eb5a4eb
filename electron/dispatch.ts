import { commandNames, commands, isCommandName, pathsIn } from '../shared/commands';
import { plainError } from '../shared/plain-issues';
import { AssayError, type AssayErrorShape, type Envelope, describeIssues, zodIssues } from '../shared/errors';
import type { HandlerContext } from './handlers/context';
import { handlers } from './handlers/index';

function toShape(name: string, error: unknown): AssayErrorShape {
  if (error instanceof AssayError) return error.toShape();
  const err = error as { code?: unknown; message?: unknown };
  // SQLite's own errors reach here when a file is damaged or locked: say which command met them.
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_'))
    return { code: 'refused', message: `${name}: the assessment file could not be used (${String(err.message)})` };
  return { code: 'internal', message: `${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}

export interface DispatchOptions {
  /**
   * A door's rule for file paths (the bridge's allowed folders, Electron's user-chosen paths):
   * given the validated, normalised paths, answers why they are refused, or undefined.
   */
  checkPaths?: (command: string, paths: string[]) => string | undefined;
}

/**
 * The single entry every door calls: checks the command name, validates the input with the
 * command's schema, runs the handler, and returns an envelope instead of throwing.
 */
export function dispatch(name: unknown, rawInput: unknown, ctx: HandlerContext, options: DispatchOptions = {}): Envelope<unknown> {
  if (!isCommandName(name))
    return {
      ok: false,
      error: { code: 'usage', message: `unknown command ${JSON.stringify(name)}; known commands: ${commandNames.join(', ')}` },
    };
  // Plain words naming the field ("must be one of …"), as file imports get: people read these.
  const parsed = commands[name].input.safeParse(rawInput ?? {}, { error: plainError });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(`input of ${name}`, issues), issues } };
  }
  // Checked after validation, on the paths the handler will use (trimmed), not on the raw input.
  const problem = options.checkPaths?.(name, pathsIn(parsed.data));
  if (problem) return { ok: false, error: { code: 'refused', message: problem } };
  try {
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    return { ok: true, value: handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toShape(name, error) };
  }
}
