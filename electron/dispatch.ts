import { commandNames, commands, isCommandName, pathsIn } from '../shared/commands';
import { plainError } from '../shared/plain-issues';
import { AssayError, type AssayErrorShape, type Envelope, describeIssues, zodIssues } from '../shared/errors';
import type { HandlerContext } from './handlers/context';
import { handlers } from './handlers/index';
import { sideEffectsSoFar } from './side-effects';
import { isBusy } from './store/sqlite';

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
  return attempt(name, rawInput, ctx, options).result;
}

/**
 * For the app's doors (IPC, the bridge): a command that met the file locked by another writer (an
 * import job's commit holds it for a moment) and committed nothing is run again shortly, without
 * blocking the thread meanwhile, for up to `patienceMs`. The thread itself never waits on a lock
 * for long (see setBusyTimeout); the command line simply waits longer.
 */
export async function dispatchPatiently(name: unknown, rawInput: unknown, ctx: HandlerContext, options: DispatchOptions = {}, patienceMs = 5000): Promise<Envelope<unknown>> {
  const start = Date.now();
  for (;;) {
    const { result, busy } = attempt(name, rawInput, ctx, options);
    if (!busy || Date.now() - start >= patienceMs) return result;
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

/** `busy`: the command met the file's lock and neither wrote nor started a job, so running it again is safe. */
function attempt(name: unknown, rawInput: unknown, ctx: HandlerContext, options: DispatchOptions): { result: Envelope<unknown>; busy: boolean } {
  const refuse = (error: AssayErrorShape) => ({ result: { ok: false as const, error }, busy: false });
  if (!isCommandName(name)) return refuse({ code: 'usage', message: `unknown command ${JSON.stringify(name)}; known commands: ${commandNames.join(', ')}` });
  // Plain words naming the field ("must be one of …"), as file imports get: people read these.
  const parsed = commands[name].input.safeParse(rawInput ?? {}, { error: plainError });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return refuse({ code: 'invalid_input', message: describeIssues(`input of ${name}`, issues), issues });
  }
  // Checked after validation, on the paths the handler will use (trimmed), not on the raw input.
  const problem = options.checkPaths?.(name, pathsIn(parsed.data));
  if (problem) return refuse({ code: 'refused', message: problem });
  const writes = sideEffectsSoFar();
  try {
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    return { result: { ok: true, value: handler(parsed.data, ctx) }, busy: false };
  } catch (error) {
    return { result: { ok: false, error: toShape(name, error) }, busy: isBusy(error) && sideEffectsSoFar() === writes };
  }
}
